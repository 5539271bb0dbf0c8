// `secret-hook doctor` in each case that keeps secret-hook from running, on a sandboxed machine (its own HOME,
// XDG_CONFIG_HOME and GIT_CONFIG_GLOBAL): what it says, what it tells the user to do, and its exit code. Where the
// doctor says secret-hook runs, a real commit with a key is stopped; where it says it does not, the commit goes
// through, so that its verdict is checked against git, not against itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Machine } from '../helpers/machine.js';
import { type Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';
import { preCommitProgram } from '../helpers/pre-commit-program.js';

const keys = new FakeKeys(1616);
const sandboxes = sandboxesCleanedAfterEach();

/** What lefthook 1.x writes into .git/hooks/<hook> (`lefthook install`), trimmed to what matters. */
function lefthookHook(hook: string): string {
  return `#!/bin/sh\n\nif [ "$LEFTHOOK" = "0" ]; then\n  exit 0\nfi\n\ncall_lefthook()\n{\n  if lefthook -h >/dev/null 2>&1\n  then\n    lefthook "$@"\n  fi\n}\n\ncall_lefthook run "${hook}" "$@"\n`;
}

/** Whether a commit adding a key is stopped: the doctor's verdict, checked with git. */
function keyCommitStopped(m: Machine, box: Sandbox): boolean {
  box.write('pay.js', `const stripe = "sk_live_${keys.chars('base62', 40)}";\n`);
  m.git(box, 'add', 'pay.js');
  const result = m.git(box, 'commit', '-q', '-m', 'pay');
  if (result.status === 0) {
    m.git(box, 'reset', '-q', '--soft', 'HEAD^');
  }
  m.git(box, 'rm', '-q', '--cached', 'pay.js');
  box.remove('pay.js');
  return result.status !== 0;
}

/** The doctor's report on one line per sentence (wide enough that no sentence is broken). */
function doctor(m: Machine, box: Sandbox, env: Record<string, string> = {}) {
  return m.secretHook(box, ['doctor'], { COLUMNS: '400', ...env });
}

describe('doctor', () => {
  it('plain `secret-hook install`: all three hooks, exit 0', () => {
    const m = new Machine(sandboxes);
    const box = m.repo('plain', true);
    const report = doctor(m, box);
    expect(report.status, report.output).toBe(0);
    expect(report.stdout).toContain('Hooks directory: .git/hooks');
    expect(report.stdout).toContain("git's default (no core.hooksPath is set)");
    expect(report.stdout).toMatch(
      /pre-commit +\.git\/hooks\/pre-commit \(secret-hook install\), which runs secret-hook/,
    );
    expect(report.stdout).toMatch(/commit-msg +\.git\/hooks\/commit-msg \(secret-hook install\)/);
    expect(report.stdout).toContain('✓ secret-hook checks every commit, commit message and push in this repository.');
    expect(keyCommitStopped(m, box)).toBe(true);
  });

  it('husky without secret-hook lines: each missing hook, with `secret-hook install` as the fix', () => {
    const m = new Machine(sandboxes);
    const box = m.repo('husky');
    box.write('.husky/pre-commit', 'npm test\n');
    const report = doctor(m, box);
    expect(report.status).toBe(1);
    expect(report.stdout).toContain('Hooks directory: .husky/_');
    expect(report.stdout).toContain("this repository's configuration");
    expect(report.stdout).toContain(
      'husky runs .husky/pre-commit at pre-commit, and it does not run secret-hook: commits are not checked.',
    );
    expect(report.stdout).toContain('husky runs .husky/commit-msg at commit-msg, which does not exist');
    expect(report.stdout).toContain(
      'Run npx secret-hook install (it adds secret-hook pre-push "$@" to .husky/pre-push).',
    );
    expect(report.stdout).toContain('3 things to fix:');
    // Followed, the fix is complete.
    expect(m.secretHook(box, ['install']).status).toBe(0);
    const fixed = doctor(m, box);
    expect(fixed.status, fixed.output).toBe(0);
    expect(keyCommitStopped(m, box)).toBe(true);
  });

  it('install --global and a husky repository: the repository’s core.hooksPath shadows the global one; husky’s startup file covers the hooks it has scripts for', () => {
    const m = new Machine(sandboxes);
    const box = m.repo('husky');
    box.write('.husky/pre-commit', 'echo lint\n');
    expect(m.secretHook(box, ['install', '--global']).status).toBe(0);
    const report = doctor(m, box);
    expect(report.status).toBe(1);
    expect(report.stdout).toMatch(
      /pre-commit +secret-hook \(husky's startup file, install --global\), then \.husky\/_\/pre-commit \(husky\) → \.husky\/pre-commit/,
    );
    expect(report.stdout).toContain(
      'This repository sets its own core.hooksPath (.husky/_, in ' +
        `${path.join(box.dir, '.git/config')}), which git prefers to the global one that secret-hook install --global set, so the global hooks do not run here.`,
    );
    expect(report.stdout).toContain(
      "husky's startup file runs secret-hook for every hook that has a script in .husky/; for the others, run npx secret-hook install here",
    );
    expect(report.stdout).toContain(
      'husky runs .husky/pre-push at pre-push, which does not exist: pushes are not checked.',
    );
    expect(keyCommitStopped(m, box)).toBe(true);
  });

  it('install --global and a plain repository with lefthook: secret-hook first, then lefthook’s hook', () => {
    const m = new Machine(sandboxes);
    const box = m.repo('plain');
    box.write('lefthook.yml', 'pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n');
    fs.writeFileSync(path.join(box.dir, '.git/hooks/pre-commit'), lefthookHook('pre-commit'), { mode: 0o755 });
    expect(m.secretHook(box, ['install', '--global']).status).toBe(0);
    const report = doctor(m, box);
    expect(report.status, report.output).toBe(0);
    expect(report.stdout).toContain('secret-hook install --global');
    expect(report.stdout).toMatch(
      /pre-commit +secret-hook \(global hooks\), then \.git\/hooks\/pre-commit \(lefthook\)/,
    );
    expect(report.stdout).toMatch(
      /commit-msg +secret-hook \(global hooks\); the repository has no commit-msg hook of its own/,
    );
    expect(keyCommitStopped(m, box)).toBe(true);
  });

  it('lefthook without secret-hook: the lines to add to lefthook.yml', () => {
    const m = new Machine(sandboxes);
    const box = m.repo('plain');
    box.write('lefthook.yml', 'pre-commit:\n  commands:\n    lint:\n      run: npm run lint\n');
    for (const hook of ['pre-commit', 'commit-msg', 'pre-push'])
      fs.writeFileSync(path.join(box.dir, '.git/hooks', hook), lefthookHook(hook), { mode: 0o755 });
    const report = doctor(m, box);
    expect(report.status).toBe(1);
    expect(report.stdout).toContain(
      'lefthook runs pre-commit, and lefthook.yml does not run secret-hook there: commits are not checked.',
    );
    expect(report.stdout).toContain(
      'pre-push: { commands: { secret-hook: { run: secret-hook pre-push {1} {2}, use_stdin: true } } }',
    );
  });

  it('a repository-level core.hooksPath of its own, and a global core.hooksPath that is not secret-hook’s', () => {
    const m = new Machine(sandboxes);
    // .githooks: a directory of the repository's own, set in its configuration, with a hook that does not scan.
    const own = m.repo('plain');
    fs.mkdirSync(path.join(own.dir, '.githooks'));
    fs.writeFileSync(path.join(own.dir, '.githooks/pre-commit'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    fs.writeFileSync(path.join(own.dir, '.githooks/pre-push'), '#!/bin/sh\nexit 0\n');
    own.gitOk('config', 'core.hooksPath', '.githooks');
    const report = doctor(m, own);
    expect(report.status).toBe(1);
    expect(report.stdout).toContain('Hooks directory: .githooks');
    expect(report.stdout).toContain('.githooks/pre-commit does not run secret-hook: commits are not checked.');
    expect(report.stdout).toContain('Run npx secret-hook install --chain (it keeps this hook and runs it first)');
    expect(report.stdout).toContain(
      '.githooks/pre-push is not executable, so git ignores it: nothing runs at pre-push.',
    );
    expect(report.stdout).toContain('chmod +x .githooks/pre-push');
    expect(keyCommitStopped(m, own)).toBe(false);

    // A global core.hooksPath of another tool: git ignores .git/hooks, where secret-hook install wrote its hooks.
    const shadowed = m.repo('plain', true);
    const elsewhere = path.join(m.home, 'team-hooks');
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(m.gitConfig, `[core]\n\thooksPath = ${elsewhere}\n`);
    const global = doctor(m, shadowed);
    expect(global.status).toBe(1);
    expect(global.stdout).toContain(
      `core.hooksPath is set to ${elsewhere} in your global configuration (${m.gitConfig}), so git runs hooks from there in every repository without its own, and ignores .git/hooks. The secret-hook hooks in .git/hooks (pre-commit, commit-msg, pre-push) never run.`,
    );
    expect(global.stdout).toContain('or run secret-hook install --global');
    expect(keyCommitStopped(m, shadowed)).toBe(false);
    // The fix it names: install --global runs secret-hook, then the team's hooks.
    expect(m.secretHook(shadowed, ['install', '--global']).status).toBe(0);
    expect(doctor(m, shadowed).status).toBe(0);
    expect(keyCommitStopped(m, shadowed)).toBe(true);
  });

  it('the pre-commit framework: configured for commit-msg but not installed for it, or not listing secret-hook', () => {
    const program = preCommitProgram();
    const m = new Machine(sandboxes);
    const box = m.repo('plain');
    box.write(
      '.pre-commit-config.yaml',
      'repos:\n  - repo: https://example.invalid/secret-hook\n    rev: v1\n    hooks:\n      - id: secret-hook\n      - id: secret-hook-commit-msg\n',
    );
    const installed = box.run(program, ['install', '--hook-type', 'pre-commit', '--hook-type', 'pre-push'], {
      env: m.env,
    });
    expect(installed.status, installed.output).toBe(0);
    const report = doctor(m, box);
    expect(report.status).toBe(1);
    expect(report.stdout).toMatch(
      /pre-commit +\.git\/hooks\/pre-commit \(the pre-commit framework\), which runs secret-hook/,
    );
    expect(report.stdout).toContain(
      ".pre-commit-config.yaml lists secret-hook's commit-msg hook, but the pre-commit framework is not installed for commit-msg: commit messages are not checked.",
    );
    expect(report.stdout).toContain('pre-commit install --hook-type commit-msg');
    expect(report.stdout).toContain(
      "The pre-commit framework runs pre-push, and .pre-commit-config.yaml does not list secret-hook's pre-push hook: pushes are not checked.",
    );
    expect(report.stdout).toContain('Add - id: secret-hook-push under secret-hook');
  });

  it('says when SKIP or HUSKY=0 turns the hooks off', () => {
    const m = new Machine(sandboxes);
    const box = m.repo('husky', true);
    const skipped = doctor(m, box, { SKIP: 'lint,secret-hook' });
    expect(skipped.status).toBe(1);
    expect(skipped.stdout).toContain(
      'SKIP includes secret-hook: every secret-hook hook skips the scan while it is set.',
    );
    const off = doctor(m, box, { HUSKY: '0' });
    expect(off.status).toBe(1);
    expect(off.stdout).toContain('HUSKY=0 is set: husky runs none of the scripts in .husky/.');
  });
});
