// Inline suppressions. `secret-hook:allow` on the line itself, `secret-hook:allow-next-line` on the line before.
// gitleaks' and detect-secrets' markers are honoured too, so teams migrating keep their existing comments.

const SAME_LINE_MARKERS = ['secret-hook:allow', 'gitleaks:allow', 'pragma: allowlist secret'];
const NEXT_LINE_MARKERS = ['secret-hook:allow-next-line', 'pragma: allowlist nextline secret'];

export function allowedByComment(line: string, previousLine: string): boolean {
  return hasSameLineMarker(line) || hasNextLineMarker(previousLine);
}

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
