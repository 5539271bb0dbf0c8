// Issue 14's commit: nine secrets of four providers, rendered as the pre-commit hook prints them, at 80 and 120
// columns. It fits one screen, no line is wider than the terminal, no word is cut, and nothing a user needs to act
// is lost.
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/report/wrap.js';
import { nineFindings } from '../../helpers/nine-findings.js';
import { render, resultOf, scannedFindings } from '../../helpers/reports.js';

const files = nineFindings();
const findings = scannedFindings(files);
const result = resultOf('staged', findings);

/** Every word (run of non-spaces) of the report printed without any width limit. */
const wholeWords = new Set(render(result, 100_000).split(/\s+/));

describe.each([80, 120])('nine findings of four providers at %i columns', (width) => {
  const text = render(result, width);
  const lines = text.split('\n');

  it('finds the nine secrets of the four providers', () => {
    expect(findings).toHaveLength(9);
    const providers = new Set(findings.map((f) => f.ruleId.split('-')[0]));
    expect([...providers].sort()).toEqual(['customerio', 'intercom', 'klaviyo', 'stripe']);
  });

  it('has no line wider than the terminal', () => {
    for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('breaks lines at spaces only: every word on a line is a whole word of the unbroken report', () => {
    // The masked line is an excerpt around the secret where it is long: its cut ends are marked with `…`.
    const excerptOf = (word: string) => {
      const inner = word.replace(/^…|…$/g, '');
      return inner !== word && [...wholeWords].some((w) => w.includes(inner));
    };
    for (const line of lines) {
      for (const word of line.split(/\s+/).filter(Boolean)) {
        expect(wholeWords.has(word) || excerptOf(word), `"${word}" in: ${line}`).toBe(true);
      }
    }
  });

  it('fits one screen at 80 columns', () => {
    if (width === 80) expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('keeps every instruction whole on one line', () => {
    const mustStayWhole = [
      'git restore --staged .env',
      'git commit again',
      'git commit --no-verify',
      'secret-hook explain stripe-live-secret-key',
      'process.env.STRIPE_SECRET_KEY',
      'os.environ["KLAVIYO_KEY"]',
      'ENV.fetch("INTERCOM_ACCESS_TOKEN")',
      'process.env.STRIPE_WEBHOOK_SECRET',
      'process.env.CUSTOMERIO_SITE_ID',
      'process.env.CUSTOMERIO_TRACK_API_KEY',
    ];
    for (const part of mustStayWhole)
      expect(
        lines.some((l) => l.includes(part)),
        part,
      ).toBe(true);
  });

  it('loses nothing a user needs: each place, each fix, the common steps once, the way out', () => {
    for (const f of findings) {
      expect(text).toContain(`${f.path}:${f.line}:${f.column}`);
      expect(text).not.toContain(f.secret.split(':').at(-1));
    }
    // Each finding has its own fix line; the .env findings are told to leave the commit, never to be staged.
    expect(lines.filter((l) => l.trimStart().startsWith('→'))).toHaveLength(9);
    const add = text.slice(text.indexOf('git add'));
    expect(add.slice(0, add.indexOf('\n  3.'))).not.toContain('.env');
    for (const once of ['How to fix:', 'git restore --staged', '`secret-hook:allow`', 'git commit --no-verify']) {
      expect(text.split(once)).toHaveLength(2);
    }
    expect(text).toContain('Rotate a key only if it was ever pushed or shared');
    expect(text).toMatch(/secrets\s+manager/);
  });
});
