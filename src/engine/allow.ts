// Inline suppressions. `secret-hook:allow` on the line itself, `secret-hook:allow-next-line` on the line before.
// gitleaks' and detect-secrets' markers are honoured too, so teams migrating keep their existing comments.

const SAME_LINE_MARKERS = ['secret-hook:allow', 'gitleaks:allow', 'pragma: allowlist secret'];
const NEXT_LINE_MARKERS = ['secret-hook:allow-next-line', 'pragma: allowlist nextline secret'];
// A marker right after one of these is quoted: mentioned, not written as a directive.
const QUOTES = ['"', "'", '`'];

export function hasSameLineMarker(line: string): boolean {
  // `secret-hook:allow-next-line` on this line suppresses the next line, not this one.
  return SAME_LINE_MARKERS.some((marker) =>
    directiveAt(line, marker, (at) => !line.startsWith('-next-line', at + marker.length)),
  );
}

export function hasNextLineMarker(line: string): boolean {
  return NEXT_LINE_MARKERS.some((marker) => directiveAt(line, marker, () => true));
}

/**
 * Whether `marker` stands on the line as a directive that `accept`s: an occurrence right after a quote or a
 * backtick is a mention of the marker (documentation, a message, a string), which neither silences a secret on
 * its line nor counts as a stale allow comment.
 */
function directiveAt(line: string, marker: string, accept: (at: number) => boolean): boolean {
  for (let at = line.indexOf(marker); at !== -1; at = line.indexOf(marker, at + 1)) {
    const before = at > 0 ? line[at - 1]! : '';
    if (!QUOTES.includes(before) && accept(at)) return true;
  }
  return false;
}

/** Lines (1-based, in `text`) holding an allow comment, and the line each one silences. */
export function allowComments(text: string): { line: number; silences: number }[] {
  const out: { line: number; silences: number }[] = [];
  if (!SAME_LINE_MARKERS.some((m) => text.includes(m)) && !NEXT_LINE_MARKERS.some((m) => text.includes(m))) return out;
  text.split('\n').forEach((line, i) => {
    if (hasNextLineMarker(line)) out.push({ line: i + 1, silences: i + 2 });
    else if (hasSameLineMarker(line)) out.push({ line: i + 1, silences: i + 1 });
  });
  return out;
}
