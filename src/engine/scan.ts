// The rule engine: text in, findings out. Pure: no fs, no git, no console.
// Cheap before expensive: keyword prefilter → candidate rules' regexes → secret group → verifier → entropy →
// placeholders → near words → inline allow comments → pairing (pairing.ts) and de-duplication (deduplicate.ts).
import type { Finding } from '../result.js';
import type { CompiledCatalog, CompiledRule } from './compile.js';
import type { PrefilterMatch } from './prefilter.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import { printableBase64 } from './base64.js';
import { judgesCodeNames, judgesPlaceholders, passesVerifier } from './verify.js';
import { isCodeName } from './generic-value.js';
import { isDocumented } from './documented-keys.js';
import { isStructuredConfig, matchesFiles } from './file-scope.js';
import { namesItself } from './self-named.js';
import { type GeneratedFiles, generatedFileQuiets } from './generated-files.js';
import { deduplicate, type DedupeRoles } from './deduplicate.js';
import { fingerprint } from './fingerprint.js';
import { pairFindings } from './pairing.js';
import { spanningFindings } from './spanning.js';
import { hasAnyNearWordIn, hasInFileWordIn, LineIndex } from './line-index.js';
import { ShapeTests } from './secret-shape.js';
import { blankMappings, isSourceMapPath } from './source-map.js';
import { isInsideArn } from './arn.js';
import { TextLines, type ScanWork } from './text-lines.js';

export type { ScanWork } from './text-lines.js';
export { fingerprint } from './fingerprint.js';

export interface ScanUnit {
  /** Repository-relative path, '/'-separated; used for fingerprints and language-aware hints. */
  path: string;
  /** The text to scan: a file's added lines joined with '\n', or a whole file. */
  text: string;
  /** File line number (1-based) of each line of `text`; when absent, line i of text is line i+1 of the file. */
  lineNumbers?: ArrayLike<number>;
  /**
   * The context: the new file's lines around the added ones (`firstLine` is the file line of its first line), for
   * the checks that reach beyond the added lines: a prefix-less rule's near words (`near`) and allow-next-line
   * comments. "Context" means this everywhere in the engine.
   */
  context?: { text: string; firstLine: number };
  /**
   * Run only the rules for keys with a prefix of their own (not generic, not prefix-less): for the printable runs
   * of a binary file, where names and near words mean nothing.
   */
  onlyPrefixed?: boolean;
  /**
   * The whole new text of a changed file, when `text` holds only its added lines; `lineStarts[i]` is where line i
   * of `text` starts in it. Rules whose matches span lines also run on it around added lines (spanning.ts).
   */
  source?: { text: string; lineStarts: ArrayLike<number> };
}

export type { Finding, LineExcerpt } from '../result.js';

export { EXCERPT_REACH } from './line-index.js';

// Decoded values are scanned again, but not forever: base64 inside base64 inside base64 is not a real secret.
const MAX_DECODE_DEPTH = 2;

export interface ScanOptions {
  /** Drop findings on lines with an allow comment (default). Off to find stale allow comments. */
  honourAllowComments?: boolean;
}

/**
 * What a test or a benchmark of the engine itself asks of a scan besides its findings (`scanWith`); the findings
 * are the same with or without them.
 */
export interface ScanDiagnostics {
  /** Counters to add this scan's work to: the linear-cost test proves with them that cost follows input size. */
  work?: ScanWork;
  /**
   * Run keyword rules over the whole text, not only on the lines that hold their keywords (or within reach of
   * them): the same findings, slower. The keyword-windows tests compare the two.
   */
  wholeText?: boolean;
}

export function scan(catalog: CompiledCatalog, unit: ScanUnit, options: ScanOptions = {}): Finding[] {
  return scanWith(catalog, unit, options, NO_DIAGNOSTICS);
}

const NO_DIAGNOSTICS: ScanDiagnostics = {};

/** `scan`, reporting its work to `diagnostics` or running it the slow way they ask for. */
export function scanWith(
  catalog: CompiledCatalog,
  unit: ScanUnit,
  options: ScanOptions,
  diagnostics: ScanDiagnostics,
): Finding[] {
  const settings: ScanSettings = {
    honourAllow: options.honourAllowComments !== false,
    keywordWindows: diagnostics.wholeText !== true,
    work: diagnostics.work,
  };
  return scanLayer(catalog, isSourceMapPath(unit.path) ? withoutMappings(unit) : unit, settings, 0);
}

