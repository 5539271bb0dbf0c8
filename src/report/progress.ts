// A one-line progress display for long scans, on a terminal only (stderr), redrawn at most ten times a second.
import { formatBytes } from '../git/blob-content.js';

export interface Progress {
  update(done: number, total: number, bytes: number): void;
  finish(): void;
}

export const NO_PROGRESS: Progress = { update: () => {}, finish: () => {} };

export function terminalProgress(stream: NodeJS.WriteStream, label: string): Progress {
  let last = 0;
  let drawn = false;
  return {
    update(done, total, bytes) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      drawn = true;
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(`\r${label} ${bar} ${done}/${total} · ${formatBytes(bytes)} scanned `);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
