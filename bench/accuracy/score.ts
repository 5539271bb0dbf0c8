// Scores the engine on the labelled corpus: every file is scanned whole (all of it as added lines), and each
// finding is matched against the file's labels.
//
// Matching rule. Both sides are normalized first (whitespace and `\n`/`\r` escapes removed, see `normalize`). A
// planted secret is FOUND when some finding's secret (or the encoded value it was found in) either
//   - contains the planted value (a rule that reports `user:password@host` finds the password; a Customer.io pair
//     reported as `siteid:apikey` finds the key), or
//   - is contained in the planted value and covers at least 80% of its length (a rule that drops a trailing `=`).
// A planted value written differently in the file (base64 in a Kubernetes Secret, XML-escaped) matches in either
// form. Every finding that finds no planted secret and is not a tolerated value is a FALSE POSITIVE, attributed to
// the family of the rule that fired, with the look-alike it hit when there is one.
//
// Test keys (Stripe sk_test_/rk_test_): planted secrets that must be found like any other (they count in recall),
// but they must not block: a test key found only by findings with `testKey: false` is counted as "reported as
// blocking", and a live key found only by `testKey: true` findings as "reported as non-blocking" (a real bug).
import type { CompiledCatalog } from '../../src/engine/compile.js';
import { scan, type Finding } from '../../src/engine/scan.js';
import { normalize, type CorpusFile, type Label } from './corpus.js';
import { CRITICAL_FAMILIES } from './secrets.js';

const OVERLAP = 0.8;

/** The provider family of a rule, from its id (`stripe-live-secret-key` → `stripe`). */
export function familyOfRule(ruleId: string): string {
  const aliases: [RegExp, string][] = [
    [/^google-/, 'gcp'],
    [/^generic-|password|secret-assignment|credential-assignment/, 'generic-password'],
    [/jwt/, 'jwt'],
    [
      /database|postgres|mysql|mongo|redis|amqp|connection-string|jdbc|url-credentials|uri-credentials|basic-auth-url/,
      'database-url',
    ],
    [/^(private-key|ssh-private|pgp-private|pkcs)/, 'private-key'],
    [/^microsoft-teams/, 'microsoft-teams'],
  ];
  for (const [pattern, family] of aliases) if (pattern.test(ruleId)) return family;
  return ruleId.split('-')[0]!;
}

export function redact(value: string): string {
  return `${value.slice(0, 6)}…(${value.length})`;
}

function candidates(finding: Finding): string[] {
  return [finding.secret, ...(finding.encodedAs ? [finding.encodedAs] : [])].map(normalize).filter((s) => s.length > 0);
}

function forms(label: Label): string[] {
  return [label.value, ...(label.written ? [label.written] : [])].map(normalize).filter((s) => s.length > 0);
}

export function findingMatches(finding: Finding, label: Label): boolean {
  for (const found of candidates(finding)) {
    for (const planted of forms(label)) {
      if (found.includes(planted)) return true;
      if (planted.includes(found) && found.length >= OVERLAP * planted.length) return true;
    }
  }
  return false;
}

function overlaps(finding: Finding, label: Label): boolean {
  return candidates(finding).some((found) =>
    forms(label).some((planted) => found.includes(planted) || planted.includes(found)),
  );
}

export interface FamilyStats {
  family: string;
  planted: number;
  found: number;
  /** Findings of this family's rules that found a planted secret. */
  truePositives: number;
  falsePositives: number;
}

export interface Miss {
  path: string;
  format: string;
  line: number;
  family: string;
  type: string;
  value: string;
  bare: boolean;
  /** Rules that fired elsewhere in the file (a hint for why the context did not count). */
  otherFindings: string[];
}

export interface FalsePositive {
  path: string;
  format: string;
  line: number;
  ruleId: string;
  family: string;
  value: string;
  /** The look-alike it hit (`stripe/publishable-key`), `partial:<type>` for a fragment of a planted secret, or `unlabelled`. */
  hit: string;
}

export interface Score {
  files: number;
  formats: number;
  findings: number;
  lookalikesPlanted: number;
  families: FamilyStats[];
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** A planted secret found only by a rule of another family. */
  crossFamily: { path: string; type: string; ruleIds: string[] }[];
  testKeys: { planted: number; found: number; reportedBlocking: number };
  /** Live keys whose every finding said `testKey: true` (would not block). */
  liveReportedNonBlocking: { path: string; type: string; ruleIds: string[] }[];
  scanMs: number;
}

