// A git server for end-to-end tests: the sandbox's bare repository with the packed secret-hook installed as its
// pre-receive hook (as an administrator installs it), reached over file:// or over git's own daemon on 127.0.0.1.
// The daemon is started on a free port by the test and always stopped after it (stop() in afterEach).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { inject } from 'vitest';
import { cleanEnv, type Sandbox } from './sandbox.js';

export type Transport = 'file' | 'daemon';

/** The installed program, as a server's administrator would reference it. */
export function installedProgram(): string {
  return path.join(inject('installDir'), 'node_modules', '.bin', 'secret-hook');
}

/** Writes `hooks/pre-receive` into the bare repository: `script` runs before secret-hook when given. */
export function installServerHook(gitDir: string, before = ''): void {
  const hook = path.join(gitDir, 'hooks', 'pre-receive');
  fs.mkdirSync(path.dirname(hook), { recursive: true });
  fs.writeFileSync(hook, `#!/bin/sh\n${before}exec '${installedProgram()}' pre-receive\n`, { mode: 0o755 });
}

export class GitServer {
  private daemon: ChildProcess | null = null;
  private exited: Promise<void> | null = null;
  url = '';

  constructor(
    readonly box: Sandbox,
    readonly transport: Transport,
  ) {}

  async start(): Promise<void> {
    if (this.transport === 'file') {
      this.url = `file://${this.box.remote}`;
      return;
    }
    const base = path.dirname(this.box.remote);
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freePort();
      const daemon = spawn(
        'git',
        [
          'daemon',
          '--reuseaddr',
          '--listen=127.0.0.1',
          `--port=${port}`,
          `--base-path=${base}`,
          '--export-all',
          '--enable=receive-pack',
          '--informative-errors',
          base,
        ],
        { env: cleanEnv(this.box.home), stdio: ['ignore', 'ignore', 'pipe'] },
      );
      this.daemon = daemon;
      this.exited = new Promise((resolve) => daemon.once('exit', () => resolve()));
      daemon.stderr!.resume();
      this.url = `git://127.0.0.1:${port}/${path.basename(this.box.remote)}`;
      if (await this.ready()) return;
      await this.stop();
    }
    throw new Error('git daemon did not start');
  }

  /** Polls until the daemon answers (it binds its port a moment after starting). */
  private async ready(): Promise<boolean> {
    for (let i = 0; i < 100; i++) {
      if (this.daemon?.exitCode !== null) return false;
      const probe = spawnSync('git', ['ls-remote', this.url], {
        env: cleanEnv(this.box.home),
        encoding: 'utf8',
        timeout: 5000,
      });
      if (probe.status === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  /** Stops the daemon this test started (by its process id), and waits for it to exit. */
  async stop(): Promise<void> {
    const daemon = this.daemon;
    this.daemon = null;
    if (!daemon || daemon.exitCode !== null || daemon.signalCode !== null) return;
    daemon.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
    if ((await Promise.race([this.exited, timeout])) === 'timeout') daemon.kill('SIGKILL');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Everything that names a ref in the server's repository, as bytes: `git for-each-ref`, the packed-refs file, and
 * every loose ref file with its content. A refused push must leave all of it identical.
 */
export function serverRefs(gitDir: string, home: string): string {
  const listed = spawnSync('git', ['for-each-ref', '--format=%(refname) %(objectname)'], {
    cwd: gitDir,
    env: cleanEnv(home),
    encoding: 'utf8',
  }).stdout;
  const packed = path.join(gitDir, 'packed-refs');
  const loose = fs
    .readdirSync(path.join(gitDir, 'refs'), { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const file = path.join(gitDir, 'refs', name);
      return fs.statSync(file).isFile() ? `${name}: ${fs.readFileSync(file, 'latin1')}` : `${name}/`;
    });
  return [
    listed,
    fs.existsSync(packed) ? fs.readFileSync(packed, 'latin1') : '(no packed-refs)',
    ...loose,
    `HEAD: ${fs.readFileSync(path.join(gitDir, 'HEAD'), 'latin1')}`,
  ].join('\n');
}
