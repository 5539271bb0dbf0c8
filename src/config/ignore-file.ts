// `.secret-hook-ignore`: fingerprints of accepted findings, one per line, each optionally followed by a `#`
// comment. A fingerprint is rule + path + hash of the secret: it never reveals the secret, has no line number
// (moving code does not churn it) and no timestamp.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const IGNORE_FILE = '.secret-hook-ignore';

// `rule-id:path:hash`, the hash being the first 20 hex digits of the secret's SHA-256 (src/engine/scan.ts).
const FINGERPRINT = /^[a-z0-9]+(?:-[a-z0-9]+)*:.+:[0-9a-f]{20}$/;

/** A line that holds one fingerprint and maybe a `#` comment: what `baseline` writes, and all the file may hold. */
export function isFingerprintLine(line: string): boolean {
  return FINGERPRINT.test(withoutComment(line));
}

function withoutComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash === -1 ? line : line.slice(0, hash)).trim();
}

/**
 * The file's text with each fingerprint taken out of its line (comments stay), line numbers kept: everything else
 * is scanned like any file, so that a key pasted into the ignore file, even into a comment, is found, not obeyed.
 */
export function withoutFingerprintLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!isFingerprintLine(line)) return line;
      const hash = line.indexOf('#');
      return hash === -1 ? '' : line.slice(hash);
    })
    .join('\n');
}

export function readIgnoreFile(root: string): Set<string> {
  const file = path.join(root, IGNORE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return new Set();
  }
  const fingerprints = new Set<string>();
  for (const line of text.split('\n')) {
    const value = withoutComment(line);
    if (FINGERPRINT.test(value)) fingerprints.add(value);
  }
  return fingerprints;
}

/** Appends new fingerprints (with a comment each) and returns the lines added. Used by `secret-hook baseline`. */
export function appendToIgnoreFile(root: string, entries: { fingerprint: string; comment: string }[]): string[] {
  const existing = readIgnoreFile(root);
  const added = entries
    .filter((e, i) => !existing.has(e.fingerprint) && entries.findIndex((x) => x.fingerprint === e.fingerprint) === i)
    .map((e) => `${e.fingerprint}  # ${e.comment.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')}`);
  if (added.length === 0) return [];
  const file = path.join(root, IGNORE_FILE);
  const header = fs.existsSync(file)
    ? ''
    : '# secret-hook: accepted findings (rule:path:hash of the secret). Written by `secret-hook baseline`.\n';
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  fs.writeFileSync(file, `${current}${separator}${header}${added.join('\n')}\n`);
  return added;
}
