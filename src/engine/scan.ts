// The rule engine: text in, findings out. Pure: no fs, no git, no console.
// Cheap before expensive: keyword prefilter → candidate rules' regexes → secret group → verifier → entropy →
// placeholders → near words → inline allow comments → pairing (pairing.ts) and de-duplication (deduplicate.ts).
import type { Severity } from '../../rules/schema.js';
import type { Finding } from '../result.js';
import type { CompiledCatalog, CompiledRule } from './compile.js';
import type { PrefilterMatch } from './prefilter.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import { printableBase64 } from './base64.js';
import { passesVerifier } from './verify.js';
import { isCodeName } from './generic-value.js';
import { isDocumented } from './documented-keys.js';
import { matchesFiles } from './file-scope.js';
import { namesItself } from './self-named.js';
import { generatedFileQuiets } from './generated-files.js';
import { deduplicate } from './deduplicate.js';
import { fingerprint } from './fingerprint.js';
import { pairFindings } from './pairing.js';
import { spanningFindings } from './spanning.js';
import { opensBlock, PARENT_REACH, TextLines, type ScanWork } from './text-lines.js';

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

// How much of the line around a secret a finding keeps: enough to show it in context, never a whole minified file.
export const EXCERPT_REACH = 200;

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
  return scanLayer(catalog, unit, settings, 0);
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
  const spanning = spanningFindings(catalog, unit, (window, rules) =>
    scanRules(catalog, window, settings, depth, rules),
  );
  if (spanning.length === 0) return findings;
  for (const f of spanning) findings.push(f);
  return deduplicate(findings, fileRuleIds(catalog));
}

/** The pipeline over one text; `only` restricts it to these rules (when they are candidates). */
function scanRules(
  catalog: CompiledCatalog,
  unit: ScanUnit,
  settings: ScanSettings,
  depth: number,
  only: ReadonlySet<number> | null,
): Finding[] {
  const budget = catalog.searchBudget;
  const inText = catalog.prefilter.match(unit.text, budget);
  // A prefix-less key's near words may sit on an unchanged line: the whole context is searched for them.
  const inContext =
    unit.context && catalog.prefixlessRules.length > 0 ? catalog.nearPrefilter.match(unit.context.text, budget) : null;
  const candidates = candidateRules(catalog, unit, inText, inContext);
  if (only) for (const index of candidates) if (!only.has(index)) candidates.delete(index);
  if (candidates.size === 0) return [];

  const lines = new LineIndex(catalog, unit, inText, inContext, settings.work);
  const pass: ScanPass = { catalog, unit, lines, depth, settings };
  const byRule = new Map<number, Finding[]>();
  // In catalog order: of two rules that find the same value at the same place, the first keeps it (deduplicate).
  for (const ruleIndex of [...candidates].sort((a, b) => a - b))
    byRule.set(ruleIndex, matchRule(pass, catalog.rules[ruleIndex]!));
  const findings: Finding[] = [];
  for (const [ruleIndex, ruleFindings] of byRule) {
    const { rule } = catalog.rules[ruleIndex]!;
    const kept = rule.pairing
      ? pairFindings(rule.id, rule.pairing, ruleFindings, partnersOf(rule.pairing.with, byRule, catalog))
      : ruleFindings;
    // One by one: spreading 100,000 findings into push() overflows the stack.
    for (const f of kept) findings.push(f);
  }
  return deduplicate(findings, fileRuleIds(catalog));
}

const IN_FILE_PATTERNS = new WeakMap<object, RegExp>();

