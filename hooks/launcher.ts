// What bin/secret-hook.cjs loads: run the program, or fail closed when it cannot be loaded.
import { launchProgram } from '../src/commands/launch.js';

// Its own require: the program lies beside it (src/runtime/code-cache.ts, runBundle).
// An exit code comes back when the program did not run here: it could not be loaded, or it ran in a second node.
const exitCode = launchProgram(__dirname, process.argv.slice(2), () => process.stderr, require);
if (exitCode !== null) process.exitCode = exitCode;
