// The `secret-hook` program: read the process's arguments and environment, run the command, set the exit code.
import { isatty } from 'node:tty';
import { runCli } from '../src/commands/cli.js';
import { NO_PROGRESS, terminalProgress } from '../src/report/progress.js';

const stdinChunks: Buffer[] = [];
const outcome = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  // isatty() rather than process.stdin.isTTY: touching the process streams creates them, which costs start-up time.
  stdoutIsTty: isatty(1),
  stderrIsTty: isatty(2),
  stdinIsTty: isatty(0),
  binPath: process.argv[1] ?? 'secret-hook',
  progress: (label) => (isatty(2) ? terminalProgress(process.stderr, label) : NO_PROGRESS),
  readStdin: async () => {
    for await (const chunk of process.stdin) stdinChunks.push(chunk as Buffer);
    return Buffer.concat(stdinChunks).toString('utf8');
  },
});
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
