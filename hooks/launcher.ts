// What bin/secret-hook.cjs loads: run the program, or fail closed when it cannot be loaded.
import { launchProgram } from '../src/commands/launch.js';

const failed = launchProgram(__dirname, process.argv.slice(2), () => process.stderr);
if (failed !== null) process.exitCode = failed;
