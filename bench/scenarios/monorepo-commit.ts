// The typical commit (5 files, 200 added lines) in monorepos whose index holds 300,000 and 1,000,000 entries: the
// hook's cost must follow the change, not the index. Each repository is one commit written by git fast-import
// (bench/lib/monorepo.ts: seeded paths, every file its own blob) with its index filled by `git read-tree`, cached
// under bench/.cache/. Timed side by side with `node -e 0`, gitleaks and `git diff --cached` (git's own C reader):
// - `pre-commit` with the index as `git commit` hands it to its hooks (the cache tree brought up to date, as
//   `git commit` does before running them: here `git write-tree`);
// - `check <the 5 paths>` as lint-staged runs it, on the same index;
// - `check` on the index as `git add` leaves it (the cache tree invalidated along the 5 paths): a manual check;
// - `pre-push` of the commit (its stdin line; the remote-tracking ref names the parent).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineSource, sourceFiles } from '../lib/corpus.js';
import { cachedRepo, git, initRepo, packBytes } from '../lib/git.js';
import { gitleaksCommand } from '../lib/gitleaks.js';
import { measureAlternating, type Command } from '../lib/measure.js';
import { importMonorepo, monorepoPaths, sortedPaths, spreadTextFiles } from '../lib/monorepo.js';
import { formatBytes, nodeBaseline, secretHook, type Context, type Row, type Scenario } from '../lib/scenario.js';
import type { Settings } from '../lib/settings.js';

// Bump when the builder changes: cached repositories of another version are not reused.
const VERSION = 1;
const FILES_CHANGED = 5;
const LINES_PER_FILE = 40;
/** Targets over `node -e 0`, by entry count; the peak memory target for the largest. */
const TARGETS_MS: Record<number, number> = { 300_000: 50, 1_000_000: 120 };
const PEAK_TARGET_BYTES = 200 * 1024 * 1024;

interface MonorepoInfo {
  entries: number;
  indexBytes: number;
  packBytes: number;
  directories: number;
  /** The files the typical commit edits (real source text, so the commit adds real lines). */
  changed: string[];
}

export const monorepoCommit: Scenario = {
  name: 'monorepo-commit',
  async run(context) {
    const { settings, env, gitleaks, log } = context;
    const rows: Row[] = [];
    const descriptions: string[] = [];
    for (const entries of settings.sizes.monorepoEntries) {
      log(`building the ${entries.toLocaleString('en-US')}-entry monorepo if it is not cached…`);
      const { dir, info } = await monorepoRepo(settings, env, entries);
      const staged = stageCommit(settings, env, dir, info);
      const label = (tool: string) => `${tool} (${shortCount(entries)})`;
      const commands: Command[] = [
        { ...nodeBaseline(dir, env), label: label('node -e 0') },
        secretHook(context, label('secret-hook pre-commit'), ['pre-commit'], dir),
        secretHook(context, label('secret-hook check <5 paths>'), ['check', ...info.changed], dir),
        {
          ...secretHook(context, label('secret-hook check, after git add'), ['check'], dir),
          env: { ...env, GIT_INDEX_FILE: staged.afterAdd },
        },
        prePush(context, label('secret-hook pre-push (1 commit)'), dir, staged),
        { label: label('git diff --cached'), file: 'git', args: ['diff', '--cached', '--raw'], cwd: dir, env },
      ];
      if (gitleaks) commands.push(gitleaksCommand(gitleaks, label('gitleaks (staged)'), 'staged', dir, env));
      const stats = measureAlternating(commands, {
        runs: settings.runsFast,
        warmup: settings.warmup,
        gnuTime: settings.gnuTime,
      });
      const node = stats.get(label('node -e 0'))!;
      const ours = stats.get(label('secret-hook pre-commit'))!;
      const theirs = gitleaks ? stats.get(label('gitleaks (staged)')) : undefined;
      const target = TARGETS_MS[entries];
      const over = ours.median - node.median;
      const peakOk = entries < 1_000_000 || ours.peakRss === null || ours.peakRss <= PEAK_TARGET_BYTES;
      for (const command of commands) {
        const s = stats.get(command.label)!;
        const row: Row = { scenario: 'monorepo-commit', tool: command.label, stats: s };
        if (command.label === label('secret-hook pre-commit')) {
          if (theirs) row.ratio = s.median / theirs.median;
          if (target !== undefined) {
            row.target = `≤ node -e 0 + ${target} ms${entries >= 1_000_000 ? `, ≤ ${formatBytes(PEAK_TARGET_BYTES)}` : ''}`;
            row.measured = `node -e 0 + ${over.toFixed(1)} ms${ours.peakRss ? `, ${formatBytes(ours.peakRss)}` : ''}`;
            row.met = over <= target && peakOk;
          }
        } else if (
          command.label !== label('node -e 0') &&
          !command.label.startsWith('git') &&
          !command.label.startsWith('gitleaks')
        ) {
          row.measured = `node -e 0 + ${(s.median - node.median).toFixed(1)} ms`;
        }
        rows.push(row);
      }
      descriptions.push(
        `${info.entries.toLocaleString('en-US')} entries in ${info.directories.toLocaleString('en-US')} directories ` +
          `(index ${formatBytes(info.indexBytes)}, pack ${formatBytes(info.packBytes)})`,
      );
    }
    return {
      description:
        `the typical commit (${FILES_CHANGED} files, ${FILES_CHANGED * LINES_PER_FILE} added lines) in monorepos of ` +
        `${descriptions.join(' and of ')}.`,
      rows,
    };
  },
};

