// Keyword prefilter: one pass over the text decides which rules' regexes run at all.
// An Aho-Corasick automaton over ASCII, case-folded on the fly. The hook runs on every commit, so building it
// must cost almost nothing: only the trie and its failure links are built up front (linear in the keywords'
// length); DFA transitions are computed on first use and cached, over a compact alphabet of the characters that
// occur in keywords (every other character leads back to the root).

export interface Prefilter {
  /** Indexes (into the keyword list given at build time) of the keywords that occur in the text. */
  match(text: string): Set<number>;
}

const ASCII = 128;
const UNKNOWN = -1;

export function buildPrefilter(keywords: readonly string[]): Prefilter {
  // Character classes: 0 for "not in any keyword", then one per distinct (lowercased) keyword character.
  const classOf = new Uint8Array(ASCII);
  let classes = 1;
  for (const keyword of keywords) {
    for (let i = 0; i < keyword.length; i++) {
      const code = lowerAscii(keyword.charCodeAt(i));
      if (code >= ASCII) throw new Error(`prefilter keyword "${keyword}" is not ASCII`);
      if (classOf[code] === 0) classOf[code] = classes++;
    }
  }
  for (let upper = 65; upper <= 90; upper++) classOf[upper] = classOf[upper | 0x20]!;

  // The trie: children per state as small maps, outputs per state.
  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const cls = classOf[lowerAscii(keyword.charCodeAt(i))]!;
      let next = children[state]!.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        children[state]!.set(cls, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  });

  // Failure links, breadth-first; a state's outputs include those of its failure state.
  const fail = new Int32Array(children.length);
  const queue: number[] = [];
  for (const child of children[0]!.values()) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [cls, child] of children[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !children[f]!.has(cls)) f = fail[f]!;
      const target = children[f]!.get(cls);
      fail[child] = target !== undefined && target !== child ? target : 0;
      outputs[child]!.push(...outputs[fail[child]!]!);
      queue.push(child);
    }
  }
  const accepting = new Uint8Array(children.length);
  outputs.forEach((list, state) => (accepting[state] = list.length > 0 ? 1 : 0));

  // The DFA, filled in lazily.
  const table = new Int32Array(children.length * classes).fill(UNKNOWN);
  const transition = (state: number, cls: number): number => {
    let s = state;
    for (;;) {
      const next = children[s]!.get(cls);
      if (next !== undefined) return next;
      if (s === 0) return 0;
      s = fail[s]!;
    }
  };

  return {
    match(text: string): Set<number> {
      const found = new Set<number>();
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const cls = code < ASCII ? classOf[code]! : 0;
        if (cls === 0) {
          state = 0;
          continue;
        }
        const at = state * classes + cls;
        let next = table[at]!;
        if (next === UNKNOWN) next = table[at] = transition(state, cls);
        state = next;
        if (accepting[state] === 1) for (const k of outputs[state]!) found.add(k);
      }
      return found;
    },
  };
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}
