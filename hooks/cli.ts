// The `secret-hook` program: read the process's arguments and environment, run the command, set the exit code.
import { runCli } from '../src/commands/cli.js';
import { NO_PROGRESS, terminalProgress } from '../src/report/progress.js';

const stdinChunks: Buffer[] = [];
const outcome = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  stdinIsTty: process.stdin.isTTY === true,
  binPath: process.argv[1] ?? 'secret-hook',
  progress: (label) => (process.stderr.isTTY ? terminalProgress(process.stderr, label) : NO_PROGRESS),
  readStdin: async () => {
    for await (const chunk of process.stdin) stdinChunks.push(chunk as Buffer);
    return Buffer.concat(stdinChunks).toString('utf8');
  },
});
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
