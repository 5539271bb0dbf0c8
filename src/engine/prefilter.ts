// Keyword prefilter: one pass over the text decides which rules' regexes run at all.
// An Aho-Corasick automaton over ASCII, case-folded on the fly. The hook runs on every commit, so building it
// must cost almost nothing: only the trie and its failure links are built up front (linear in the keywords'
// length); DFA transitions are computed on first use and cached, over a compact alphabet of the characters that
// occur in keywords (every other character leads back to the root).

export interface PrefilterMatch {
  /** Indexes (into the keyword list given at build time) of the keywords that occur in the text. */
  readonly found: ReadonlySet<number>;
  /** The offsets where occurrences of any of these keywords end, in ascending order. */
  endsOf(keywords: readonly number[]): number[];
}

export interface Prefilter {
  /**
   * Where the keywords occur in `text`. With a budget that still holds the text's length, the text is searched
   * keyword by keyword and the budget spent; otherwise the automaton runs. Both give the same answer.
   */
  match(text: string, budget?: SearchBudget): PrefilterMatch;
  /**
   * Where only the keywords at `indexes` occur in `text`, one native search each: for a window that a few known
   * rules read (spanning.ts). Other keywords are reported absent.
   */
  matchOnly(text: string, indexes: readonly number[]): PrefilterMatch;
}

const ASCII = 128;
const UNKNOWN = 0;
const NO_OUTPUTS: number[] = [];

/**
 * The automaton as plain data: the build computes it once for the built-in catalog (scripts/build.mjs), so the
 * hook does not redo the trie and its failure links on every commit.
 */
export interface PrefilterData {
  keywords: string[];
  /** Character code and class, in pairs, for every ASCII character in a keyword (upper case maps like lower). */
  classMap: number[];
  classes: number;
  states: number;
  /** Trie edges as (parent state, class, child state) triples of 32-bit little-endian integers, in base64. */
  edges: string;
  /** Each state's failure link, 32-bit little-endian integers, in base64. */
  fail: string;
  /** The states that end keywords, each as [state, …the keywords it ends]. */
  outputs: number[][];
}

export function buildPrefilter(keywords: readonly string[]): Prefilter {
  return prefilterFromData(prefilterData(keywords));
}

export function prefilterData(keywords: readonly string[]): PrefilterData {
  // Character classes: 0 for "not in any keyword", then one per distinct (lowercased) keyword character. The
  // table covers every UTF-16 code unit, so the hot loop needs no range check.
  const classOf = new Uint8Array(65536);
  let classes = 1;
  for (const keyword of keywords) {
    // An empty keyword would match everywhere and never advance: callers that take rules from elsewhere (the API)
    // get an error, not a hang. The configuration refuses it earlier, with the key path.
    if (keyword.length === 0) throw new Error('a prefilter keyword is empty');
    for (let i = 0; i < keyword.length; i++) {
      const code = lowerAscii(keyword.charCodeAt(i));
      if (code >= ASCII) throw new Error(`prefilter keyword "${keyword}" is not ASCII`);
      if (classOf[code] === 0) classOf[code] = classes++;
    }
  }
  for (let upper = 65; upper <= 90; upper++) classOf[upper] = classOf[upper | 0x20]!;

  // The trie, as a flat table of edges (state × classes → child, -1 for none): no per-state objects to allocate,
  // which matters because the hook builds this on every commit.
  const maxStates = keywords.reduce((sum, k) => sum + k.length, 1);
  const edges = new Int32Array(maxStates * classes).fill(-1);
  const outputs: number[][] = [[]];
  let states = 1;
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const at = state * classes + classOf[lowerAscii(keyword.charCodeAt(i))]!;
      if (edges[at] === -1) {
        edges[at] = states++;
        outputs.push([]);
      }
      state = edges[at]!;
    }
    outputs[state]!.push(index);
  });
  const child = (state: number, cls: number) => edges[state * classes + cls]!;

  // Failure links, breadth-first; a state's outputs include those of its failure state.
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let cls = 1; cls < classes; cls++) if (child(0, cls) !== -1) queue.push(child(0, cls));
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (let cls = 1; cls < classes; cls++) {
      const next = child(state, cls);
      if (next === -1) continue;
      let f = fail[state]!;
      while (f !== 0 && child(f, cls) === -1) f = fail[f]!;
      const target = child(f, cls);
      fail[next] = target !== -1 && target !== next ? target : 0;
      if (outputs[fail[next]!]!.length > 0) outputs[next]!.push(...outputs[fail[next]!]!);
      queue.push(next);
    }
  }

  const edgeList: number[] = [];
  for (let state = 0; state < states; state++) {
    for (let cls = 1; cls < classes; cls++) {
      const next = child(state, cls);
      if (next !== -1) edgeList.push(state, cls, next);
    }
  }
  const classMap: number[] = [];
  for (let code = 0; code < ASCII; code++) if (classOf[code] !== 0) classMap.push(code, classOf[code]!);
  return {
    keywords: [...keywords],
    classMap,
    classes,
    states,
    edges: int32ToBase64(Int32Array.from(edgeList)),
    fail: int32ToBase64(fail),
    outputs: outputs.flatMap((list, state) => (list.length > 0 ? [[state, ...list]] : [])),
  };
}

