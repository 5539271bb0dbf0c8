// The last line of a manual `check`: what was scanned, and the verdict a newcomer looks for.
import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../../src/report/messages/scan-notes.js';

const stats = (files: number, commits = 0) => ({ files, bytes: 2048, commits, milliseconds: 12 });

describe('summaryLine', () => {
  it('says when nothing is staged, and what to do instead', () => {
    const line = summaryLine(stats(0), '2 KB', 'staged', { findings: 0, skipped: 0 });
    expect(line).toMatch(/^Nothing is staged/);
    expect(line).toContain('git add');
    expect(line).toContain('secret-hook check --all');
  });

  it('gives the count and the verdict otherwise', () => {
    expect(summaryLine(stats(3), '2 KB', 'staged', { findings: 0, skipped: 0 })).toBe(
      'Scanned 3 files, 2 KB in 0.01 s. No secrets found.',
    );
    expect(summaryLine(stats(1), '2 KB', 'staged', { findings: 2, skipped: 0 })).toBe(
      'Scanned 1 file, 2 KB in 0.01 s.',
    );
    // Only deletions staged: something was staged, nothing was added.
    expect(summaryLine(stats(0), '0 B', 'staged', { findings: 0, skipped: 1 })).toMatch(/^Scanned 0 files/);
    expect(summaryLine(stats(4, 2), '2 KB', 'history', { findings: 0, skipped: 0 })).toBe(
      'Scanned 2 commits, 4 files, 2 KB in 0.01 s. No secrets found.',
    );
  });
});