/** A source map's unit with its `mappings` blanked, in the text and in what surrounds it (source-map.ts). */
function withoutMappings(unit: ScanUnit): ScanUnit {
  return {
    ...unit,
    text: blankMappings(unit.text),
    ...(unit.context ? { context: { ...unit.context, text: blankMappings(unit.context.text) } } : {}),
    ...(unit.source ? { source: { ...unit.source, text: blankMappings(unit.source.text) } } : {}),
  };
}

/** How one scan runs, the same at every encoded layer. */
interface ScanSettings {
  honourAllow: boolean;
  keywordWindows: boolean;
  work: ScanWork | undefined;
}

/** One text, `depth` encoded layers deep: the rules, then those whose matches span lines around added lines. */
function scanLayer(catalog: CompiledCatalog, unit: ScanUnit, settings: ScanSettings, depth: number): Finding[] {
  const findings = scanRules(catalog, unit, settings, depth, null);
  const spanning = spanningFindings(catalog, unit, (window, rules, keywords) =>
    scanRules(catalog, window, settings, depth, rules, keywords),
  );
  if (spanning.length === 0) return findings;
  for (const f of spanning) findings.push(f);
  return deduplicate(findings, dedupeRoles(catalog));
}

/**
 * The pipeline over one text; `only` restricts it to these rules (when they are candidates). `keywords`: the keyword
 * prefilter's answer for this very text, when the caller has it already (a spanning window).
 */
function scanRules(
  catalog: CompiledCatalog,
  unit: ScanUnit,
  settings: ScanSettings,
  depth: number,
  only: ReadonlySet<number> | null,
  keywords?: PrefilterMatch,
): Finding[] {
  const budget = catalog.searchBudget;
  const inText = keywords ?? catalog.prefilter.match(unit.text, budget);
  // A prefix-less key's near words may sit on an unchanged line: the whole context is searched for them.
  const inContext =
    unit.context && catalog.prefixlessRules.length > 0 ? catalog.nearPrefilter.match(unit.context.text, budget) : null;
  // What candidateRules found by searching the whole new file, the near-word checks do not search for again.
  const inFileAnswers = new Map<object, boolean>();
  // Lockfiles, bundles and vendored trees: their hashes are not secrets (generated-files.ts).
  const quiets = unit.onlyPrefixed ? 'prefixless' : generatedFileQuiets(unit.path);
  const candidates = candidateRules(catalog, unit, inText, inContext, inFileAnswers, quiets);
  if (only) for (const index of candidates) if (!only.has(index)) candidates.delete(index);
  if (candidates.size === 0) return [];

  const lines = new LineIndex(catalog, unit, inText, inContext, settings.work, inFileAnswers);
  const pass: ScanPass = {
    catalog,
    unit,
    lines,
    depth,
    settings,
    ownPrefixOnly: quiets === 'prefixless',
    namedHarmlessAbove: undefined,
  };
  const byRule = new Map<number, Finding[]>();
  // In catalog order: of two rules that find the same value at the same place, the first keeps it (deduplicate).
  for (const ruleIndex of [...candidates].sort((a, b) => a - b))
    byRule.set(ruleIndex, matchRule(pass, catalog.rules[ruleIndex]!));
  const findings: Finding[] = [];
  for (const [ruleIndex, ruleFindings] of byRule) {
    const { rule } = catalog.rules[ruleIndex]!;
    const kept = rule.pairing
      ? pairFindings(
          rule.id,
          rule.pairing,
          ruleFindings,
          partnersOf(rule.pairing.with, byRule, catalog),
          (f) => pass.namedHarmlessAbove?.has(f) === true,
        )
      : ruleFindings;
    const completed =
      rule.pairing && unit.source && !only
        ? withPartnersOnUnchangedLines(pass, ruleIndex, new Set(ruleFindings), kept)
        : kept;
    // One by one: spreading 100,000 findings into push() overflows the stack.
    for (const f of completed) findings.push(f);
  }
  return deduplicate(findings, dedupeRoles(catalog));
}

/**
 * Added lines of a changed file: a paired rule's match left alone may have its partner on an unchanged line (a
 * Track API key added under a committed Site ID). The rule and its partner run again on the new file's lines around
 * it, and the pair found there at the match's own place replaces it, so that the finding and its fingerprint are
 * those a scan of the whole file gives.
 */