/**
 * How many more characters a process may search with one native `indexOf` per keyword before the automata take
 * over. Short-lived processes (a commit's hook) scan a few kilobytes. There, one `indexOf` pass per keyword costs
 * no more than the automaton does in V8's interpreter, and it spares the process the ~2 ms it otherwise waits at
 * exit for V8 to finish optimising the automaton's loop on a background thread, work it never uses (measured:
 * the typical commit 2.5 ms faster). Past the budget, the automaton's speed pays off on whole trees and
 * histories. Whoever knows how long the process lives owns one (the session: `SHORT_PROCESS_SEARCH`) and hands it
 * to the catalog; the engine keeps no such state of its own.
 */
export class SearchBudget {
  constructor(public remaining: number) {}
}

/** A commit hook's budget: the first 32 KB a process scans are searched keyword by keyword. */
export const SHORT_PROCESS_SEARCH = 32 * 1024;

export function prefilterFromData(data: PrefilterData): Prefilter {
  let lowerKeywords: string[] | undefined;
  // Built on the first text the automaton reads: a commit's few kilobytes are searched keyword by keyword
  // (SearchBudget), and building the tables costs about 1 ms.
  let automaton: Automaton | undefined;

  return {
    match(text: string, budget?: SearchBudget): PrefilterMatch {
      if (budget && text.length <= budget.remaining) {
        const lower = text.toLowerCase();
        if (foldsAsAscii(text, lower)) {
          budget.remaining -= text.length;
          return searchEach((lowerKeywords ??= data.keywords.map((k) => k.toLowerCase())), lower);
        }
      }
      return (automaton ??= automatonFromData(data))(text);
    },
    matchOnly(text: string, indexes: readonly number[]): PrefilterMatch {
      const lower = text.toLowerCase();
      // As in match; the automaton answers for all keywords.
      if (!foldsAsAscii(text, lower)) return (automaton ??= automatonFromData(data))(text);
      return searchEach((lowerKeywords ??= data.keywords.map((k) => k.toLowerCase())), lower, indexes);
    },
  };
}

type Automaton = (text: string) => PrefilterMatch;

function automatonFromData(data: PrefilterData): Automaton {
  const { classes, states } = data;
  // Every UTF-16 code unit has a class, so the hot loop needs no range check; non-keyword characters are class 0.
  const classOf = new Uint8Array(65536);
  for (let i = 0; i < data.classMap.length; i += 2) classOf[data.classMap[i]!] = data.classMap[i + 1]!;
  const fail = base64ToInt32(data.fail);

  // The DFA, filled in lazily. State s owns row (s + 1) × classes, and an entry holds the next state's row offset
  // (which saves a multiply per character); 0, the value of fresh memory, means "not computed yet", so the table
  // needs no initialising pass. The trie's own edges are there from the start; a missing one is the failure
  // state's transition, computed on first use (the root's is the root).
  const table = new Int32Array((states + 1) * classes);
  const edges = base64ToInt32(data.edges);
  for (let i = 0; i < edges.length; i += 3)
    table[(edges[i]! + 1) * classes + edges[i + 1]!] = (edges[i + 2]! + 1) * classes;
  // Per row: 1 if the state ends a keyword; `outputs` holds which (sparse: most states end none).
  const reports = new Uint8Array((states + 1) * classes);
  // Filled densely first: assigning a growing array at scattered indexes turns it into a slow dictionary (~1 ms
  // here), and a holey one slows every lookup.
  const outputs: number[][] = [];
  for (let state = 0; state < states; state++) outputs.push(NO_OUTPUTS);
  for (let i = 0; i < data.outputs.length; i++) {
    const entry = data.outputs[i]!;
    outputs[entry[0]!] = entry.slice(1);
    reports[(entry[0]! + 1) * classes] = 1;
  }
  const ROOT = classes;
  const transition = (row: number, cls: number): number => {
    if (row === ROOT) return ROOT;
    const failRow = (fail[row / classes - 1]! + 1) * classes;
    let next = table[failRow + cls]!;
    if (next === UNKNOWN) next = table[failRow + cls] = transition(failRow, cls);
    return next;
  };

  // Every occurrence is kept, as (end offset, state) pairs: keyword rules run only on the lines that hold their
  // keywords, so where they are matters as much as whether they are there.
  return (text) => {
    const hits: number[] = [];
    let row = ROOT;
    for (let i = 0; i < text.length; i++) {
      const cls = classOf[text.charCodeAt(i)]!;
      const at = row + cls;
      let next = table[at]!;
      if (next === UNKNOWN) next = table[at] = transition(row, cls);
      row = next;
      if (reports[row] === 1) hits.push(i + 1, row / classes - 1);
    }
    return new AutomatonHits(hits, outputs);
  };
}

