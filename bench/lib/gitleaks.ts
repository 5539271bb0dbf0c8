// The reference scanner. Its command line changed in 8.19 (`protect`/`detect` became `git`/`dir`), so the
// subcommands are chosen from what the given binary offers.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Command } from './measure.js';

export interface Gitleaks {
  bin: string;
  version: string;
  /** Arguments that scan the staged changes of the repository in the current directory. */
  stagedArgs: string[];
  /** Arguments that scan every commit of the repository in the current directory. */
  historyArgs: string[];
  /** Arguments that scan the files under the current directory, without git. */
  dirArgs: string[];
}

// No --report-path: gitleaks 8.26, run as root, replaces a report path of /dev/null with a regular file.
// --exit-code 0: it exits 1 on leaks, which would read as a failure here; findings are not what is measured.
const COMMON = ['--no-banner', '--no-color', '--exit-code', '0'];

export function describeGitleaks(bin: string): Gitleaks {
  const help = execFileSync(bin, ['--help'], { encoding: 'utf8' });
  const modern = /^\s+git\s/m.test(help);
  return {
    bin,
    version: gitleaksVersion(bin),
    stagedArgs: modern ? ['git', '--pre-commit', '--staged', ...COMMON, '.'] : ['protect', '--staged', ...COMMON],
    historyArgs: modern ? ['git', ...COMMON, '.'] : ['detect', '--source', '.', ...COMMON],
    dirArgs: modern ? ['dir', ...COMMON, '.'] : ['detect', '--no-git', '--source', '.', ...COMMON],
  };
}

export function gitleaksCommand(
  gitleaks: Gitleaks,
  label: string,
  kind: 'staged' | 'history' | 'dir',
  cwd: string,
  env: Record<string, string>,
): Command {
  const args = { staged: gitleaks.stagedArgs, history: gitleaks.historyArgs, dir: gitleaks.dirArgs }[kind];
  return { label, file: gitleaks.bin, args, cwd, env };
}

// Debian's build prints "version is set by build process": fall back to the package's changelog.
function gitleaksVersion(bin: string): string {
  const printed = execFileSync(bin, ['version'], { encoding: 'utf8' }).trim();
  if (/^v?\d+\.\d+/.test(printed)) return printed;
  const changelog = path.resolve(path.dirname(bin), '..', 'share', 'doc', 'gitleaks', 'changelog.Debian.gz');
  if (fs.existsSync(changelog)) {
    const first = gunzipSync(fs.readFileSync(changelog)).toString('utf8').split('\n')[0] ?? '';
    const match = /\(([^)]+)\)/.exec(first);
    if (match) return `${match[1]} (Debian package)`;
  }
  return printed || 'unknown';
}