/** One of a rule's file-wide near words in `text`, as the prefilter finds words: in any case. */
function hasInFileWordIn(text: string, near: NonNullable<CompiledRule['near']>): boolean {
  let pattern = IN_FILE_PATTERNS.get(near);
  if (!pattern) {
    const words = near.words.filter((w) => w.inFile).map((w) => w.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    IN_FILE_PATTERNS.set(near, (pattern = words.length > 0 ? new RegExp(words.join('|'), 'i') : /(?!)/));
  }
  return pattern.test(text);
}

const FILE_RULE_IDS = new WeakMap<CompiledCatalog, ReadonlySet<string>>();

/** The ids of the catalog's rules of credential files (`files`), whose findings win at their place. */
function fileRuleIds(catalog: CompiledCatalog): ReadonlySet<string> {
  let ids = FILE_RULE_IDS.get(catalog);
  if (!ids) FILE_RULE_IDS.set(catalog, (ids = new Set(catalog.scopedRules.map((i) => catalog.rules[i]!.rule.id))));
  return ids;
}

/** The findings of the rule with this id in this scan, before pairing (none when it is not a candidate). */
function partnersOf(id: string, byRule: ReadonlyMap<number, Finding[]>, catalog: CompiledCatalog): Finding[] {
  for (const [index, found] of byRule) if (catalog.rules[index]!.rule.id === id) return found;
  return [];
}

function candidateRules(
  catalog: CompiledCatalog,
  unit: ScanUnit,
  inText: PrefilterMatch,
  inContext: PrefilterMatch | null,
): Set<number> {
  const candidates = new Set<number>();
  for (const keyword of inText.found) {
    for (const rule of catalog.rulesByKeyword[keyword]!) candidates.add(rule);
  }
  for (const word of inContext?.found ?? []) {
    for (const rule of catalog.nearRulesByWord[word]!) if (catalog.rules[rule]!.prefixless) candidates.add(rule);
  }
  // Added lines of a changed file: an SDK's import anywhere in the new file makes its provider's keys candidates.
  if (unit.source) {
    for (const index of catalog.prefixlessRules) {
      const near = catalog.rules[index]!.near;
      if (!candidates.has(index) && near?.words.some((w) => w.inFile) && hasInFileWordIn(unit.source.text, near))
        candidates.add(index);
    }
  }
  // Credential files' rules run only on their files; those without keywords run on every text of them.
  for (const index of catalog.scopedRules) {
    const { rule } = catalog.rules[index]!;
    if (!matchesFiles(rule.files!, unit.path)) candidates.delete(index);
    else if (rule.keywords.length === 0) candidates.add(index);
  }
  // Lockfiles, bundles and vendored trees: their hashes are not secrets (generated-files.ts).
  const quiets = unit.onlyPrefixed ? 'prefixless' : generatedFileQuiets(unit.path);
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
      for (const f of checkCandidate(pass, compiled, secret, span)) found.push(f);
    }
  }
  return found;
}

/** The checks after a pattern matched: decode, verifier, entropy, placeholders, near words, allow comments. */
function checkCandidate(
  pass: ScanPass,
  compiled: CompiledRule,
  secret: string,
  span: readonly [number, number],
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
  }
  if (rule.verify && !passesVerifier(rule.verify, secret)) return [];
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return [];
  if (isPlaceholder(secret)) return [];
  // A key without a prefix of its own is never a name from code: an API operation, an exception, a URL path.
  if (compiled.prefixless && !rule.decode && isCodeName(secret)) return [];
  if (rule.documented && isDocumented(rule.documented, secret)) return [];

  const position = lines.locate(span[0]);
  if (compiled.notOnLineWith && lines.namedNearby(position, secret.length, compiled.notOnLineWith)) return [];
  if (rule.credentialWords && !lines.namedBefore(position, rule.credentialWords)) return [];
  if (compiled.near && !lines.hasNearbyWord(position, compiled.near)) return [];
  if (honourAllow && lines.allowedAt(position)) return [];
  return [
    {
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
    },
  ];
}

interface Position {
  /** Index of the line within the scanned text. */
  textLine: number;
  fileLine: number;
  column: number;
  /** Offset of the secret in the scanned text. */
  offset: number;
}

// How far around a secret a look-alike's name counts: its own assignment, not the rest of a minified line.
const NAMING_REACH = 48;
// How far before a prefix-less key its credential word may stand: the name it is assigned to, or the call it is
// an argument of, not the rest of a minified line.
const CREDENTIAL_REACH = 80;

