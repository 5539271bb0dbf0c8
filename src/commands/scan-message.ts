// Commit and tag messages are scanned like files: a token pasted into a message is as public as one in a file. One
// function for every scope (the commit-msg hook, pushes, pre-receive, ranges, history), with one pseudo-path per kind
// of message, so the same message gives the same findings and fingerprints wherever it is scanned.
import type { ScanUnit } from '../engine/scan.js';
import type { ReportedFinding } from '../result.js';
import { scanAdded, type ChangeOrigin, type ScanContext } from './scan-changes.js';

/**
 * The path a message's findings carry, and what the report shows in place of a file. A tracked file could bear the
 * same name; the only effect is that an ignore-file fingerprint for one also covers the other for the same secret.
 */
export const MESSAGE_PATHS = { commit: '(commit message)', tag: '(tag message)' } as const;

export type MessageKind = keyof typeof MESSAGE_PATHS;

/**
 * The findings in a message, through the policy. `text` is the message as git stores it (for the commit-msg hook:
 * what git will commit, without comment lines and without the diff below the scissors line of `commit -v`).
 */
export function scanMessage(
  context: Pick<ScanContext, 'catalog' | 'policy'>,
  kind: MessageKind,
  text: string,
  origin?: ChangeOrigin,
): ReportedFinding[] {
  if (text.trim() === '') return [];
  const unit: ScanUnit = { path: MESSAGE_PATHS[kind], text };
  return scanAdded(context, unit, origin).map((finding) => ({ ...finding, inMessage: kind }));
}
