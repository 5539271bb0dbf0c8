// Turns rule data into what the scanner runs: one RegExp per rule and one keyword prefilter for the catalog.
import type { DetectionRule } from '../../rules/schema.js';
import { isLineLocal } from './line-local.js';
import { secretShapeOf } from './secret-shape.js';
import { maxMatchLength } from './linear-time.js';
import {
  buildPrefilter,
  prefilterData,
  prefilterFromData,
  type Prefilter,
  type PrefilterData,
  type SearchBudget,
} from './prefilter.js';

/**
 * Which keyword leads to which rule, and the automata: computed ahead of time by the build for the built-in rules
 * (scripts/build.mjs), so that a commit only reads them; a catalog with custom or disabled rules computes its own.
 */
export interface CatalogData extends CatalogIndexes {
  /** The rules it was made for, in order: it fits only exactly these. */
  ruleIds: string[];
  prefilter: PrefilterData;
  nearPrefilter: PrefilterData;
  contextLines: number;
  spanningRules: number[];
  /**
   * Each spanning rule's reach (`maxMatchLength`, in the order of spanningRules; -1 for unbounded): worked out by
   * the build, since parsing a pattern costs about 0.7 ms a rule in a process that runs once.
   */
  spanningReach: number[];
}

interface CatalogIndexes {
  keywords: string[];
  nearWords: string[];
  /** For each keyword, the rules it makes candidates. */
  rulesByKeyword: number[][];
  nearRulesByWord: number[][];
  prefixlessRules: number[];
  /**
   * Per rule: its keywords' indexes; for a prefix-less rule, its near words' indexes in the keyword automaton; for
   * rules with `near`, its near words' indexes in the near-word automaton.
   */
  keywordIndexes: number[][];
  nearKeywordIndexes: number[][];
  nearWordIndexes: number[][];
  /** Rules that run only on some files (`files`): checked against the path; those without keywords run there always. */
  scopedRules: number[];
  /** Rules that know a credential by its place (`byPlace`), and rules whose value a structure names (`structure`). */
  byPlaceRules: number[];
  structureRules: number[];
}

export interface CompiledRule {
  rule: DetectionRule;
  readonly regex: RegExp;
  /**
   * The secret group alone (`(?<secret>…)`'s body), when it stands on its own: a match of the rule holds a match of
   * it, so text without one cannot hold the rule's match. A cheap test before an expensive one (secret-shape.ts).
   */
  readonly secretShape: RegExp | null;
  /** A generic rule (`password = …`): quiet on every kind of generated file. */
  generic: boolean;
  /** The rule runs only on the files `rule.files` names (credential files). */
  fileScoped: boolean;
  /**
   * A rule without a prefix of its own (no keywords): found only through its near words, which make it a
   * candidate and gate each match. Also quiet on lockfiles.
   */
  prefixless: boolean;
  /** Indexes of its keywords in the catalog's prefilter. */
  keywordIndexes: number[];
  /**
   * No match of its pattern can read across a line break (line-local.ts): the rule runs only on the lines that
   * hold its keywords. Worked out on first use, as the regex is.
   */
  readonly lineLocal: boolean;
  /** The most characters one match can span (linear-time.ts `maxMatchLength`); Infinity when unbounded. */
  readonly reach: number;
  notOnLineWith?: string[];
  notUnderKeyWith?: string[];
  /** Lowercased near words, each with whether it must stand as a whole word and whether it counts file-wide. */
  near?: {
    words: { word: string; whole: boolean; inFile: boolean }[];
    lines: number;
    /**
     * Indexes of the words in the catalog's keyword prefilter (prefix-less rules only) and in its near-word
     * prefilter (run over the context).
     */
    keywordIndexes: number[];
    nearIndexes: number[];
  };
}

