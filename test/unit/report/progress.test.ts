import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../../src/report/progress.js';

describe('terminalProgress', () => {
  it('draws commits done / total and bytes scanned, throttled, and clears the line at the end', () => {
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    let time = 1_000;
    const progress = terminalProgress(stream, 'scanning', () => time);
    progress.update(1, 3, 2048);
    time += 50;
    progress.update(2, 3, 4096); // within 100 ms: not redrawn
    time += 50;
    progress.update(3, 3, 1024 * 1024 * 3); // the last one always is
    progress.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toContain('scanning');
    expect(written[0]).toContain('1/3');
    expect(written[1]).toContain('3/3 · 3.0 MiB scanned');
    expect(written[2]).toBe('\r\x1b[2K');
  });
});
