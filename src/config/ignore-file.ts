// `.secret-hook-ignore`: fingerprints of accepted findings, one per line, each optionally followed by a `#`
// comment. A fingerprint is rule + path + hash of the secret: it never reveals the secret, has no line number
// (moving code does not churn it) and no timestamp.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const IGNORE_FILE = '.secret-hook-ignore';

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
    const value = line.replace(/#.*$/, '').trim();
    if (value) fingerprints.add(value);
  }
  return fingerprints;
}

/** Appends new fingerprints (with a comment each) and returns the lines added. Used by `secret-hook baseline`. */
export function appendToIgnoreFile(root: string, entries: { fingerprint: string; comment: string }[]): string[] {
  const existing = readIgnoreFile(root);
  const added = entries
    .filter((e, i) => !existing.has(e.fingerprint) && entries.findIndex((x) => x.fingerprint === e.fingerprint) === i)
    .map((e) => `${e.fingerprint}  # ${e.comment.replace(/\n/g, ' ')}`);
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