function withPartnersOnUnchangedLines(
  pass: ScanPass,
  ruleIndex: number,
  own: ReadonlySet<Finding>,
  kept: Finding[],
): Finding[] {
  const { catalog, unit, settings, depth } = pass;
  const source = unit.source!;
  const pairing = catalog.rules[ruleIndex]!.rule.pairing!;
  const rules = new Set([ruleIndex, catalog.rules.findIndex((r) => r.rule.id === pairing.with)]);
  // The partner's reach, and the context's, so that its near words are seen as the whole file's scan sees them.
  const reach = pairing.withinLines + catalog.contextLines;
  let lines: TextLines | undefined;
  return kept.map((finding) => {
    if (!own.has(finding)) return finding;
    lines ??= new TextLines(source.text);
    const first = Math.max(0, finding.line - 1 - reach);
    const last = Math.min(lines.count - 1, finding.line - 1 + reach);
    const window: ScanUnit = {
      path: unit.path,
      text: source.text.slice(lines.start(first), lines.end(last)),
      lineNumbers: Array.from({ length: last - first + 1 }, (_, i) => first + 1 + i),
    };
    const pair = scanRules(catalog, window, settings, depth, rules).find(
      (f) => f.ruleId === finding.ruleId && f.line === finding.line && f.column === finding.column,
    );
    return pair && pair.secret !== finding.secret
      ? { ...finding, secret: pair.secret, fingerprint: pair.fingerprint, alone: pair.alone }
      : finding;
  });
}

const DEDUPE_ROLES = new WeakMap<CompiledCatalog, DedupeRoles>();

/**
 * The ids of the catalog's rules of credential files (`files`), whose findings win at their place, and of the rules
 * that know a credential by its place (`byPlace`), whose findings lose there to a rule that knows its format.
 */
function dedupeRoles(catalog: CompiledCatalog): DedupeRoles {
  let roles = DEDUPE_ROLES.get(catalog);
  if (!roles) {
    const ids = (indexes: readonly number[]) => new Set(indexes.map((i) => catalog.rules[i]!.rule.id));
    DEDUPE_ROLES.set(catalog, (roles = { files: ids(catalog.scopedRules), byPlace: ids(catalog.byPlaceRules) }));
  }
  return roles;
}

const SCOPED_BY_PATH = new WeakMap<CompiledCatalog, Map<string, ReadonlySet<number>>>();
/** Paths remembered per catalog: a history meets the same paths again and again; a tree scan meets each once. */
const MAX_REMEMBERED_PATHS = 4096;
const NO_RULES: ReadonlySet<number> = new Set();

/** The catalog's file-scoped rules whose files include `path`, worked out once per path. */
function scopedRulesAt(catalog: CompiledCatalog, path: string): ReadonlySet<number> {
  let byPath = SCOPED_BY_PATH.get(catalog);
  if (!byPath) SCOPED_BY_PATH.set(catalog, (byPath = new Map()));
  let rules = byPath.get(path);
  if (rules === undefined) {
    const matching = catalog.scopedRules.filter((i) => matchesFiles(catalog.rules[i]!.rule.files!, path));
    rules = matching.length === 0 ? NO_RULES : new Set(matching);
    if (byPath.size >= MAX_REMEMBERED_PATHS) byPath.clear();
    byPath.set(path, rules);
  }
  return rules;
}

/** The findings of the rule with this id in this scan, before pairing (none when it is not a candidate). */
function partnersOf(id: string, byRule: ReadonlyMap<number, Finding[]>, catalog: CompiledCatalog): Finding[] {
  for (const [index, found] of byRule) if (catalog.rules[index]!.rule.id === id) return found;
  return [];
}

/** Whether a rule's (global) pattern matches anywhere in `text`; leaves the pattern as it found it. */
function matchesSomewhere(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  const found = regex.test(text);
  regex.lastIndex = 0;
  return found;
}

