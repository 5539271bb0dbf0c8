// One secret, one finding: one finding per rule and place; a rule of credential files (`files`) wins over other
// rules on the same value at the same place (it knows what the value is); a rule that knows a value's format wins
// over one that knows it by its place, even a credential file's (`byPlace`: a git host URL's password, a line of
// .git-credentials, that is an Azure DevOps PAT); a provider rule wins over a generic rule on overlapping text and
// on the same value anywhere in the text (a Customer.io key reported as a pair on another line is not also a generic
// API key); of generic findings at one place the longer value stands; and a match that lies inside a longer
// multi-line secret found by another rule (a key body inside the armoured key) is part of it.
// Each generic finding is compared only with the provider findings that overlap it on its line (and those with the
// very same secret, or half of a pair), found by binary search: comparing it with every provider finding of the file
// made a minified line with thousands of keys cost the square of their number.
import type { Finding } from './scan.js';
import { firstAtOrAfter } from '../sorted-search.js';

/** Rules whose findings rank apart at one place (scan.ts works them out once per catalog). */
export interface DedupeRoles {
  /** Rules of credential files: their finding of a value at a place is the one kept. */
  files: ReadonlySet<string>;
  /** Rules that know a credential by its place: their finding of a value at a place is dropped for another's. */
  byPlace: ReadonlySet<string>;
}

const NO_ROLES: DedupeRoles = { files: new Set(), byPlace: new Set() };

export function deduplicate(findings: Finding[], roles: DedupeRoles = NO_ROLES): Finding[] {
  const { files: fileRules, byPlace } = roles;
  const specific = new Map<number, LineFindings>();
  const specificValues = new Set<string>();
  const placeOf = (f: Finding) => `${f.line}\0${f.column}\0${f.secret}`;
  // Where rules that know the value's format found it, by line: a by-place rule's finding of the same value, or of
  // text that holds it or lies within it (`htpasswd: "user:$2y$…"` under a Secret's stringData), is the same
  // finding. Only worth knowing when a by-place rule found something (a file of thousands of keys has none).
  const formatFound = new Map<number, LineFindings>();
  if (findings.some((f) => byPlace.has(f.ruleId))) {
    for (const f of findings) {
      if (isGeneric(f) || byPlace.has(f.ruleId)) continue;
      let onLine = formatFound.get(f.line);
      if (!onLine) formatFound.set(f.line, (onLine = new LineFindings()));
      onLine.add(f);
    }
  }
  const knownByFormat = (f: Finding) => byPlace.has(f.ruleId) && (formatFound.get(f.line)?.covers(f) ?? false);
  // Where a credential file's rule found a value (and kept it: not a by-place finding of a known format): another
  // rule's finding of it there is the same finding.
  const fileFound = new Set<string>();
  for (const f of findings) {
    if (fileRules.has(f.ruleId) && !knownByFormat(f)) fileFound.add(placeOf(f));
  }
  for (const f of findings) {
    if (isGeneric(f)) continue;
    let onLine = specific.get(f.line);
    if (!onLine) specific.set(f.line, (onLine = new LineFindings()));
    onLine.add(f);
    specificValues.add(f.secret);
    if (f.secret.includes(':')) for (const part of f.secret.split(':')) specificValues.add(part);
  }
  const seen = new Set<string>();
  const kept: Finding[] = [];
  // Generic findings by where they start: of two that start at one place, the longer value is the value.
  const genericAt = new Map<string, number>();
  for (const f of findings) {
    if (isGeneric(f) && (specificValues.has(f.secret) || specific.get(f.line)?.covers(f))) continue;
    const place = placeOf(f);
    if (!fileRules.has(f.ruleId) && fileFound.has(place)) continue;
    if (knownByFormat(f)) continue;
    const key = `${f.ruleId}\0${f.line}\0${f.secret}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isGeneric(f)) {
      if (seen.has(place)) continue;
      seen.add(place);
      const start = `${f.line}\0${f.column}`;
      const other = genericAt.get(start);
      if (other !== undefined) {
        if (kept[other]!.secret.length < f.secret.length) kept[other] = f;
        continue;
      }
      genericAt.set(start, kept.length);
    }
    kept.push(f);
  }
  const whole = withoutParts(kept);
  return whole.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Drops findings that lie within another rule's multi-line secret and hold part of its text: the armoured private
 * key is the finding, not also its body. Multi-line secrets are few (block rules), so each finding is compared with
 * them alone.
 */
function withoutParts(findings: Finding[]): Finding[] {
  const compact = (text: string) => text.replace(/\s+/g, '');
  const blocks = findings.filter((f) => f.secret.includes('\n')).map((f) => ({ finding: f, ...extent(f) }));
  if (blocks.length === 0) return findings;
  return findings.filter((f) => {
    const inner = compact(f.secret);
    return !blocks.some(
      (b) =>
        b.finding !== f &&
        b.finding.ruleId !== f.ruleId &&
        after(f.line, f.column, b.startLine, b.startColumn) &&
        after(b.endLine, b.endColumn, f.line, f.column) &&
        b.compact.includes(inner) &&
        // The same text found twice from the same place: one of the two stays, always the same one.
        (inner.length < b.compact.length ||
          f.line !== b.startLine ||
          f.column !== b.startColumn ||
          b.finding.ruleId < f.ruleId),
    );
  });

  function extent(f: Finding) {
    const lines = f.secret.split('\n');
    const endLine = f.line + lines.length - 1;
    const endColumn = lines.length === 1 ? f.column + f.secret.length : lines[lines.length - 1]!.length + 1;
    return { startLine: f.line, startColumn: f.column, endLine, endColumn, compact: compact(f.secret) };
  }
}

/** Whether (line, column) is at or after (line2, column2). */
function after(line: number, column: number, line2: number, column2: number): boolean {
  return line > line2 || (line === line2 && column >= column2);
}

function isGeneric(f: Finding): boolean {
  return f.ruleId.startsWith('generic-');
}

/** Where a finding's text lies on its line: from its column, as long as what was matched (the encoded value). */
function spanOf(f: Finding): [number, number] {
  return [f.column, f.column + (f.encodedAs ?? f.secret).length];
}

/**
 * The provider findings of one line, for the question: does one of them hold, or lie within, this generic (or
 * by-place) one?
 */
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
    for (let i = firstAtOrAfter(this.found, end, (f) => f.start) - 1; i >= 0 && this.reachEnd[i]! > start; i--) {
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
