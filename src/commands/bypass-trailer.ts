// A bypass with a reason, recorded in the commit itself: `SECRET_HOOK_BYPASS="reason" git commit` lets a commit with
// findings through, and the commit-msg hook appends trailers that name the reason and each finding (rule id, path,
// hash of the secret: its fingerprint, never the secret). Pre-push, pre-receive and reviewers read them back.
//
//   Secret-Hook-Bypass: test fixture, key revoked at Stripe
//   Secret-Hook-Bypass-Finding: stripe-secret-key 3f9a0c1b2d4e5f607182 "test/fixtures/payments.env"
//
// A trailer is one line: the reason loses its line breaks and control characters, and the path is a JSON string (a
// file name may hold anything). Git's own trailer rules apply: trailers are read from the message's last paragraph.
// https://git-scm.com/docs/git-interpret-trailers

export const BYPASS_KEY = 'Secret-Hook-Bypass';
export const BYPASS_FINDING_KEY = 'Secret-Hook-Bypass-Finding';

/** What a commit says it knowingly carries. */
export interface BypassRecord {
  reason: string;
  /** Fingerprints (`rule:path:hash`) of the findings the commit was let through with. */
  fingerprints: Set<string>;
}

const MAX_REASON = 200;
const FINGERPRINT = /^([^:\s]+):([\s\S]*):([0-9a-f]{20})$/;

/** The reason as one printable line, at most 200 characters. */
export function oneLineReason(reason: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = reason.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > MAX_REASON ? `${flat.slice(0, MAX_REASON - 1)}…` : flat;
}

/** The trailer lines for a bypass; fingerprints not of the form `rule:path:hash` are left out. */
export function formatBypassTrailers(reason: string, fingerprints: Iterable<string>): string[] {
  const lines = [`${BYPASS_KEY}: ${oneLineReason(reason)}`];
  for (const print of new Set(fingerprints)) {
    const parts = FINGERPRINT.exec(print);
    if (parts) lines.push(`${BYPASS_FINDING_KEY}: ${parts[1]} ${parts[3]} ${JSON.stringify(parts[2])}`);
  }
  return lines;
}

/** The message with the trailers appended, in a paragraph of their own unless the last one already holds trailers. */
export function withBypassTrailers(message: string, trailers: readonly string[]): string {
  const body = message.replace(/\s+$/, '');
  if (body === '') return `${trailers.join('\n')}\n`;
  const last = body.slice(body.lastIndexOf('\n\n') + 1).trim();
  const endsInTrailers = last.split('\n').every((line) => /^[A-Za-z0-9-]+: /.test(line));
  return `${body}${endsInTrailers ? '\n' : '\n\n'}${trailers.join('\n')}\n`;
}

/** The bypass a commit message records, or null when it records none. Malformed finding lines are ignored. */
export function parseBypassTrailers(message: string): BypassRecord | null {
  const paragraphs = message.replace(/\s+$/, '').split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  let reason: string | null = null;
  const fingerprints = new Set<string>();
  for (const line of last.split('\n')) {
    if (line.startsWith(`${BYPASS_KEY}: `)) reason = line.slice(BYPASS_KEY.length + 2).trim();
    else if (line.startsWith(`${BYPASS_FINDING_KEY}: `)) {
      const finding = /^(\S+) ([0-9a-f]{20}) ("(?:[^"\\]|\\.)*")$/.exec(line.slice(BYPASS_FINDING_KEY.length + 2));
      if (!finding) continue;
      try {
        const path = JSON.parse(finding[3]!) as unknown;
        if (typeof path === 'string') fingerprints.add(`${finding[1]}:${path}:${finding[2]}`);
      } catch {
        // not a JSON string: not a finding this program wrote
      }
    }
  }
  return reason === null ? null : { reason, fingerprints };
}
