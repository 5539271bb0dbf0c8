// What the hooks add to a real `git commit`: secret-hook installed from its packed tarball with husky, as a user
// has it. The target is about the pre-commit hook: `git commit` with it (husky's wrapper for the hook, then our
// line) against the same commit with no pre-commit hook at all (husky's wrapper for it removed, everything else
// alike). `--no-verify` is shown beside it, but it is not that baseline: it also skips the commit-msg hook, so a
// difference against it counts husky's commit-msg wrapper (about 6 ms) as part of the pre-commit hook. The commit
// with the secret-hook lines removed shows what husky costs by itself, and the commit with both lines what the
// commit-msg hook (a second node start) adds.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appRepo, stageTypicalCommit } from '../lib/app-repo.js';
import { git } from '../lib/git.js';
import { installPackage } from '../lib/install.js';
import { measureAlternating, type Command } from '../lib/measure.js';
import { formatBytes, nodeBaseline, type Row, type Scenario } from '../lib/scenario.js';

const TARGET_MS = 35;
const NO_PRE_COMMIT = 'git commit (husky, no pre-commit hook)';
const PRE_COMMIT_ONLY = 'git commit (husky + secret-hook pre-commit)';
const BOTH_HOOKS = 'git commit (husky + secret-hook pre-commit and commit-msg)';

export const huskyCommit: Scenario = {
  name: 'husky-commit',
  async run(context) {
    const { settings, env, log } = context;
    const app = await appRepo(settings, env, false);
    log('packing secret-hook and installing the tarball with husky (npm --prefer-offline)…');
    const project = installPackage(settings, context.packageDir);

    // A local clone shares the packs (hard links) and gets its own index, config and hooks.
    const repo = path.join(settings.cacheDir, 'run', 'husky-repo');
    fs.rmSync(repo, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(repo), { recursive: true });
    git(settings.root, env, 'clone', '-q', app.dir, repo);
    for (const [key, value] of [
      ['user.name', 'Bench User'],
      ['user.email', 'bench@example.invalid'],
      ['commit.gpgsign', 'false'],
      ['gc.auto', '0'],
    ]) {
      git(repo, env, 'config', key!, value!);
    }
    fs.symlinkSync(path.join(project, 'node_modules'), path.join(repo, 'node_modules'));
    fs.appendFileSync(path.join(repo, '.git', 'info', 'exclude'), '/node_modules\n/.husky\n');
    const bin = path.join(repo, 'node_modules', '.bin');
    installStep(repo, env, path.join(bin, 'husky'), []);
    installStep(repo, env, path.join(bin, 'secret-hook'), ['install']);
    const hookFile = path.join(repo, '.husky', 'pre-commit');
    // The file git runs for the hook (core.hooksPath is .husky/_): husky's wrapper, which runs .husky/pre-commit.
    const wrapperFile = path.join(repo, '.husky', '_', 'pre-commit');
    const wrapper = fs.readFileSync(wrapperFile);
    const messageHookFile = path.join(repo, '.husky', 'commit-msg');
    const withLine = fs.readFileSync(hookFile, 'utf8');
    const messageWithLine = fs.readFileSync(messageHookFile, 'utf8');
    for (const [file, text] of [
      [hookFile, withLine],
      [messageHookFile, messageWithLine],
    ] as const) {
      if (!text.includes('secret-hook')) throw new Error(`secret-hook install wrote no line into ${file}`);
    }
    const withoutLine = withoutSecretHook(withLine);
    const messageWithoutLine = withoutSecretHook(messageWithLine);

    const change = stageTypicalCommit(settings, env, repo, app.info);
    const base = git(repo, env, 'rev-parse', 'HEAD').trim();
    // Each measured commit is undone (untimed): HEAD goes back, the index keeps the staged change.
    // `hook` null: no pre-commit hook at all, neither husky's wrapper nor .husky/pre-commit.
    const commit = (label: string, args: string[], hook: string | null, messageHook: string): Command => ({
      label,
      file: 'git',
      args: ['commit', '-q', '-m', 'bench: an ordinary message', ...args],
      cwd: repo,
      env,
      before: () => {
        if (hook === null) {
          fs.rmSync(hookFile, { force: true });
          fs.rmSync(wrapperFile, { force: true });
        } else {
          fs.writeFileSync(hookFile, hook);
          fs.writeFileSync(wrapperFile, wrapper, { mode: 0o755 });
        }
        fs.writeFileSync(messageHookFile, messageHook);
      },
      after: () => git(repo, env, 'update-ref', 'HEAD', base),
    });
    const stats = measureAlternating(
      [
        nodeBaseline(repo, env),
        commit('git commit --no-verify', ['--no-verify'], withLine, messageWithLine),
        commit(NO_PRE_COMMIT, [], null, messageWithoutLine),
        commit('git commit (husky, secret-hook lines removed)', [], withoutLine, messageWithoutLine),
        commit(PRE_COMMIT_ONLY, [], withLine, messageWithoutLine),
        commit(BOTH_HOOKS, [], withLine, messageWithLine),
      ],
      { runs: settings.runsFast, warmup: settings.warmup, gnuTime: settings.gnuTime },
    );
    fs.writeFileSync(hookFile, withLine);
    fs.writeFileSync(wrapperFile, wrapper, { mode: 0o755 });
    fs.writeFileSync(messageHookFile, messageWithLine);
    const row = (label: string): Row => ({ scenario: 'husky-commit', tool: label, stats: stats.get(label)! });
    const node = stats.get('node -e 0')!;
    const noVerify = stats.get('git commit --no-verify')!.median;
    const added = stats.get(PRE_COMMIT_ONLY)!.median - stats.get(NO_PRE_COMMIT)!.median;
    const over = added - node.median;
    const overNoVerify = stats.get(PRE_COMMIT_ONLY)!.median - noVerify - node.median;
    const addedBoth = stats.get(BOTH_HOOKS)!.median - noVerify;
    const messageShare = stats.get(BOTH_HOOKS)!.median - stats.get(PRE_COMMIT_ONLY)!.median;
    return {
      description:
        `\`git commit\` of the typical change (${change.files} files, ${change.addedLines} added lines) in a clone ` +
        `of the small repository (pack ${formatBytes(app.info.packBytes)}), secret-hook and husky installed from ` +
        'the packed tarball; "hook adds" = with the pre-commit hook − with no pre-commit hook (husky\'s wrapper for ' +
        'it removed; `--no-verify` also skips the commit-msg hook, so it is shown, not used).',
      rows: [
        row('node -e 0'),
        row('git commit --no-verify'),
        row(NO_PRE_COMMIT),
        row('git commit (husky, secret-hook lines removed)'),
        {
          ...row(PRE_COMMIT_ONLY),
          target: `hook adds ≤ node -e 0 + ${TARGET_MS} ms`,
          measured:
            `adds ${added.toFixed(1)} ms = node -e 0 + ${over.toFixed(1)} ms ` +
            `(against --no-verify: + ${overNoVerify.toFixed(1)} ms)`,
          met: over <= TARGET_MS,
        },
        {
          ...row(BOTH_HOOKS),
          measured: `adds ${addedBoth.toFixed(1)} ms, of which commit-msg ${messageShare.toFixed(1)} ms`,
        },
      ],
    };
  },
};

function withoutSecretHook(hook: string): string {
  return hook
    .split('\n')
    .filter((line) => !line.includes('secret-hook'))
    .join('\n');
}

function installStep(cwd: string, env: Record<string, string>, file: string, args: string[]): void {
  execFileSync(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}
