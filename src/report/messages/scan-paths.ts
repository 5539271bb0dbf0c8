// What `secret-hook scan <paths…>` and `scan -` say about their own use (the findings are reported as every scope's).
import { visible } from '../visible.js';

export function needsPaths(): string {
  return 'scan needs files or directories to scan, or - for standard input, e.g. secret-hook scan dist/ or secret-hook scan - --path-hint app.env';
}

export function stdinOnce(): string {
  return 'give - (standard input) once';
}

export function hintWithoutStdin(): string {
  return '--path-hint names standard input (scan -); files are scanned under their own names';
}

export function notFound(paths: readonly string[]): string {
  const list = paths.map((p) => `"${visible(p)}"`).join(', ');
  return `${list} ${paths.length === 1 ? 'does' : 'do'} not exist, so nothing was scanned`;
}

export function unreadable(file: string, detail: string): string {
  return `${visible(file)} could not be read (${visible(detail)})`;
}

export function progressLabel(): string {
  return 'secret-hook: scanning files';
}

/** A directory named on the command line that git ignores whole: scanned all the same. */
export function ignoredDirectoryScanned(dir: string): string {
  return `secret-hook: git ignores ${visible(dir)} (.gitignore), but it was named, so every file in it was scanned.`;
}