function lineOf(content: string, value: string): number {
  let at = content.indexOf(value);
  if (at === -1) {
    // A PEM body: look for its first 40 characters.
    at = content.indexOf(value.slice(0, 40));
  }
  if (at === -1) return 0;
  let line = 1;
  for (let i = 0; i < at; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

export function scoreCorpus(catalog: CompiledCatalog, corpus: readonly CorpusFile[]): Score {
  const families = new Map<string, FamilyStats>();
  const stats = (family: string) => {
    let s = families.get(family);
    if (!s) families.set(family, (s = { family, planted: 0, found: 0, truePositives: 0, falsePositives: 0 }));
    return s;
  };
  const score: Score = {
    files: corpus.length,
    formats: new Set(corpus.map((f) => f.format)).size,
    findings: 0,
    lookalikesPlanted: 0,
    families: [],
    misses: [],
    falsePositives: [],
    crossFamily: [],
    testKeys: { planted: 0, found: 0, reportedBlocking: 0 },
    liveReportedNonBlocking: [],
    scanMs: 0,
  };

  for (const file of corpus) {
    const started = performance.now();
    const findings = scan(catalog, { path: file.path, text: file.content });
    score.scanMs += performance.now() - started;
    score.findings += findings.length;
    score.lookalikesPlanted += file.lookalikes.length;

    const matchedFindings = new Set<Finding>();
    for (const secret of file.secrets) {
      const s = stats(secret.family);
      s.planted++;
      if (secret.testKey) score.testKeys.planted++;
      const hits = findings.filter((f) => findingMatches(f, secret));
      hits.forEach((f) => matchedFindings.add(f));
      if (hits.length === 0) {
        score.misses.push({
          path: file.path,
          format: file.format,
          line: lineOf(file.content, secret.written ?? secret.value),
          family: secret.family,
          type: secret.type,
          value: secret.value,
          bare: secret.bare === true,
          otherFindings: [...new Set(findings.map((f) => f.ruleId))],
        });
        continue;
      }
      s.found++;
      if (!hits.some((f) => familyOfRule(f.ruleId) === secret.family)) {
        score.crossFamily.push({
          path: file.path,
          type: secret.type,
          ruleIds: [...new Set(hits.map((f) => f.ruleId))],
        });
      }
      if (secret.testKey) {
        score.testKeys.found++;
        if (hits.every((f) => !f.testKey)) score.testKeys.reportedBlocking++;
      } else if (hits.every((f) => f.testKey)) {
        score.liveReportedNonBlocking.push({
          path: file.path,
          type: secret.type,
          ruleIds: [...new Set(hits.map((f) => f.ruleId))],
        });
      }
    }

    for (const finding of findings) {
      const family = familyOfRule(finding.ruleId);
      if (matchedFindings.has(finding)) {
        stats(family).truePositives++;
        continue;
      }
      const tolerated = file.tolerated.some((t) => findingMatches(finding, { family: '', type: '', value: t }));
      if (tolerated) continue;
      stats(family).falsePositives++;
      const lookalike = file.lookalikes.find((l) => overlaps(finding, l));
      const partial = lookalike ? undefined : file.secrets.find((l) => overlaps(finding, l));
      score.falsePositives.push({
        path: file.path,
        format: file.format,
        line: finding.line,
        ruleId: finding.ruleId,
        family,
        value: finding.secret,
        hit: lookalike ? lookalike.type : partial ? `partial:${partial.type}` : 'unlabelled',
      });
    }
  }

  score.families = [...families.values()].sort((a, b) => {
    const ca = CRITICAL_FAMILIES.indexOf(a.family);
    const cb = CRITICAL_FAMILIES.indexOf(b.family);
    if (ca !== cb) return (ca === -1 ? 99 : ca) - (cb === -1 ? 99 : cb);
    return a.family.localeCompare(b.family);
  });
  return score;
}

const pct = (num: number, den: number) => (den === 0 ? '     —' : `${((100 * num) / den).toFixed(1).padStart(5)}%`);

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Up to n samples, one per distinct key first (so ten misses are not ten copies of one shape). */
function diverse<T>(items: readonly T[], key: (item: T) => string, n: number, first?: (item: T) => boolean): T[] {
  const ordered = first ? [...items.filter(first), ...items.filter((i) => !first(i))] : [...items];
  const out: T[] = [];
  const seen = new Set<string>();
  for (const item of ordered) {
    if (out.length >= n) break;
    if (!seen.has(key(item))) {
      seen.add(key(item));
      out.push(item);
    }
  }
  for (const item of ordered) {
    if (out.length >= n) break;
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

export function formatReport(score: Score, meta: { seed: number; buildMs: number }): string {
  const out: string[] = [];
  const planted = score.families.reduce((n, f) => n + f.planted, 0);
  const found = score.families.reduce((n, f) => n + f.found, 0);
  const tp = score.families.reduce((n, f) => n + f.truePositives, 0);
  const fp = score.families.reduce((n, f) => n + f.falsePositives, 0);

  out.push(
    `secret-hook accuracy: ${score.files} files in ${score.formats} formats (seed ${meta.seed}), ${planted} planted secrets, ${score.lookalikesPlanted} planted look-alikes, ${score.findings} findings`,
    `corpus built in ${(meta.buildMs / 1000).toFixed(1)} s, scanned in ${(score.scanMs / 1000).toFixed(1)} s`,
    '',
    `${'family'.padEnd(18)}${'planted'.padStart(8)}${'found'.padStart(7)}${'missed'.padStart(7)}${'FP'.padStart(6)}${'recall'.padStart(9)}${'precision'.padStart(11)}`,
  );
  for (const f of score.families) {
    const flag = CRITICAL_FAMILIES.includes(f.family) && f.found < f.planted ? '  <<< MISSED' : '';
    out.push(
      `${f.family.padEnd(18)}${String(f.planted).padStart(8)}${String(f.found).padStart(7)}${String(f.planted - f.found).padStart(7)}${String(f.falsePositives).padStart(6)}${pct(f.found, f.planted).padStart(9)}${pct(f.truePositives, f.truePositives + f.falsePositives).padStart(11)}${flag}`,
    );
  }
  out.push(
    `${'overall'.padEnd(18)}${String(planted).padStart(8)}${String(found).padStart(7)}${String(planted - found).padStart(7)}${String(fp).padStart(6)}${pct(found, planted).padStart(9)}${pct(tp, tp + fp).padStart(11)}`,
    '',
    "recall = found / planted; precision = findings that found a planted secret / all findings of the family's rules (FP attributed to the rule that fired).",
    `test keys: ${score.testKeys.planted} planted, ${score.testKeys.found} found, ${score.testKeys.reportedBlocking} reported as blocking (should be 0).`,
  );
  if (score.liveReportedNonBlocking.length > 0) {
    out.push(
      `!!! ${score.liveReportedNonBlocking.length} live keys were reported only as non-blocking test keys, e.g. ${score.liveReportedNonBlocking
        .slice(0, 3)
        .map((l) => `${l.path} ${l.type} [${l.ruleIds.join(',')}]`)
        .join('; ')}`,
    );
  }
  if (score.crossFamily.length > 0) {
    out.push(
      `found only by another family's rule: ${score.crossFamily.length} (${countBy(
        score.crossFamily,
        (c) => `${c.type} by ${c.ruleIds.join('+')}`,
      )
        .slice(0, 4)
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ')})`,
    );
  }

  const critical = score.misses.filter((m) => CRITICAL_FAMILIES.includes(m.family));
  if (critical.length > 0) {
    out.push(
      '',
      `!!!!!!!! ${critical.length} MISSED SECRETS IN STRIPE / KLAVIYO / INTERCOM / CUSTOMER.IO — each one is a release blocker !!!!!!!!`,
    );
    for (const [shape, n] of countBy(critical, (m) => `${m.type} in ${m.format}${m.bare ? ' (bare)' : ''}`).slice(
      0,
      10,
    ))
      out.push(`!!! ${String(n).padStart(4)} × ${shape}`);
  }

  out.push('', `missed secrets (${score.misses.length}; up to 10, first the four first providers, one per shape):`);
  for (const m of diverse(
    score.misses,
    (m) => `${m.type}|${m.format}`,
    10,
    (m) => CRITICAL_FAMILIES.includes(m.family),
  )) {
    out.push(
      `  ${m.path}:${m.line}  ${m.type}  ${redact(m.value)}${m.bare ? '  (no provider word nearby)' : ''}${m.otherFindings.length ? `  [file also had: ${m.otherFindings.slice(0, 3).join(', ')}]` : ''}`,
    );
  }
  out.push(
    '  miss shapes: ' +
      countBy(score.misses, (m) => m.type)
        .slice(0, 12)
        .map(([k, n]) => `${k} ×${n}`)
        .join(', '),
  );

  out.push('', `false positives (${score.falsePositives.length}; up to 10, one per rule and shape):`);
  for (const f of diverse(score.falsePositives, (f) => `${f.ruleId}|${f.hit}`, 10)) {
    out.push(`  ${f.path}:${f.line}  [${f.ruleId}]  ${redact(f.value)}  hit: ${f.hit}`);
  }
  out.push(
    '  FP shapes: ' +
      countBy(score.falsePositives, (f) => `${f.ruleId} on ${f.hit}`)
        .slice(0, 12)
        .map(([k, n]) => `${k} ×${n}`)
        .join(', '),
  );
  return out.join('\n');
}