export interface CompiledCatalog {
  rules: CompiledRule[];
  /** Keyword prefilter over all rules' keywords and prefix-less rules' near words. */
  prefilter: Prefilter;
  /** For each prefilter keyword index, the rules it makes candidates. */
  rulesByKeyword: number[][];
  /** Prefix-less rules: gated only by their near words (no keywords of their own). */
  prefixlessRules: number[];
  /** Prefilter over near words alone, to look in the context when the added lines lack them. */
  nearPrefilter: Prefilter;
  nearRulesByWord: number[][];
  /** Rules with `files`: the only ones whose candidacy depends on the path. */
  scopedRules: readonly number[];
  /**
   * Rules with `byPlace` (deduplicate.ts) and with `structure` (spanning.ts): listed here so that a commit does not
   * read every rule's fields to find them.
   */
  byPlaceRules: readonly number[];
  structureRules: readonly number[];
  /**
   * How many lines of context (ScanUnit.context) around a change the rules need: the farthest any rule looks for
   * its near words, at least one line (for allow-next-line comments).
   */
  contextLines: number;
  /**
   * The process's allowance for searching keyword by keyword before the prefilters' automata take over
   * (prefilter.ts `SearchBudget`): given by whoever knows how long the process lives, shared by both prefilters.
   * None: the automata always run.
   */
  readonly searchBudget?: SearchBudget;
  /**
   * Keyword rules whose matches can span lines (not line-local): a private key's armour and body, a value on the
   * line after its name. They also run on the new file's text around added lines (spanning.ts). Worked out on
   * first use for catalogs the build did not precompute.
   */
  readonly spanningRules: readonly number[];
}

// How many lines of context around a change are searched for near words. Rules may look farther (a Kubernetes
// Secret's `kind:` line) within a new file or a whole-file scan, where every line is scanned anyway.
export const MAX_CONTEXT_LINES = 12;

// Short near words such as `cio` must stand alone, or "precious" would count as naming Customer.io.
const WHOLE_WORD_MAX_LENGTH = 3;

export function compileRule(rule: DetectionRule): CompiledRule {
  checkRule(rule);
  return new LazyRule(rule, [], [], []);
}

function checkRule(rule: DetectionRule): void {
  if (!rule.pattern.includes('(?<secret>')) throw new Error(`rule ${rule.id}: pattern has no (?<secret>…) group`);
  if (/[^im]/.test(rule.flags ?? '')) throw new Error(`rule ${rule.id}: only the i and m flags are allowed`);
}

/**
 * A class, not an object literal with getters: ~200 of them are made on every commit. Everything is worked out on
 * first use, so a rule that is never a candidate costs next to nothing (the built-in rules' fields are not even
 * parsed until then: see scripts/build.mjs).
 */
class LazyRule implements CompiledRule {
  private builtRegex?: RegExp;
  private shape?: RegExp | null;
  private lineLocalAnswer?: boolean;
  private reachAnswer?: number;
  private nearData?: CompiledRule['near'] | null;
  private notOnLine?: string[] | null;
  private notUnderKey?: string[] | null;

  constructor(
    readonly rule: DetectionRule,
    public keywordIndexes: number[],
    private readonly nearKeywordIndexes: number[],
    private readonly nearWordIndexes: number[],
    /** Known from the build's data (a keyword rule is line-local unless it spans lines): no parse at run time. */
    lineLocal?: boolean,
    /** Known from the build's data for the rules that span lines (the only ones asked on a commit). */
    reach?: number,
  ) {
    if (lineLocal !== undefined) this.lineLocalAnswer = lineLocal;
    if (reach !== undefined) this.reachAnswer = reach;
  }

  get generic(): boolean {
    return this.rule.generic === true;
  }

  get prefixless(): boolean {
    return this.rule.keywords.length === 0 && this.rule.files === undefined;
  }

  get fileScoped(): boolean {
    return this.rule.files !== undefined;
  }

  get notOnLineWith(): string[] | undefined {
    if (this.notOnLine === undefined) this.notOnLine = this.rule.notOnLineWith?.map((w) => w.toLowerCase()) ?? null;
    return this.notOnLine ?? undefined;
  }

