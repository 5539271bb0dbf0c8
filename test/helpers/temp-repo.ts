// A bare-bones temporary git repository for unit tests of the git layer (no hooks, no install).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, formatArgs, pathFirst, type RepositoryFormatOptions } from './sandbox.js';

export class TempRepo {
  readonly dir: string;
  readonly env: Record<string, string>;

  constructor(options: { bare?: boolean } & RepositoryFormatOptions = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-unit-'));
    this.env = cleanEnv(this.dir, pathFirst(options.gitBinDir));
    this.git('init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : []), ...formatArgs(options));
    this.git('config', 'user.name', 'Unit');
    this.git('config', 'user.email', 'unit@example.invalid');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  }

  write(file: string, content: string | Buffer): void {
    const target = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }

  commit(files: Record<string, string>, message = 'commit'): string {
    for (const [file, content] of Object.entries(files)) this.write(file, content);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