/**
 * Maps offsets in the scanned text to file lines, built only when a rule matched, and answers the checks that read
 * around a candidate. Every answer costs a bounded amount of reading per candidate: an excerpt of the line, the
 * characters beside the secret, or a lookup in what was worked out once per line or per text (text-lines.ts).
 */
class LineIndex {
  private readonly lines: TextLines;
  private contextLines?: TextLines | null;
  /** The catalog's near words in the text, or in its context when we have it: looked for on first need. */
  private nearWordsFound?: PrefilterMatch;
  private nearWordsInText?: PrefilterMatch;
  private readonly inFileAnswers = new Map<object, boolean>();

  constructor(
    private readonly catalog: CompiledCatalog,
    private readonly unit: ScanUnit,
    private readonly inText: PrefilterMatch,
    private readonly inContext: PrefilterMatch | null,
    private readonly work: ScanWork | undefined,
  ) {
    this.lines = new TextLines(unit.text, work);
  }

  private fileLineOf(textLine: number): number {
    return this.unit.lineNumbers ? this.unit.lineNumbers[textLine]! : textLine + 1;
  }

  /**
   * Offset ranges of the text within `near.lines` lines of a near word, found in the text or, for added lines,
   * anywhere in their context. Candidates outside them could never pass the near-word check.
   */
  nearWindows(near: NonNullable<CompiledRule['near']>): (readonly [number, number])[] {
    if (this.hasInFileWord(near)) return [[0, this.unit.text.length]];
    // Each near word reaches `near.lines` lines either way; one on a line that opens a block (`customerio:`,
    // `"customerio": {`) also reaches down the block, where hasWordInParents finds it as the values' parent key.
    const reaches: [number, number][] = [];
    const parents = this.parentReach();
    const reachOf = (line: number, opens: boolean) => {
      reaches.push([line - near.lines, line + (opens ? Math.max(parents, near.lines) : near.lines)]);
    };
    let lastLine = -1;
    let lastOpens = false;
    for (const end of this.inText.endsOf(near.keywordIndexes)) {
      const line = this.lines.lineAt(end - 1);
      // One look at the end of each line, however many near words it holds (a minified line holds thousands).
      if (line !== lastLine) {
        lastLine = line;
        lastOpens = opensBlock(this.unit.text, this.lines.end(line));
        reachOf(this.fileLineOf(line), lastOpens);
      }
    }
    const context = this.unit.context?.text;
    if (this.inContext && context !== undefined) {
      const offsets = this.inContext.endsOf(near.nearIndexes);
      let line = this.unit.context!.firstLine;
      let from = 0;
      let reached = -1;
      for (const end of offsets) {
        for (let at = context.indexOf('\n', from); at !== -1 && at < end - 1; at = context.indexOf('\n', at + 1)) {
          line++;
          from = at + 1;
        }
        if (line === reached) continue;
        reached = line;
        const newline = context.indexOf('\n', from);
        reachOf(line, opensBlock(context, newline === -1 ? context.length : newline));
      }
    }
    if (reaches.length === 0) return [];
    reaches.sort((a, b) => a[0] - b[0]);
    // Merged, the reaches are disjoint and ordered: one walk over the lines.
    const merged: [number, number][] = [];
    for (const reach of reaches) {
      const last = merged[merged.length - 1];
      if (last && reach[0] <= last[1] + 1) last[1] = Math.max(last[1], reach[1]);
      else merged.push([reach[0], reach[1]]);
    }
    const starts = this.lines.starts;
    const windows: [number, number][] = [];
    let next = 0;
    for (let i = 0; i < starts.length; i++) {
      const fileLine = this.fileLineOf(i);
      while (next < merged.length && merged[next]![1] < fileLine) next++;
      if (next === merged.length || merged[next]![0] > fileLine) continue;
      const start = starts[i]!;
      const end = i + 1 < starts.length ? starts[i + 1]! : this.unit.text.length;
      const last = windows[windows.length - 1];
      if (last && last[1] === start) last[1] = end;
      else windows.push([start, end]);
    }
    return windows;
  }

