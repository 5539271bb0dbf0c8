import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../../src/report/progress.js';
import { textWidth } from '../../../src/report/wrap.js';

function recorder() {
  const written: string[] = [];
  const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  return { written, stream };
}

/** What a terminal shows of one redraw: the text after the carriage return, without the clear-to-end. */
const shown = (frame: string) => frame.replace(/^\r/, '').replace(/\x1b\[K$/, '');

describe('terminalProgress', () => {
  it('draws nothing for the first half second, then counts, bytes and an estimate, throttled; cleared at the end', () => {
    const { written, stream } = recorder();
    let time = 1_000;
    const progress = terminalProgress(stream, 'scanning', { now: () => time, columns: () => 100 });
    progress.update(1, 40, 2048);
    time += 499;
    progress.update(2, 40, 2048); // still within the first half second: a quick scan shows nothing
    expect(written).toEqual([]);
    time += 1;
    progress.update(3, 40, 4096);
    time += 50;
    progress.update(4, 40, 4096); // within 100 ms of the last redraw: not redrawn
    time += 450;
    progress.update(10, 40, 1024 * 1024 * 3); // 1 s for 10: about 3 s for the 30 left
    time += 10;
    progress.update(40, 40, 1024 * 1024 * 4); // the last one always is
    progress.finish();
    expect(written).toHaveLength(4);
    expect(shown(written[0]!)).toMatch(/^scanning █*░+ 3\/40 commits · 4\.0 KiB$/);
    expect(shown(written[1]!)).toMatch(/ 10\/40 commits · 3\.0 MiB · about 3 s left$/);
    expect(shown(written[2]!)).toMatch(/^scanning █{24} 40\/40 commits · 4\.0 MiB$/);
    expect(written[3]).toBe('\r\x1b[K');
  });

  it('never reaches the last column: a narrower bar, then none, then the words cut', () => {
    for (const columns of [80, 50, 40, 30, 12]) {
      const { written, stream } = recorder();
      const progress = terminalProgress(stream, 'secret-hook: scanning history', {
        now: () => 0,
        delayMs: 0,
        columns: () => columns,
        unit: 'files',
      });
      progress.update(1234, 56789, 123456789);
      expect(textWidth(shown(written[0]!)), `${columns} columns`).toBeLessThan(columns);
      expect(written[0]).toMatch(/^\r/);
    }
  });

  it('draws nothing and clears nothing when the scan ends within the delay', () => {
    const { written, stream } = recorder();
    const progress = terminalProgress(stream, 'scanning', { now: () => 0 });
    progress.update(1, 1, 10);
    progress.finish();
    expect(written).toEqual([]);
  });
});
