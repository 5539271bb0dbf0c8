// What the client's pre-push says about commits that record a bypass (Secret-Hook-Bypass trailers, written by the
// commit-msg hook when SECRET_HOOK_BYPASS gave a reason): their listed findings go through, and the push says so,
// naming the commit, the reason and the findings, so that nobody mistakes it for a clean scan.
import { visible } from '../visible.js';

export function recordedBypassNote(oid: string, subject: string, reason: string, places: readonly string[]): string {
  const shown = places.slice(0, 5).map(visible).join(', ');
  const more = places.length > 5 ? `, and ${places.length - 5} more` : '';
  return `secret-hook: commit ${oid.slice(0, 10)} (${visible(subject)}) records a bypass: "${visible(reason)}". Let through as recorded: ${shown}${more}. Rotate the keys if they are real.`;
}
