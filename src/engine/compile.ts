// Turns rule data into what the scanner runs: one RegExp per rule and one keyword prefilter for the catalog.
import type { DetectionRule } from '../../rules/schema.js';
import { isLineLocal } from './line-local.js';
import { maxMatchLength } from './linear-time.js';
import { buildPrefilter, prefilterData, prefilterFromData, type Prefilter, type PrefilterData } from './prefilter.js';

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
}

interface CatalogIndexes {
  keywords: string[];
  nearWords: string[];
  /** For each keyword, the rules it makes candidates. */
  rulesByKeyword: number[][];
  nearRulesByWord: number[][];
  nearOnlyRules: number[];
  /** Per rule: its keywords' indexes, and for rules with `near`, its words' indexes in both automata. */
  keywordIndexes: number[][];
  nearKeywordIndexes: number[][];
  nearSourceIndexes: number[][];
}

export interface CompiledRule {
  rule: DetectionRule;
  readonly regex: RegExp;
  /** A generic rule (`password = …`): quiet on every kind of generated file. */
  generic: boolean;
  /** Found only through context words (no prefix of its own): also quiet on lockfiles. */
  contextOnly: boolean;
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
  /** Lowercased words for the `near` check, each with whether it must stand as a whole word. */
  near?: {
    words: { word: string; whole: boolean }[];
    lines: number;
    /** Indexes of the words in the catalog's keyword prefilter and in its `near` prefilter (for whole files). */
    keywordIndexes: number[];
    sourceIndexes: number[];
  };
}

export interface CompiledCatalog {
  rules: CompiledRule[];
  /** Keyword prefilter over all rules' keywords and `near` words. */
  prefilter: Prefilter;
  /** For each prefilter keyword index, the rules it makes candidates. */
  rulesByKeyword: number[][];
  /** Rules gated only by their `near` words (no keywords of their own). */
  nearOnlyRules: number[];
  /** Prefilter over `near` words alone, to look in the whole file when the added lines lack the context. */
  nearPrefilter: Prefilter;
  nearRulesByWord: number[][];
  /** The farthest any rule looks for context, in lines: how much unchanged text around a change matters. */
  contextLines: number;
  /**
   * Keyword rules whose matches can span lines (not line-local): a private key's armour and body, a value on the
   * line after its name. They also run on the new file's text around added lines (spanning.ts). Worked out on
   * first use for catalogs the build did not precompute.
   */
  readonly spanningRules: readonly number[];
}

// How far around a change unchanged lines are searched for context words. Rules may look farther (a Kubernetes
// Secret's `kind:` line) within a new file or a whole-file scan, where every line is scanned anyway.
export const MAX_CONTEXT_LINES = 12;

