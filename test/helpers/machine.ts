// One sandboxed machine for tests of machine-wide installs: a home of its own (HOME, XDG_CONFIG_HOME and
// GIT_CONFIG_GLOBAL all inside a temporary directory, so the real global configuration is never read or written),
// shared by every repository the test makes on it, and a marker file outside those repositories where their own
// hooks write that they ran.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Sandbox } from './sandbox.js';

export class Machine {
  readonly root: string;
  readonly home: string;
  readonly env: Record<string, string>;
  readonly markers: string;
  readonly gitConfig: string;

  /** `sandboxes`: where the test collects sandboxes to remove after it. */
  constructor(private readonly sandboxes: Sandbox[]) {
    const first = new Sandbox({ husky: false, install: false, name: 'first' });
    sandboxes.push(first);
    this.root = first.root;
    this.home = path.join(this.root, 'machine-home');
    fs.mkdirSync(this.home);
    this.gitConfig = path.join(this.home, '.gitconfig');
    this.env = {
      HOME: this.home,
      XDG_CONFIG_HOME: path.join(this.home, '.config'),
      GIT_CONFIG_GLOBAL: this.gitConfig,
    };
    this.markers = path.join(this.root, 'markers.log');
  }

  /** A repository on this machine, with one commit: husky (core.hooksPath=.husky/_) or plain .git/hooks. */
  repo(kind: 'husky' | 'plain', install = false): Sandbox {
    const box = new Sandbox({ husky: kind === 'husky', install, name: `${kind}-repo` });
    this.sandboxes.push(box);
    box.seed({ 'README.md': '# app\n' });
    return box;
  }

  git(box: Sandbox, ...args: string[]) {
    return box.run('git', args, { env: this.env });
  }

  secretHook(box: Sandbox, args: string[], env: Record<string, string> = {}) {
    return box.secretHook(args, { env: { ...this.env, ...env } });
  }

  /** The marker lines the repositories' own hooks wrote. */
  marks(): string[] {
    return fs.existsSync(this.markers) ? fs.readFileSync(this.markers, 'utf8').trim().split('\n') : [];
  }
}

/** A hook that appends "<name> <hook>" to the marker file, and copies its stdin to `stdinFile` when given. */
export function markerHook(machine: Machine, name: string, stdinFile?: string): string {
  const stdin = stdinFile ? `cat > '${stdinFile}'\n` : '';
  return `#!/bin/sh\n${stdin}echo "${name} $(basename "$0")" >> '${machine.markers}'\n`;
}
