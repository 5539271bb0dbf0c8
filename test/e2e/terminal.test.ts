// In a real terminal (a pseudo-terminal, through util-linux `script`): a blocked commit fits the screen at 80 and
// 120 columns, and the progress bar of a history scan is drawn within the width and leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { nineFindings } from '../helpers/nine-findings.js';
import { type Sandbox, sandboxesCleanedAfterEach, seededSandbox } from '../helpers/sandbox.js';
import { inTerminal, screenOf } from '../helpers/terminal-screen.js';

const sandboxes = sandboxesCleanedAfterEach();

function seeded(): Sandbox {
  return seededSandbox(sandboxes);
}

describe('a blocked commit in a terminal', () => {
  it.each([80, 120])('at %i columns: nine findings fit one screen, every row within the width', (columns) => {
    const box = seeded();
    for (const [file, text] of Object.entries(nineFindings())) box.write(file, text);
    box.gitOk('add', '-A');
    const head = box.head();
    const result = box.run('script', inTerminal("git commit -q -m 'add billing'", columns));
    expect(result.status, result.output).not.toBe(0);
    expect(box.head()).toBe(head);
    // On a terminal, colours are on.
    expect(result.stdout).toContain('\x1b[');
    const screen = screenOf(result.stdout, columns);
    expect(screen[0]).toBe('secret-hook: 9 secrets found in the staged changes. The commit was stopped.');
    // Rows the terminal had to wrap by itself would be longer than this in the program's own lines.
    const own = result.stdout
      .replace(/\x1b\[[0-9;]*m/g, '')
      .replace(/\r/g, '')
      .split('\n');
    for (const line of own) expect(line.length, line).toBeLessThanOrEqual(columns);
    if (columns === 80) expect(screen.length).toBeLessThanOrEqual(60);
    expect(screen.join('\n')).toContain('git commit --no-verify');
  });
});

describe('the progress of a history scan in a terminal', () => {
  it('is drawn within the width, counts commits, and is cleared when done', () => {
    const box = seeded();
    const keys = new FakeKeys(1404);
    for (let i = 0; i < 30; i++)
      box.seed({ [`src/f${i}.js`]: `export const v${i} = "${keys.chars('lower', 12)}";\n` }, `c${i}`);
    const columns = 50;
    // SECRET_HOOK_PROGRESS_AFTER_MS=0: drawn from the start, so the test needs no slow scan.
    const result = box.run(
      'script',
      inTerminal('SECRET_HOOK_PROGRESS_AFTER_MS=0 node_modules/.bin/secret-hook check --history', columns),
    );
    expect(result.status, result.output).toBe(0);
    const frames = result.stdout
      .split('\r')
      .map((f) => f.replace(/\x1b\[K/g, ''))
      .filter((f) => f.startsWith('secret-hook: scanning history'));
    expect(frames.length).toBeGreaterThanOrEqual(1);
    for (const frame of frames) expect(frame.length, frame).toBeLessThan(columns);
    expect(frames.at(-1)).toContain('31/31 commits');
    // What stays on the screen: the summary only, no progress row left behind.
    const screen = screenOf(result.stdout, columns);
    expect(screen.join('\n')).not.toContain('scanning history');
    expect(screen.join(' ')).toMatch(/Scanned 31 commits.* No secrets found\.$/);
  });

  it('is not drawn when the output is not a terminal', () => {
    const box = seeded();
    const result = box.secretHook(['check', '--history'], { env: { SECRET_HOOK_PROGRESS_AFTER_MS: '0' } });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