  get notUnderKeyWith(): string[] | undefined {
    if (this.notUnderKey === undefined) {
      this.notUnderKey = this.rule.notUnderKeyWith?.map((w) => w.toLowerCase()) ?? null;
    }
    return this.notUnderKey ?? undefined;
  }

  get near(): CompiledRule['near'] {
    if (this.nearData === undefined) {
      const near = this.rule.near;
      this.nearData = near
        ? {
            lines: near.lines,
            keywordIndexes: this.nearKeywordIndexes,
            nearIndexes: this.nearWordIndexes,
            words: nearWordsOf(near).map((word, i) => ({
              word,
              whole: word.length <= WHOLE_WORD_MAX_LENGTH,
              inFile: i >= near.words.length,
            })),
          }
        : null;
    }
    return this.nearData ?? undefined;
  }

  // Built on first use: most rules never become a candidate in a given commit, and constructing ~200 patterns on
  // every run would cost the hook milliseconds for nothing.
  get regex(): RegExp {
    return (this.builtRegex ??= new RegExp(this.rule.pattern, `gd${this.rule.flags ?? ''}`));
  }

  get secretShape(): RegExp | null {
    if (this.shape === undefined) this.shape = secretShapeOf(this.rule.pattern, this.rule.flags ?? '');
    return this.shape;
  }

  get lineLocal(): boolean {
    return (this.lineLocalAnswer ??= this.rule.keywords.length > 0 && isLineLocal(this.rule.pattern, this.rule.flags));
  }

  get reach(): number {
    return (this.reachAnswer ??= maxMatchLength(this.rule.pattern, this.rule.flags ?? ''));
  }
}

export interface CompileOptions {
  /**
   * The automata precomputed by the build: used when made for exactly these rules (same ids, same order);
   * otherwise they are built here, as they must be for custom or disabled rules.
   */
  precomputed?: CatalogData | null;
  /** See CompiledCatalog.searchBudget. */
  searchBudget?: SearchBudget;
}

export function compileCatalog(rules: readonly DetectionRule[], options: CompileOptions = {}): CompiledCatalog {
  const { precomputed } = options;
  const fits =
    precomputed != null &&
    precomputed.ruleIds.length === rules.length &&
    precomputed.ruleIds.every((id, i) => id === rules[i]!.id);
  // The build checked its own rules (catalogData); others are checked here.
  if (!fits) rules.forEach(checkRule);
  const indexes = fits ? precomputed : catalogIndexes(rules);
  let spanning: readonly number[] | undefined = fits ? precomputed.spanningRules : undefined;
  const reachOf = new Map<number, number>();
  if (fits) precomputed.spanningRules.forEach((rule, i) => reachOf.set(rule, fromData(precomputed.spanningReach[i]!)));
  const compiled = rules.map(
    (rule, i) =>
      new LazyRule(
        rule,
        indexes.keywordIndexes[i]!,
        indexes.nearKeywordIndexes[i]!,
        indexes.nearWordIndexes[i]!,
        // The keyword indexes are the keywords' own (one each): asking the rule would parse its fields.
        fits ? indexes.keywordIndexes[i]!.length > 0 && !reachOf.has(i) : undefined,
        reachOf.get(i),
      ),
  );
  return {
    rules: compiled,
    prefilter: fits ? prefilterFromData(precomputed.prefilter) : buildPrefilter(indexes.keywords),
    rulesByKeyword: indexes.rulesByKeyword,
    prefixlessRules: indexes.prefixlessRules,
    nearPrefilter: fits ? prefilterFromData(precomputed.nearPrefilter) : buildPrefilter(indexes.nearWords),
    nearRulesByWord: indexes.nearRulesByWord,
    scopedRules: indexes.scopedRules,
    byPlaceRules: indexes.byPlaceRules,
    structureRules: indexes.structureRules,
    contextLines: fits ? precomputed.contextLines : contextLinesOf(rules),
    ...(options.searchBudget ? { searchBudget: options.searchBudget } : {}),
    get spanningRules() {
      return (spanning ??= spanningRulesOf(rules));
    },
  };
}

