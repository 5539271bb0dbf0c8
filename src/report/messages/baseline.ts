// What `secret-hook baseline` says: what it accepted, and that accepting is not rotating.
import { visible } from '../visible.js';

export function nothingNew(file: string): string {
  return `secret-hook: nothing new to add to ${file}.`;
}

/** The lines added (each names a file and a rule's title, and ends with the last characters of a secret). */
export function added(file: string, lines: readonly string[]): string {
  return [
    `secret-hook: added ${lines.length} finding${lines.length === 1 ? '' : 's'} to ${file}:`,
    ...lines.map((line) => `  ${visible(line)}`),
    '',
    `Commit ${file}. These secrets stop being reported; rotate any that are live — accepting a finding does not make a leaked key safe.`,
  ].join('\n');
}

/** The comment written after a fingerprint: which secret it is, masked, and the commit that added it. */
export function fingerprintComment(title: string, redactedSecret: string, commit?: string): string {
  return `${title}, ${redactedSecret}${commit ? `, commit ${commit.slice(0, 10)}` : ''}`;
}
