// The messages of annotated tags, scanned like files (scan-message.ts): a tag's message is published with the tag.
// A ref may hold a tag of a tag; each tag object of the chain is scanned once. Pushes scan the tags they publish,
// `check --history` every tag its refs hold.
import { tagChain } from '../git/tag.js';
import type { ReportedFinding } from '../result.js';
import { scanMessage } from './scan-message.js';
import type { Session } from './session.js';

/** Findings in the messages of the tags `refs` lead through, each with its tag; `known` tags are left out. */
export function scanTagMessages(
  session: Session,
  refs: readonly { ref: string; oid: string }[],
  known: (oid: string) => boolean = () => false,
): ReportedFinding[] {
  const findings: ReportedFinding[] = [];
  const seen = new Set<string>();
  for (const { ref, oid } of refs) {
    for (const tag of tagChain(session.store, oid)) {
      if (seen.has(tag.oid) || known(tag.oid)) continue;
      seen.add(tag.oid);
      const origin = { name: ref.replace(/^refs\/tags\//, ''), oid: tag.oid };
      for (const finding of scanMessage(session.scanContext, 'tag', tag.message)) {
        findings.push({ ...finding, tag: origin });
      }
    }
  }
  return findings;
}