function shortCount(entries: number): string {
  return entries >= 1_000_000 ? `${entries / 1_000_000}M` : `${Math.round(entries / 1000)}k`;
}

async function monorepoRepo(settings: Settings, env: Record<string, string>, entries: number) {
  return cachedRepo(settings.cacheDir, `monorepo-v${VERSION}-${entries}e`, async (dir): Promise<MonorepoInfo> => {
    initRepo(dir, env);
    const paths = monorepoPaths(entries);
    const changed = spreadTextFiles(sortedPaths(paths), FILES_CHANGED);
    // The edited files hold real code (about 150 lines each); every other file is a distinct small module.
    const lines = new LineSource(sourceFiles(settings.root).filter((f) => f.rel.endsWith('.ts')));
    const real = new Map(
      changed.map((file) => [file, Array.from({ length: 150 }, () => lines.next()).join('\n') + '\n']),
    );
    await importMonorepo(dir, paths, {
      env,
      content: (file, i) => real.get(file) ?? `// ${file}\nexport const value = ${i};\n`,
    });
    // The index without a checkout (a million files on disk would only cost the benchmark's disk): read-tree
    // writes the entries and the cache tree, as a checkout does.
    git(dir, env, 'read-tree', 'HEAD');
    git(dir, env, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    git(dir, env, 'remote', 'add', 'origin', path.join(dir, 'remote-not-used.git'));
    const directories = git(dir, env, 'ls-tree', '-r', '-d', 'HEAD').split('\n').filter(Boolean).length + 1;
    return {
      entries,
      indexBytes: fs.statSync(path.join(dir, '.git', 'index')).size,
      packBytes: packBytes(dir),
      directories,
      changed,
    };
  });
}

interface Staged {
  /** A copy of the index as `git add` left it, before the cache tree was brought up to date. */
  afterAdd: string;
  /** The commit of the staged change on top of HEAD, and HEAD: what pre-push is told. */
  commit: string;
  parent: string;
}

/**
 * Stages the typical commit: 40 real lines inserted in the middle of each of the five files, `git add`, then
 * `git write-tree` as `git commit` does before its hooks. The index is reset first, so a re-run stages the same.
 */
function stageCommit(settings: Settings, env: Record<string, string>, dir: string, info: MonorepoInfo): Staged {
  git(dir, env, 'read-tree', 'HEAD');
  const lines = new LineSource(
    sourceFiles(settings.root)
      .filter((f) => f.rel.endsWith('.ts'))
      .slice(0, 50),
  );
  for (const file of info.changed) {
    const rows = git(dir, env, 'show', `HEAD:${file}`).split('\n');
    rows.splice(rows.length >> 1, 0, ...Array.from({ length: LINES_PER_FILE }, () => lines.next()));
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), rows.join('\n'));
  }
  git(dir, env, 'add', '--', ...info.changed);
  const afterAdd = path.join(dir, '.git', 'index-after-add');
  fs.copyFileSync(path.join(dir, '.git', 'index'), afterAdd);
  const tree = git(dir, env, 'write-tree').trim();
  const parent = git(dir, env, 'rev-parse', 'HEAD').trim();
  const commit = git(dir, env, 'commit-tree', tree, '-p', parent, '-m', 'The typical change').trim();
  return { afterAdd, commit, parent };
}

/** `pre-push origin <url>` for the staged change committed on top of HEAD (which origin/main already has). */
function prePush(context: Context, label: string, dir: string, staged: Staged): Command {
  const command = secretHook(context, label, ['pre-push', 'origin', path.join(dir, 'remote-not-used.git')], dir);
  const input = `refs/heads/main ${staged.commit} refs/heads/main ${staged.parent}\n`;
  return { ...command, input };
}