function candidateRules(
  catalog: CompiledCatalog,
  unit: ScanUnit,
  inText: PrefilterMatch,
  inContext: PrefilterMatch | null,
  inFileAnswers: Map<object, boolean>,
  quiets: GeneratedFiles['quiets'] | null,
): Set<number> {
  const candidates = new Set<number>();
  for (const keyword of inText.found) {
    for (const rule of catalog.rulesByKeyword[keyword]!) candidates.add(rule);
  }
  for (const word of inContext?.found ?? []) {
    for (const rule of catalog.nearRulesByWord[word]!) if (catalog.rules[rule]!.prefixless) candidates.add(rule);
  }
  // Added lines of a changed file: an SDK's import anywhere in the new file makes its provider's keys candidates,
  // and so does a near word beyond the context for a rule that looks farther than the context reaches (the near-word
  // check, line-index.ts, then reads the new file around the match, as a scan of the whole file would).
  // Cheap before expensive: the whole file is searched only when the rule's pattern matches in the added text.
  if (unit.source) {
    let shapes: ShapeTests | undefined;
    for (const index of catalog.prefixlessRules) {
      const compiled = catalog.rules[index]!;
      const near = compiled.near;
      if (candidates.has(index) || !near) continue;
      const inFile = near.words.some((w) => w.inFile);
      // A rule that looks past the context does so in structured configuration (a Kubernetes manifest), where its
      // words may stand farther up than the context reaches.
      if (!inFile && (near.lines <= catalog.contextLines || !isStructuredConfig(unit.path))) continue;
      const shape = compiled.secretShape;
      if (shape && !(shapes ??= new ShapeTests(unit.text)).found(shape)) continue;
      if (!matchesSomewhere(compiled.regex, unit.text)) continue;
      if (inFile) {
        if (!hasInFileWordIn(unit.source.text, near)) continue;
        // Found: the near-word check (line-index.ts) would find it too. Not found is not recorded: that check also
        // looks in the text and its context.
        inFileAnswers.set(near, true);
      } else if (!hasAnyNearWordIn(unit.source.text, near)) continue;
      candidates.add(index);
    }
  }
  // Credential files' rules run only on their files; those without keywords run on every text of them.
  const atPath = scopedRulesAt(catalog, unit.path);
  for (const index of catalog.scopedRules) {
    if (!atPath.has(index)) candidates.delete(index);
    else if (catalog.rules[index]!.rule.keywords.length === 0) candidates.add(index);
  }
  if (quiets) {
    for (const index of candidates) {
      const rule = catalog.rules[index]!;
      if (rule.generic || (quiets === 'prefixless' && rule.prefixless)) candidates.delete(index);
    }
  }
  return candidates;
}

/** What every rule's matching in one scan shares. */
interface ScanPass {
  catalog: CompiledCatalog;
  unit: ScanUnit;
  lines: LineIndex;
  /** How many encoded layers deep this text is. */
  depth: number;
  settings: ScanSettings;
  /**
   * Only secrets that carry their own prefix count (a lockfile, a vendored tree, a binary file's printable runs):
   * a keyword rule's match counts only when one of the rule's keywords is in it or names it just before it
   * (`sk_live_…`, `postgres://`, `VERCEL_TOKEN=`), not when the keyword is merely near (`vercel` somewhere on a long
   * line of someone else's code).
   */
  ownPrefixOnly: boolean;
  /**
   * Findings of a paired rule whose value stands alone on its line under an entry that names it as the half that is
   * harmless alone (`default = "…"` in a Terraform `variable "…_site_id" {` block): pairing.ts reads a finding's
   * own line only. Made when the first one is found: most scans have none.
   */
  namedHarmlessAbove: WeakSet<Finding> | undefined;
}

function matchRule(pass: ScanPass, compiled: CompiledRule): Finding[] {
  const { unit, lines } = pass;
  const { regex } = compiled;
  const found: Finding[] = [];
  // A prefix-less rule runs on the lines around its near words, not on the whole text: its pattern (bare hex or
  // base64) would otherwise be tried at every position of every file that says "aws".
  // A line-local keyword rule runs on the lines that hold its keywords: `token` in one line of a long file should
  // not send every generic pattern over the whole file.
  const windows =
    compiled.prefixless && compiled.near
      ? lines.nearWindows(compiled.near)
      : pass.settings.keywordWindows && compiled.lineLocal
        ? lines.keywordWindows(compiled.keywordIndexes)
        : pass.settings.keywordWindows && compiled.rule.keywords.length > 0 && Number.isFinite(compiled.reach)
          ? lines.reachWindows(compiled.keywordIndexes, compiled.reach)
          : [[0, unit.text.length] as const];
  for (const [from, to] of windows) {
    const text = from === 0 && to === unit.text.length ? unit.text : unit.text.slice(from, to);
    if (pass.settings.work) pass.settings.work.patternChars += text.length;
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      if (match[0].length === 0) regex.lastIndex++;
      const secret = match.groups?.['secret'];
      const at = match.indices?.groups?.['secret'];
      if (!secret || !at) continue;
      const span = [at[0] + from, at[1] + from] as const;
      if (pass.settings.work) pass.settings.work.candidates++;
      // A generic rule's value that repeats its own name (`SASL_AUTH = "SASL_AUTH"`) is a constant, not a secret.
      if (compiled.generic && namesItself(text.slice(match.index, at[0]), secret)) continue;
      if (pass.ownPrefixOnly) {
        const start = from + match.index;
        const named = unit.text.slice(Math.max(0, start - OWN_NAME_REACH), start + match[0].length);
        if (!carriesOwnPrefix(compiled, named)) continue;
      }
      const decodedOnly = match.groups?.['decodedOnly'] !== undefined;
      const name = match.groups?.['name'];
      for (const f of checkCandidate(pass, compiled, secret, span, decodedOnly)) found.push(name ? { ...f, name } : f);
    }
  }
  return found;
}

