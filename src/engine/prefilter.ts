// Keyword prefilter: one pass over the text decides which rules' regexes run at all.
// An Aho-Corasick automaton compiled to a dense DFA over ASCII, case-folded on the fly, so the hot loop is one
// table lookup per character. Non-ASCII characters reset to the root: every keyword is ASCII.

const ALPHABET = 128;

export interface Prefilter {
  /** Indexes (into the keyword list given at build time) of the keywords that occur in the text. */
  match(text: string): Set<number>;
}

export function buildPrefilter(keywords: readonly string[]): Prefilter {
  // goto[] as a growable list of Int32Array rows; finalised into one flat table below.
  const rows: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
  const outputs: number[][] = [[]];

  keywords.forEach((keyword, keywordIndex) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const code = lowerAscii(keyword.charCodeAt(i));
      if (code >= ALPHABET) throw new Error(`prefilter keyword "${keyword}" is not ASCII`);
      const row = rows[state]!;
      let next = row[code]!;
      if (next === -1) {
        next = rows.length;
        rows.push(new Int32Array(ALPHABET).fill(-1));
        outputs.push([]);
        row[code] = next;
      }
      state = next;
    }
    outputs[state]!.push(keywordIndex);
  });

  // Breadth-first: fill failure transitions so every (state, char) has a target.
  const fail = new Int32Array(rows.length);
  const queue: number[] = [];
  const root = rows[0]!;
  for (let c = 0; c < ALPHABET; c++) {
    const next = root[c]!;
    if (next === -1) root[c] = 0;
    else {
      fail[next] = 0;
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = rows[state]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let c = 0; c < ALPHABET; c++) {
      const next = row[c]!;
      const viaFail = rows[fail[state]!]![c]!;
      if (next === -1) row[c] = viaFail;
      else {
        fail[next] = viaFail;
        queue.push(next);
      }
    }
  }

  const table = new Int32Array(rows.length * ALPHABET);
  rows.forEach((row, state) => table.set(row, state * ALPHABET));
  const accepting = new Uint8Array(rows.length);
  outputs.forEach((list, state) => (accepting[state] = list.length > 0 ? 1 : 0));

  return {
    match(text: string): Set<number> {
      const found = new Set<number>();
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        let code = text.charCodeAt(i);
        if (code >= ALPHABET) {
          state = 0;
          continue;
        }
        if (code >= 65 && code <= 90) code |= 0x20;
        state = table[state * ALPHABET + code]!;
        if (accepting[state] === 1) for (const k of outputs[state]!) found.add(k);
      }
      return found;
    },
  };
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}