// Short context words such as `cio` must stand alone, or "precious" would count as Customer.io context.
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
  private lineLocalAnswer?: boolean;
  private reachAnswer?: number;
  private nearData?: CompiledRule['near'] | null;
  private notOnLine?: string[] | null;

  constructor(
    readonly rule: DetectionRule,
    public keywordIndexes: number[],
    private readonly nearKeywordIndexes: number[],
    private readonly nearSourceIndexes: number[],
  ) {}

  get generic(): boolean {
    return this.rule.generic === true;
  }

  get contextOnly(): boolean {
    return this.rule.keywords.length === 0;
  }

  get notOnLineWith(): string[] | undefined {
    if (this.notOnLine === undefined) this.notOnLine = this.rule.notOnLineWith?.map((w) => w.toLowerCase()) ?? null;
    return this.notOnLine ?? undefined;
  }

  get near(): CompiledRule['near'] {
    if (this.nearData === undefined) {
      const near = this.rule.near;
      this.nearData = near
        ? {
            lines: near.lines,
            keywordIndexes: this.nearKeywordIndexes,
            sourceIndexes: this.nearSourceIndexes,
            words: near.words.map((word) => ({ word, whole: word.length <= WHOLE_WORD_MAX_LENGTH })),
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

  get lineLocal(): boolean {
    return (this.lineLocalAnswer ??= this.rule.keywords.length > 0 && isLineLocal(this.rule.pattern));
  }

  get reach(): number {
    return (this.reachAnswer ??= maxMatchLength(this.rule.pattern, this.rule.flags ?? ''));
  }
}

/**
 * `precomputed` is used when it was made for exactly these rules' keywords (same lists, same order); otherwise the
 * automata are built here, as they must be for custom or disabled rules.
 */
export function compileCatalog(rules: readonly DetectionRule[], precomputed?: CatalogData | null): CompiledCatalog {
  const fits =
    precomputed != null &&
    precomputed.ruleIds.length === rules.length &&
    precomputed.ruleIds.every((id, i) => id === rules[i]!.id);
  // The build checked its own rules (catalogData); others are checked here.
  if (!fits) rules.forEach(checkRule);
  const indexes = fits ? precomputed : catalogIndexes(rules);
  const compiled = rules.map(
    (rule, i) =>
      new LazyRule(rule, indexes.keywordIndexes[i]!, indexes.nearKeywordIndexes[i]!, indexes.nearSourceIndexes[i]!),
  );
  let spanning: readonly number[] | undefined = fits ? precomputed.spanningRules : undefined;
  return {
    rules: compiled,
    prefilter: fits ? prefilterFromData(precomputed.prefilter) : buildPrefilter(indexes.keywords),
    rulesByKeyword: indexes.rulesByKeyword,
    nearOnlyRules: indexes.nearOnlyRules,
    nearPrefilter: fits ? prefilterFromData(precomputed.nearPrefilter) : buildPrefilter(indexes.nearWords),
    nearRulesByWord: indexes.nearRulesByWord,
    contextLines: fits ? precomputed.contextLines : contextLinesOf(rules),
    get spanningRules() {
      return (spanning ??= spanningRulesOf(rules));
    },
  };
}

function spanningRulesOf(rules: readonly DetectionRule[]): number[] {
  return rules.flatMap((rule, i) => (rule.keywords.length > 0 && !isLineLocal(rule.pattern) ? [i] : []));
}

/**
 * At least one line (an allow-next-line comment sits on the line before), at most MAX_CONTEXT_LINES: the context
 * is searched around every change of every commit in a history scan.
 */
function contextLinesOf(rules: readonly DetectionRule[]): number {
  return Math.min(MAX_CONTEXT_LINES, Math.max(1, ...rules.map((r) => r.near?.lines ?? 0)));
}

/** Numbers every keyword and `near` word, and maps each to its rules and each rule to its words. */
function catalogIndexes(rules: readonly DetectionRule[]): CatalogIndexes {
  const keywordIndex = new Map<string, number>();
  const nearWordIndex = new Map<string, number>();
  const indexes: CatalogIndexes = {
    keywords: [],
    nearWords: [],
    rulesByKeyword: [],
    nearRulesByWord: [],
    nearOnlyRules: [],
    keywordIndexes: [],
    nearKeywordIndexes: [],
    nearSourceIndexes: [],
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
    indexes.nearSourceIndexes.push(rule.near ? rule.near.words.map(nearWord) : []);
    if (rule.keywords.length === 0 && !rule.near) {
      throw new Error(`rule ${rule.id}: needs keywords or near words, or it would run on every text`);
    }
    // A rule without keywords is a candidate wherever its context words are.
    const nearOnly = rule.keywords.length === 0;
    if (nearOnly) indexes.nearOnlyRules.push(i);
    indexes.nearKeywordIndexes.push(nearOnly ? rule.near!.words.map(keyword) : []);
  });
  return indexes;
}

/** A catalog's indexes and automata as data, for the build to precompute (see CatalogData). */
export function catalogData(rules: readonly DetectionRule[]): CatalogData {
  rules.forEach(checkRule);
  const indexes = catalogIndexes(rules);
  return {
    ruleIds: rules.map((r) => r.id),
    contextLines: contextLinesOf(rules),
    spanningRules: spanningRulesOf(rules),
    ...indexes,
    prefilter: prefilterData(indexes.keywords),
    nearPrefilter: prefilterData(indexes.nearWords),
  };
}