/** A reach as the build's data holds it: -1 for unbounded (JSON has no Infinity). */
function fromData(reach: number): number {
  return reach < 0 ? Infinity : reach;
}

/** A rule's near words, then those that count file-wide. */
function nearWordsOf(near: NonNullable<DetectionRule['near']>): readonly string[] {
  return near.inFile ? [...near.words, ...near.inFile] : near.words;
}

function spanningRulesOf(rules: readonly DetectionRule[]): number[] {
  return rules.flatMap((rule, i) => (rule.keywords.length > 0 && !isLineLocal(rule.pattern, rule.flags) ? [i] : []));
}

/**
 * How many lines of context the rules need: at least one (an allow-next-line comment sits on the line before), at
 * most MAX_CONTEXT_LINES, since the context is searched around every change of every commit in a history scan.
 */
function contextLinesOf(rules: readonly DetectionRule[]): number {
  return Math.min(MAX_CONTEXT_LINES, Math.max(1, ...rules.map((r) => r.near?.lines ?? 0)));
}

/** Numbers every keyword and near word, and maps each to its rules and each rule to its words. */
function catalogIndexes(rules: readonly DetectionRule[]): CatalogIndexes {
  const keywordIndex = new Map<string, number>();
  const nearWordIndex = new Map<string, number>();
  const indexes: CatalogIndexes = {
    keywords: [],
    nearWords: [],
    rulesByKeyword: [],
    nearRulesByWord: [],
    prefixlessRules: [],
    keywordIndexes: [],
    nearKeywordIndexes: [],
    nearWordIndexes: [],
    scopedRules: [],
    byPlaceRules: [],
    structureRules: [],
  };
  const addTo = (index: Map<string, number>, words: string[], lists: number[][], word: string, rule: number) => {
    let at = index.get(word);
    if (at === undefined) {
      at = lists.length;
      index.set(word, at);
      words.push(word);
      lists.push([]);
    }
    if (!lists[at]!.includes(rule)) lists[at]!.push(rule);
    return at;
  };
  rules.forEach((rule, i) => {
    const keyword = (word: string) =>
      addTo(keywordIndex, indexes.keywords, indexes.rulesByKeyword, word.toLowerCase(), i);
    const nearWord = (word: string) =>
      addTo(nearWordIndex, indexes.nearWords, indexes.nearRulesByWord, word.toLowerCase(), i);
    indexes.keywordIndexes.push(rule.keywords.map(keyword));
    indexes.nearWordIndexes.push(rule.near ? nearWordsOf(rule.near).map(nearWord) : []);
    if (rule.keywords.length === 0 && !rule.near && !rule.files) {
      throw new Error(`rule ${rule.id}: needs keywords, near words or files, or it would run on every text`);
    }
    if (rule.files) indexes.scopedRules.push(i);
    if (rule.byPlace) indexes.byPlaceRules.push(i);
    if (rule.structure) indexes.structureRules.push(i);
    // A prefix-less rule (no keywords) is a candidate wherever its near words are.
    const prefixless = rule.keywords.length === 0 && !rule.files;
    if (prefixless) indexes.prefixlessRules.push(i);
    indexes.nearKeywordIndexes.push(prefixless ? nearWordsOf(rule.near!).map(keyword) : []);
  });
  return indexes;
}

/** A catalog's indexes and automata as data, for the build to precompute (see CatalogData). */
export function catalogData(rules: readonly DetectionRule[]): CatalogData {
  rules.forEach(checkRule);
  const indexes = catalogIndexes(rules);
  const spanningRules = spanningRulesOf(rules);
  return {
    ruleIds: rules.map((r) => r.id),
    contextLines: contextLinesOf(rules),
    spanningRules,
    spanningReach: spanningRules.map((i) => {
      const reach = maxMatchLength(rules[i]!.pattern, rules[i]!.flags ?? '');
      return Number.isFinite(reach) ? reach : -1;
    }),
    ...indexes,
    prefilter: prefilterData(indexes.keywords),
    nearPrefilter: prefilterData(indexes.nearWords),
  };
}
