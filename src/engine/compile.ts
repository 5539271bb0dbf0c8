// Turns rule data into what the scanner runs: one RegExp per rule and one keyword prefilter for the catalog.
import type { DetectionRule } from '../../rules/schema.js';
import { isLineLocal } from './line-local.js';
import { buildPrefilter, prefilterData, prefilterFromData, type Prefilter, type PrefilterData } from './prefilter.js';

/** A catalog's automata computed ahead of time (the build does it for the built-in rules). */
export interface CatalogData {
  prefilter: PrefilterData;
  nearPrefilter: PrefilterData;
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
}

// How far around a change unchanged lines are searched for context words. Rules may look farther (a Kubernetes
// Secret's `kind:` line) within a new file or a whole-file scan, where every line is scanned anyway.
export const MAX_CONTEXT_LINES = 12;

// Short context words such as `cio` must stand alone, or "precious" would count as Customer.io context.
const WHOLE_WORD_MAX_LENGTH = 3;

export function compileRule(rule: DetectionRule): CompiledRule {
  if (!rule.pattern.includes('(?<secret>')) throw new Error(`rule ${rule.id}: pattern has no (?<secret>…) group`);
  const extraFlags = rule.flags ?? '';
  if (/[^im]/.test(extraFlags)) throw new Error(`rule ${rule.id}: only the i and m flags are allowed`);
  let regex: RegExp | undefined;
  let lineLocal: boolean | undefined;
  const compiled: CompiledRule = {
    rule,
    // Built on first use: most rules never become a candidate in a given commit, and constructing ~200 patterns
    // on every run would cost the hook milliseconds for nothing.
    get regex() {
      return (regex ??= new RegExp(rule.pattern, `gd${extraFlags}`));
    },
    get lineLocal() {
      return (lineLocal ??= rule.keywords.length > 0 && isLineLocal(rule.pattern));
    },
    generic: rule.generic === true,
    contextOnly: rule.keywords.length === 0,
    keywordIndexes: [],
  };
  if (rule.notOnLineWith) compiled.notOnLineWith = rule.notOnLineWith.map((w) => w.toLowerCase());
  if (rule.near) {
    compiled.near = {
      lines: rule.near.lines,
      keywordIndexes: [],
      sourceIndexes: [],
      words: rule.near.words.map((word) => ({ word, whole: word.length <= WHOLE_WORD_MAX_LENGTH })),
    };
  }
  return compiled;
}

/**
 * `precomputed` is used when it was made for exactly these rules' keywords (same lists, same order); otherwise the
 * automata are built here, as they must be for custom or disabled rules.
 */
export function compileCatalog(rules: readonly DetectionRule[], precomputed?: CatalogData | null): CompiledCatalog {
  const compiled = rules.map(compileRule);
  const keywordIndex = new Map<string, number>();
  const rulesByKeyword: number[][] = [];
  const nearWordIndex = new Map<string, number>();
  const nearRulesByWord: number[][] = [];
  const nearOnlyRules: number[] = [];

  const addTo = (index: Map<string, number>, lists: number[][], word: string, ruleIndex: number): number => {
    let at = index.get(word);
    if (at === undefined) {
      at = lists.length;
      index.set(word, at);
      lists.push([]);
    }
    if (!lists[at]!.includes(ruleIndex)) lists[at]!.push(ruleIndex);
    return at;
  };

  compiled.forEach(({ rule, near, keywordIndexes }, ruleIndex) => {
    for (const keyword of rule.keywords) {
      keywordIndexes.push(addTo(keywordIndex, rulesByKeyword, keyword.toLowerCase(), ruleIndex));
    }
    if (rule.near && near) {
      for (const word of rule.near.words) {
        near.sourceIndexes.push(addTo(nearWordIndex, nearRulesByWord, word.toLowerCase(), ruleIndex));
      }
      if (rule.keywords.length === 0) {
        nearOnlyRules.push(ruleIndex);
        for (const word of rule.near.words) {
          near.keywordIndexes.push(addTo(keywordIndex, rulesByKeyword, word.toLowerCase(), ruleIndex));
        }
      }
    } else if (rule.keywords.length === 0) {
      throw new Error(`rule ${rule.id}: needs keywords or near words, or it would run on every text`);
    }
  });

  const keywords = [...keywordIndex.keys()];
  const nearWords = [...nearWordIndex.keys()];
  const fits = (data: PrefilterData | undefined, words: string[]) =>
    data !== undefined && data.keywords.length === words.length && data.keywords.every((k, i) => k === words[i]);
  return {
    rules: compiled,
    prefilter: fits(precomputed?.prefilter, keywords)
      ? prefilterFromData(precomputed!.prefilter)
      : buildPrefilter(keywords),
    rulesByKeyword,
    nearOnlyRules,
    nearPrefilter: fits(precomputed?.nearPrefilter, nearWords)
      ? prefilterFromData(precomputed!.nearPrefilter)
      : buildPrefilter(nearWords),
    nearRulesByWord,
    // At least one line (an allow-next-line comment sits on the line before), at most MAX_CONTEXT_LINES: the
    // context is searched around every change of every commit in a history scan.
    contextLines: Math.min(MAX_CONTEXT_LINES, Math.max(1, ...rules.map((r) => r.near?.lines ?? 0))),
  };
}

/** The automata of a catalog as data, for the build to precompute (see CatalogData). */
export function catalogData(rules: readonly DetectionRule[]): CatalogData {
  const keywordIndex = new Map<string, number>();
  const nearWordIndex = new Map<string, number>();
  const index = (map: Map<string, number>, word: string) => {
    if (!map.has(word)) map.set(word, map.size);
    return map.get(word)!;
  };
  // The same order as compileCatalog: a rule's keywords, then its near words (also as keywords when it has none).
  for (const rule of rules) {
    for (const keyword of rule.keywords) index(keywordIndex, keyword.toLowerCase());
    if (rule.near) {
      for (const word of rule.near.words) index(nearWordIndex, word.toLowerCase());
      if (rule.keywords.length === 0) for (const word of rule.near.words) index(keywordIndex, word.toLowerCase());
    }
  }
  return {
    prefilter: prefilterData([...keywordIndex.keys()]),
    nearPrefilter: prefilterData([...nearWordIndex.keys()]),
  };
}