  /**
   * The lines holding these keywords, each with the newline before and after it, so that lookarounds and `\b` at
   * the line's edges see what they see in the whole text; adjacent lines merge. When the lines cover most of the
   * text, the whole text in one piece is cheaper.
   */
  keywordWindows(keywordIndexes: readonly number[]): (readonly [number, number])[] {
    const text = this.unit.text;
    const windows: [number, number][] = [];
    let covered = 0;
    for (const end of this.inText.endsOf(keywordIndexes)) {
      const last = windows[windows.length - 1];
      // Occurrences come in order: one on a line already covered adds nothing.
      if (last && end <= last[1]) continue;
      const lineBegin = end - 1 === 0 ? 0 : text.lastIndexOf('\n', end - 2) + 1;
      const newline = text.indexOf('\n', end - 1);
      const from = Math.max(0, lineBegin - 1);
      const to = newline === -1 ? text.length : newline + 1;
      if (last && from <= last[1]) {
        covered += to - last[1];
        last[1] = to;
      } else {
        covered += to - from;
        windows.push([from, to]);
      }
    }
    return covered > text.length / 2 ? [[0, text.length]] : windows;
  }

  /**
   * For a rule whose matches cross lines: the text within twice its longest match of each keyword, merged. A match
   * holds its keyword and spans at most `reach` characters, and its lookarounds read no further than that (they
   * count in `reach`): with twice that on each side, a match near a keyword sees in its window what it sees in the
   * whole text. A key body's keyword in one corner of a large file does not send the pattern over all of it.
   */
  reachWindows(keywordIndexes: readonly number[], reach: number): (readonly [number, number])[] {
    const length = this.unit.text.length;
    const windows: [number, number][] = [];
    let covered = 0;
    for (const end of this.inText.endsOf(keywordIndexes)) {
      const from = Math.max(0, end - 2 * reach);
      const to = Math.min(length, end + 2 * reach);
      const last = windows[windows.length - 1];
      if (last && from <= last[1]) {
        covered += Math.max(0, to - last[1]);
        last[1] = Math.max(last[1], to);
      } else {
        covered += to - from;
        windows.push([from, to]);
      }
    }
    return covered > length / 2 ? [[0, length]] : windows;
  }

  locate(offset: number): Position {
    const line = this.lines.lineAt(offset);
    return { textLine: line, fileLine: this.fileLineOf(line), column: offset - this.lines.start(line) + 1, offset };
  }

  /**
   * What a finding keeps of its line: the whole line, or on a long line the secret with EXCERPT_REACH characters on
   * either side (a secret spanning lines, a private key, keeps the rest of its first line).
   */
  excerptAt(position: Position, length: number): Pick<Finding, 'lineText' | 'excerpt'> {
    const lineStart = this.lines.start(position.textLine);
    const lineEnd = this.lines.end(position.textLine);
    const from = Math.max(lineStart, position.offset - EXCERPT_REACH);
    const to = Math.min(lineEnd, position.offset + length + EXCERPT_REACH);
    if (this.work) this.work.checkChars += to - from;
    const lineText = this.unit.text.slice(from, to);
    if (from === lineStart && to === lineEnd) return { lineText };
    return { lineText, excerpt: { start: from - lineStart, lineLength: lineEnd - lineStart } };
  }

  /** An allow comment on the line, or an allow-next-line comment on the line before (in the file, when we have it). */
  allowedAt(position: Position): boolean {
    if (this.lines.hasSameLineAllow(position.textLine)) return true;
    const context = this.context();
    if (context) return context.hasNextLineAllow(position.fileLine - 1 - this.unit.context!.firstLine);
    return this.lines.hasNextLineAllow(position.textLine - 1);
  }

