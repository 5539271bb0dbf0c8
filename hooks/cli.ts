// The `secret-hook` program: read the process's arguments and environment, run the command, set the exit code.
import { crashOutcome, runCli } from '../src/commands/cli.js';

const stdinChunks: Buffer[] = [];
// Fail closed: an error nothing caught must not end the process with exit code 1 ("findings") or 0. It blocks, with
// the usual paragraph.
const crash = (error: unknown) => {
  const outcome = crashOutcome(error, process.argv.slice(2));
  process.stderr.write(outcome.stderr);
  process.exit(outcome.exitCode);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  // Asked only when needed, and through isatty() rather than process.stdin.isTTY: node:tty and the process streams
  // cost start-up time that a clean commit does not need to pay.
  get stdoutIsTty() {
    return isatty(1);
  },
  get stderrIsTty() {
    return isatty(2);
  },
  get stdinIsTty() {
    return isatty(0);
  },
  binPath: process.argv[1] ?? 'secret-hook',
  // Asked only to draw progress on a terminal.
  get stderr() {
    return process.stderr;
  },
  // Asked only when something is printed to a terminal: the report is fitted to its width.
  columns: (stream) => (stream === 'stdout' ? process.stdout : process.stderr).columns,
  ask: (text) => {
    process.stdout.write(text);
    const lines = (require('node:readline') as typeof import('node:readline')).createInterface({
      input: process.stdin,
    });
    return new Promise((resolve) => {
      lines.once('line', (line) => resolve(line));
      lines.once('close', () => resolve(''));
    }).finally(() => lines.close()) as Promise<string>;
  },
  readStdin: async () => {
    for await (const chunk of process.stdin) stdinChunks.push(chunk as Buffer);
    return Buffer.concat(stdinChunks).toString('utf8');
  },
}).then((outcome) => {
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
});

function isatty(fd: number): boolean {
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}