/** How far before a match its own name is looked for: `"auth": "`, `VERCEL_API_TOKEN = '`. */
const OWN_NAME_REACH = 32;

/**
 * Whether a match holds its own prefix or name: one of the rule's keywords inside the matched text (`sk_live_…`, a
 * URL's `postgres://`) or just before it (`VERCEL_TOKEN=…`, `"auth": "…"`), not merely somewhere near it.
 * Credential files' rules keep every match (a `.netrc` is one wherever it is).
 */
function carriesOwnPrefix(compiled: CompiledRule, named: string): boolean {
  const { rule } = compiled;
  if (rule.files) return true;
  const lower = named.toLowerCase();
  return rule.keywords.some((keyword) => lower.includes(keyword.toLowerCase()));
}

/** The checks after a pattern matched: decode, verifier, entropy, placeholders, near words, allow comments. */
function checkCandidate(
  pass: ScanPass,
  compiled: CompiledRule,
  secret: string,
  span: readonly [number, number],
  /** The match counts only for what its decoded value holds (`decodedOnly`, rules/schema.ts). */
  decodedOnly = false,
): Finding[] {
  const { catalog, unit, lines, depth } = pass;
  const { honourAllow } = pass.settings;
  const { rule } = compiled;
  if (rule.decode === 'base64') {
    // A value that decodes to binary (a digest, an image) is not a wrapped credential.
    const decoded = printableBase64(secret, { minDecodedLength: 8 });
    if (decoded === undefined) return [];
    // Allow comments inside the decoded text are part of the value, not the user's: honoured at every layer.
    const settings = { ...pass.settings, honourAllow: true };
    const inner =
      depth < MAX_DECODE_DEPTH ? scanLayer(catalog, { path: unit.path, text: decoded }, settings, depth + 1) : [];
    if (inner.length > 0) {
      const position = lines.locate(span[0]);
      if (honourAllow && lines.allowedAt(position)) return [];
      const where = lines.excerptAt(position, secret.length);
      return inner.map(({ excerpt: _inner, ...f }) => ({
        ...f,
        title: `${f.title} (base64-encoded)`,
        line: position.fileLine,
        column: position.column,
        ...where,
        encodedAs: secret,
        fingerprint: fingerprint(f.ruleId, unit.path, f.secret),
      }));
    }
    if (decodedOnly) return [];
  }
  if (rule.verify && !passesVerifier(rule.verify, secret)) return [];
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return [];
  if (!judgesPlaceholders(rule.verify) && isPlaceholder(secret)) return [];
  // A key without a prefix of its own is never a name from code: an API operation, an exception, a URL path.
  if (compiled.prefixless && !rule.decode && !judgesCodeNames(rule.verify) && isCodeName(secret)) return [];
  // Nothing inside an ARN is a credential: it is a resource's name (arn.ts).
  if (isInsideArn(unit.text, span[0])) return [];
  if (rule.documented && isDocumented(rule.documented, secret)) return [];

  const position = lines.locate(span[0]);
  if (compiled.notOnLineWith && lines.namedNearby(position, secret.length, compiled.notOnLineWith)) return [];
  if (compiled.notUnderKeyWith && lines.underKeyNaming(position, compiled.notUnderKeyWith)) return [];
  if (rule.credentialWords && !lines.namedBefore(position, rule.credentialWords)) return [];
  if (compiled.near && !lines.hasNearbyWord(position, compiled.near)) return [];
  // Last of the checks that read around a candidate: it reads the new file's lines about it (most candidates have
  // failed the cheaper ones by now).
  if (compiled.prefixless && lines.inArmouredBody(position)) return [];
  if (honourAllow && lines.allowedAt(position)) return [];
  const finding: Finding = {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    testKey: rule.testKey === true,
    path: unit.path,
    line: position.fileLine,
    column: position.column,
    secret,
    ...lines.excerptAt(position, secret.length),
    fingerprint: fingerprint(rule.id, unit.path, secret),
  };
  const unpaired = rule.pairing?.unpaired;
  if (typeof unpaired === 'object' && lines.namedByEntry(position, unpaired.dropWhenLineNames))
    (pass.namedHarmlessAbove ??= new WeakSet()).add(finding);
  return [finding];
}
