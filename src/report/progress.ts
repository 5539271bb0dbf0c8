// A one-line progress display for long scans, on a terminal only (stderr). Nothing is drawn for the first half
// second (a quick scan shows none), then at most ten redraws a second. The line never reaches the terminal's last
// column: a line that wraps leaves its first row behind at every redraw. It is cleared when the scan ends.
import { formatBytes } from './bytes.js';
import { progressLine } from './messages/scan-notes.js';
import { fitWidth } from './wrap.js';

export interface Progress {
  /** Whether anything is drawn: a scan counts its work up front only for a display that shows the total. */
  readonly shown: boolean;
  update(done: number, total: number, bytes: number): void;
  finish(): void;
}

export const NO_PROGRESS: Progress = { shown: false, update: () => {}, finish: () => {} };

export interface ProgressOptions {
  /** The clock (a test passes its own: nothing here may depend on how fast a test runs). */
  now?: () => number;
  /** The terminal's width now (it can change during a scan); 80 when unknown. */
  columns?: () => number | undefined;
  /** Nothing is drawn before this many milliseconds of work. */
  delayMs?: number;
  /** What is counted: `commits`, `files`. */
  unit?: string;
}

const REDRAW_MS = 100;

export function terminalProgress(stream: NodeJS.WriteStream, label: string, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? 500;
  const started = now();
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    shown: true,
    update(done, total, bytes) {
      const time = now();
      const elapsed = time - started;
      if (elapsed < delay) return;
      if (time - last < REDRAW_MS && done !== total) return;
      last = time;
      drawn = true;
      const columns = options.columns?.() ?? 80;
      // One column short of the width: writing the last column makes some terminals wrap at once.
      const room = Math.max(10, columns - 1);
      // The estimate: the time per item so far, for the items left (only once there is something to go by).
      const left = total > 0 && done > 0 && done < total && elapsed >= 1000 ? ((total - done) * elapsed) / done : null;
      const bar = (width: number) => {
        const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
        return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      };
      const counts = progressLine({ done, total, unit: options.unit ?? 'commits', bytes: formatBytes(bytes), left });
      // The bar takes what room the words leave, up to 24 columns; none on a narrow terminal.
      const barWidth = Math.min(24, room - label.length - counts.length - 2);
      const line = barWidth >= 6 ? `${label} ${bar(barWidth)} ${counts}` : `${label} ${counts}`;
      stream.write(`\r${fitWidth(line, room)}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
