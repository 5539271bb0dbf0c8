// What bin/secret-hook.cjs loads: run the program, or fail closed when it cannot be loaded.
import { launchProgram } from '../src/commands/launch.js';

// Its own require: the program lies beside it (src/runtime/code-cache.ts, runBundle).
const failed = launchProgram(__dirname, process.argv.slice(2), () => process.stderr, require);
if (failed !== null) process.exitCode = failed;
