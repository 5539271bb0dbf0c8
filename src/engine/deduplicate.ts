// One finding per rule and place; a provider rule wins over a generic rule on overlapping text.
// Each generic finding is compared only with the provider findings that overlap it on its line (and those with the
// very same secret, or half of a pair), found by binary search: comparing it with every provider finding of the file made a minified
// line with thousands of keys cost the square of their number.
import type { Finding } from './scan.js';

export function deduplicate(findings: Finding[]): Finding[] {
  const specific = new Map<number, LineFindings>();
  for (const f of findings) {
    if (isGeneric(f)) continue;
    let onLine = specific.get(f.line);
    if (!onLine) specific.set(f.line, (onLine = new LineFindings()));
    onLine.add(f);
  }
  const seen = new Set<string>();
  const kept: Finding[] = [];
  for (const f of findings) {
    if (isGeneric(f) && specific.get(f.line)?.covers(f)) continue;
    const key = `${f.ruleId}\0${f.line}\0${f.secret}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(f);
  }
  return kept.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

function isGeneric(f: Finding): boolean {
  return f.ruleId.startsWith('generic-');
}

/** Where a finding's text lies on its line: from its column, as long as what was matched (the encoded value). */
function spanOf(f: Finding): [number, number] {
  return [f.column, f.column + (f.encodedAs ?? f.secret).length];
}

/** The provider findings of one line, for the question: does one of them hold, or lie within, this generic one? */
class LineFindings {
  private readonly secrets = new Set<string>();
  private readonly found: { start: number; end: number; secret: string }[] = [];
  private sorted = true;
  /** reachEnd[i]: the farthest end among the first i + 1 findings (in order of start). */
  private reachEnd: number[] = [];

  add(f: Finding): void {
    const [start, end] = spanOf(f);
    const last = this.found[this.found.length - 1];
    if (last && last.start > start) this.sorted = false;
    this.found.push({ start, end, secret: f.secret });
    this.secrets.add(f.secret);
    // A pair (Customer.io's `site:key`) stands at its first half's place; its other half may sit further along the
    // line, where only its value can recognise it.
    if (f.secret.includes(':')) for (const part of f.secret.split(':')) this.secrets.add(part);
  }

  covers(generic: Finding): boolean {
    if (this.secrets.has(generic.secret)) return true;
    this.prepare();
    const [start, end] = spanOf(generic);
    // Provider findings that start before this one ends; walk back while any of them may still reach into it.
    for (let i = firstStartingAtOrAfter(this.found, end) - 1; i >= 0 && this.reachEnd[i]! > start; i--) {
      const s = this.found[i]!;
      if (s.end > start && (s.secret.includes(generic.secret) || generic.secret.includes(s.secret))) return true;
    }
    return false;
  }

  private prepare(): void {
    if (this.reachEnd.length === this.found.length) return;
    if (!this.sorted) this.found.sort((a, b) => a.start - b.start);
    this.sorted = true;
    let reach = -Infinity;
    this.reachEnd = this.found.map((s) => (reach = Math.max(reach, s.end)));
  }
}

function firstStartingAtOrAfter(found: readonly { start: number }[], value: number): number {
  let low = 0;
  let high = found.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (found[mid]!.start < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