  /** One of `words` within NAMING_REACH characters of the secret, on its line. */
  namedNearby(position: Position, length: number, words: readonly string[]): boolean {
    const from = Math.max(this.lines.start(position.textLine), position.offset - NAMING_REACH);
    const to = Math.min(this.lines.end(position.textLine), position.offset + length + NAMING_REACH);
    if (this.work) this.work.checkChars += to - from;
    const around = this.unit.text.slice(from, to).toLowerCase();
    return words.some((word) => around.includes(word));
  }

  /**
   * One of `words` (lowercase) in the CREDENTIAL_REACH characters before the secret on its line, or at the end of
   * the line before (a value on the line after its name, a constructor's second argument).
   */
  namedBefore(position: Position, words: readonly string[]): boolean {
    const lineStart = this.lines.start(position.textLine);
    const from = Math.max(lineStart, position.offset - CREDENTIAL_REACH);
    let before = this.unit.text.slice(from, position.offset);
    if (position.textLine > 0) {
      const previousEnd = lineStart - 1;
      const previousStart = Math.max(this.lines.start(position.textLine - 1), previousEnd - CREDENTIAL_REACH);
      before = `${this.unit.text.slice(previousStart, previousEnd)}\n${before}`;
    }
    if (this.work) this.work.checkChars += before.length;
    const lower = before.toLowerCase();
    return words.some((word) => lower.includes(word));
  }

  /**
   * A near word within `near.lines` lines, in the context when we have it (the added lines may not hold the word),
   * and never across a YAML document separator.
   */
  hasNearbyWord(position: Position, near: NonNullable<CompiledRule['near']>): boolean {
    if (this.hasInFileWord(near)) return true;
    const context = this.context();
    if (context) {
      const line = position.fileLine - this.unit.context!.firstLine;
      const inContext = () =>
        (this.nearWordsFound ??=
          this.inContext ?? this.catalog.nearPrefilter.match(context.text, this.catalog.searchBudget));
      return (
        context.hasWordAround(line, near.lines, near, inContext) ||
        context.hasWordInParents(line, near, inContext, this.parentReach())
      );
    }
    const inText = () =>
      (this.nearWordsFound ??= this.catalog.nearPrefilter.match(this.unit.text, this.catalog.searchBudget));
    return (
      this.lines.hasWordAround(position.textLine, near.lines, near, inText) ||
      this.lines.hasWordInParents(position.textLine, near, inText, this.parentReach())
    );
  }

  /** How far up enclosing keys are looked for: as far as the context of an added-lines scan reaches. */
  private parentReach(): number {
    return Math.min(PARENT_REACH, this.catalog.contextLines);
  }

  /** One of the rule's file-wide near words (`inFile`: an SDK's import) in the text or its context. */
  private hasInFileWord(near: NonNullable<CompiledRule['near']>): boolean {
    let answer = this.inFileAnswers.get(near);
    if (answer === undefined) {
      answer = false;
      for (let i = 0; i < near.words.length && !answer; i++) {
        if (!near.words[i]!.inFile) continue;
        const inText =
          near.keywordIndexes.length > 0
            ? this.inText.found.has(near.keywordIndexes[i]!)
            : this.nearInText().found.has(near.nearIndexes[i]!);
        answer = inText || (this.inContext?.found.has(near.nearIndexes[i]!) ?? false);
      }
      // Added lines: the import may stand anywhere in the new file, beyond their context.
      if (!answer && this.unit.source) answer = hasInFileWordIn(this.unit.source.text, near);
      this.inFileAnswers.set(near, answer);
    }
    return answer;
  }

  /** The catalog's near words in the scanned text itself (not its context). */
  private nearInText(): PrefilterMatch {
    return (this.nearWordsInText ??= this.catalog.nearPrefilter.match(this.unit.text, this.catalog.searchBudget));
  }

  private context(): TextLines | null {
    if (this.contextLines === undefined) {
      this.contextLines = this.unit.context ? new TextLines(this.unit.context.text, this.work) : null;
    }
    return this.contextLines;
  }
}