/**
 * Whether the keyword-by-keyword search may read this text lower-cased: the automaton folds ASCII letters only, and
 * Unicode lower-casing can change a text's length (İ) or turn the Kelvin sign into "k"; such texts go to the
 * automaton.
 */
function foldsAsAscii(text: string, lower: string): boolean {
  return lower.length === text.length && !text.includes('\u212a');
}

/**
 * Every occurrence of every keyword (or of those at `only`) in an already lower-cased text, one native search per
 * keyword.
 */
function searchEach(keywords: readonly string[], lower: string, only?: readonly number[]): PrefilterMatch {
  const ends: number[][] = [];
  const count = only ? only.length : keywords.length;
  for (let i = 0; i < count; i++) {
    const k = only ? only[i]! : i;
    const keyword = keywords[k]!;
    let at = lower.indexOf(keyword);
    if (at === -1) continue;
    const list: number[] = [];
    // From the next character, not past the match: occurrences may overlap, as the automaton reports them.
    for (; at !== -1; at = lower.indexOf(keyword, at + 1)) list.push(at + keyword.length);
    ends[k] = list;
  }
  return new KeywordEnds(ends);
}

/** Where each keyword's occurrences end, in ascending order: both ways of searching answer through this. */
class KeywordEnds implements PrefilterMatch {
  readonly found: ReadonlySet<number>;

  constructor(private readonly ends: readonly (number[] | undefined)[]) {
    const found = new Set<number>();
    ends.forEach((list, k) => list && found.add(k));
    this.found = found;
  }

  endsOf(wanted: readonly number[]): number[] {
    const all: number[] = [];
    for (const k of wanted) for (const end of this.ends[k] ?? []) all.push(end);
    if (wanted.length > 1) all.sort((a, b) => a - b);
    // One entry per position: keywords ending at the same place count once.
    return all.filter((end, i) => i === 0 || end !== all[i - 1]);
  }
}

/**
 * The automaton's (end offset, state) pairs. Which keywords occur is read off the distinct states; the pairs are
 * sorted into each keyword's ends only when a rule asks where they are (most texts need only the first answer).
 */
class AutomatonHits implements PrefilterMatch {
  private foundSet?: Set<number>;
  private byKeyword?: KeywordEnds;

  constructor(
    private readonly hits: number[],
    private readonly outputs: readonly (readonly number[])[],
  ) {}

  get found(): ReadonlySet<number> {
    if (!this.foundSet) {
      const found = new Set<number>();
      const seen = new Set<number>();
      for (let i = 1; i < this.hits.length; i += 2) {
        const state = this.hits[i]!;
        if (seen.has(state)) continue;
        seen.add(state);
        for (const k of this.outputs[state]!) found.add(k);
      }
      this.foundSet = found;
    }
    return this.foundSet;
  }

  endsOf(wanted: readonly number[]): number[] {
    if (!this.byKeyword) {
      const ends: number[][] = [];
      for (let i = 0; i < this.hits.length; i += 2) {
        for (const k of this.outputs[this.hits[i + 1]!]!) (ends[k] ??= []).push(this.hits[i]!);
      }
      this.byKeyword = new KeywordEnds(ends);
    }
    return this.byKeyword.endsOf(wanted);
  }
}

// Little-endian on every platform, so that data built on one machine reads the same on any other.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function int32ToBase64(values: Int32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeInt32LE(values[i]!, i * 4);
  return bytes.toString('base64');
}

function base64ToInt32(text: string): Int32Array {
  const bytes = Buffer.from(text, 'base64');
  const values = new Int32Array(bytes.length >> 2);
  if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(bytes);
  else for (let i = 0; i < values.length; i++) values[i] = bytes.readInt32LE(i * 4);
  return values;
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}
