// --output FILE: the report is written whole or not at all. It goes to a temporary file beside the target, which
// is renamed over it once complete: a reader (a CI upload step) never sees half a SARIF document, and a failure
// leaves what was there before, never a 0-byte file.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes `text` to `file` (relative to `cwd`); returns why it could not, or null. */
export function writeWhole(file: string, cwd: string, text: string): string | null {
  const target = path.resolve(cwd, file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    fs.renameSync(temporary, target);
    return null;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}
