// Inline suppressions. `secret-hook:allow` on the line itself, `secret-hook:allow-next-line` on the line before.
// gitleaks' and detect-secrets' markers are honoured too, so teams migrating keep their existing comments.

const SAME_LINE_MARKERS = ['secret-hook:allow', 'gitleaks:allow', 'pragma: allowlist secret'];
const NEXT_LINE_MARKERS = ['secret-hook:allow-next-line', 'pragma: allowlist nextline secret'];

export function hasSameLineMarker(line: string): boolean {
  for (const marker of SAME_LINE_MARKERS) {
    const at = line.indexOf(marker);
    // `secret-hook:allow-next-line` on this line suppresses the next line, not this one.
    if (at !== -1 && !line.startsWith('-next-line', at + marker.length)) return true;
  }
  return false;
}

export function hasNextLineMarker(line: string): boolean {
  return NEXT_LINE_MARKERS.some((marker) => line.includes(marker));
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
