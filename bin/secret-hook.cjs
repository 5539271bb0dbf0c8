#!/usr/bin/env node
// Thin launcher: the compiled, bundled program lives in dist/ (CommonJS, so that its compiled code can be cached).
require('../dist/launcher.cjs');
