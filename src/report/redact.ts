// Secrets never leave the process whole: keep the documented prefix (sk_live_, ghp_, AKIA…) so the user knows
// which key it is, keep the last four characters of long keys (as provider dashboards show them), mask the rest.

const KNOWN_PREFIX =
  /^(?:[A-Za-z]{1,10}[_-](?:(?:live|test|prod|sandbox)[_-])?|AKIA|ASIA|ABIA|ACCA|AIza|ya29\.|-----BEGIN [A-Z ]{0,40}-----)/;
const MASK = '*';
const MAX_MASK = 16;

export function redact(secret: string): string {
  if (secret.includes(':') && !secret.includes('://') && /^[0-9a-f]+:[0-9a-f]+$/i.test(secret)) {
    // A pair (e.g. Customer.io Site ID:API key): redact each half.
    return secret.split(':').map(redact).join(':');
  }
  // A private key's body spans lines (or `\n` escapes): what is shown is one line, and its tail is the key's own
  // last characters, not the line break or the armour after them.
  const trimmed = secret.replace(EDGE_BREAKS, '');
  const prefix = KNOWN_PREFIX.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(prefix.length).replace(BREAKS, '').replace(END_ARMOUR, '');
  if (body.length === 0) return prefix;
  const showTail = body.length >= 20 ? body.slice(-4) : '';
  const masked = Math.min(body.length - showTail.length, MAX_MASK);
  const omitted = body.length - showTail.length > MAX_MASK ? '…' : '';
  return `${prefix}${MASK.repeat(masked)}${omitted}${showTail}`;
}

/** Line breaks, raw or escaped as in a JSON or code string. */
const BREAKS = /(?:[\r\n]|\\[nr])+/g;
const EDGE_BREAKS = /^(?:\s|\\[nr])+|(?:\s|\\[nr])+$/g;
const END_ARMOUR = /-----END [A-Z ]{0,40}-----$/;

/** How a line is shown beside a finding. */
export interface LineView {
  /** Other secrets on the same line, masked too: a minified line holds many, each found on its own. */
  others?: readonly Located[];
  /**
   * `line` is an excerpt of a longer line (Finding.excerpt): where it starts in the line, and the line's length.
   * The cut ends are marked with `…`, and positions (`Located.column`) are read relative to it.
   */
  excerpt?: { start: number; lineLength: number };
  /** Characters shown at most, around the first secret. */
  width?: number;
}

/** A secret with the place it was found: 1-based column on the line, and the text found there (an encoded value). */
export interface Located {
  secret: string;
  column: number;
  encodedAs?: string;
}

/**
 * The line with every secret on it masked, shortened around the first of `secrets` for minified files. Only the
 * text given is read and masked (an engine finding holds a bounded excerpt of a long line, never all of it), and a
 * secret cut by the excerpt's edge is masked whole.
 */
export function redactLine(line: string, secrets: readonly string[], view: LineView = {}): string {
  const width = view.width ?? 160;
  const shift = view.excerpt?.start ?? 0;
  const own = occurrences(line, secrets);
  const spans = [...own];
  for (const other of view.others ?? []) {
    spans.push(...occurrences(line, [other.secret, ...(other.encodedAs ? [other.encodedAs] : [])]));
    // Where it stands, clipped to the text shown: its cut remainder at an edge must not show either.
    const start = other.column - 1 - shift;
    const end = start + (other.encodedAs ?? other.secret).length;
    if (start < 0 || end > line.length) spans.push([Math.max(0, start), Math.min(line.length, end), true]);
  }
  const focusAt = own.length > 0 ? Math.min(...own.map(([start]) => start)) : -1;

  let out = '';
  let focus = -1;
  let done = 0;
  for (const [start, end, cut] of inOrder(spans)) {
    if (end <= done) continue;
    const from = Math.max(start, done);
    out += line.slice(done, from);
    if (focus === -1 && focusAt !== -1 && end > focusAt) focus = out.length;
    const text = line.slice(from, end);
    // A piece of a secret (cut by the edge, or overlapping another) shows nothing of itself.
    out += cut || from > start ? MASK.repeat(Math.min(text.length, MAX_MASK)) : redact(text);
    done = end;
  }
  out += line.slice(done);

  const lead = out.length - out.trimStart().length;
  out = out.trim();
  focus = Math.max(0, focus - lead);
  const cutBefore = shift > 0;
  const cutAfter = view.excerpt !== undefined && shift + line.length < view.excerpt.lineLength;
  const start = out.length <= width ? 0 : Math.max(0, Math.min(focus - 40, out.length - width));
  const end = Math.min(out.length, start + width);
  return `${start > 0 || cutBefore ? '…' : ''}${out.slice(start, end)}${end < out.length || cutAfter ? '…' : ''}`;
}

/** Every place these secrets (each half of a pair, when long enough to mean something) occur in `line`. */
function occurrences(line: string, secrets: readonly string[]): [number, number, boolean][] {
  const spans: [number, number, boolean][] = [];
  for (const secret of secrets) {
    for (const part of secret.split(':').filter((p) => p.length >= 8)) {
      for (let at = line.indexOf(part); at !== -1; at = line.indexOf(part, at + part.length)) {
        spans.push([at, at + part.length, false]);
      }
    }
  }
  return spans;
}

/** Spans in order of start, the longest first where they start together. */
function inOrder(spans: [number, number, boolean][]): [number, number, boolean][] {
  return spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}
