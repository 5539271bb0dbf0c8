#!/usr/bin/env node
// Thin launcher: the compiled, bundled program lives in dist/.
import '../dist/cli.js';
