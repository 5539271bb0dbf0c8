// A one-line progress display for long scans, on a terminal only (stderr), redrawn at most ten times a second.
import { formatBytes } from './bytes.js';

export interface Progress {
  /** Whether anything is drawn: a scan counts its work up front only for a display that shows the total. */
  readonly shown: boolean;
  update(done: number, total: number, bytes: number): void;
  finish(): void;
}

export const NO_PROGRESS: Progress = { shown: false, update: () => {}, finish: () => {} };

/** `now` is the clock (a test passes its own: throttling must not depend on how fast a test runs). */
export function terminalProgress(stream: NodeJS.WriteStream, label: string, now: () => number = Date.now): Progress {
  let last = 0;
  let drawn = false;
  return {
    shown: true,
    update(done, total, bytes) {
      const time = now();
      if (time - last < 100 && done !== total) return;
      last = time;
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
