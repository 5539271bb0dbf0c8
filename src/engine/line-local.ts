// Whether a pattern is line-local: no match, and no lookaround of it, can read across a line break. The engine
// then runs the rule only on the lines that hold its keywords (with the newline on each side, so that boundary
// assertions see what they would see in the whole text) and finds exactly what a run over the whole text finds.
// Conservative by design: an unusual construct makes the answer false, which only costs speed. It reads the
// pattern through the same syntax tree as the linear-time checks (pattern/syntax-tree.ts), so the two never
// disagree on what a construct means (`[\12]` is a newline, `\p` a letter, as V8 reads them without the u flag).
import { intersects, single, type CharSet } from './pattern/char-set.js';
import { Parser, type Alt, type Node } from './pattern/syntax-tree.js';

const NEWLINE: CharSet = single(10);

export function isLineLocal(pattern: string, flags = ''): boolean {
  let tree: Alt;
  try {
    tree = new Parser(pattern, flags.includes('i')).parse();
  } catch {
    return false;
  }
  return altIsLocal(tree, false);
}

/**
 * In a lookaround (`inLook`), a branch may be a single unquantified character test that accepts a newline, like
 * `(?=[\s"']|$)`: it reads the boundary newline itself, which the window holds, and nothing beyond it.
 */
function altIsLocal(alt: Alt, inLook: boolean): boolean {
  return alt.branches.every((branch) => branchIsLocal(branch, inLook));
}

function branchIsLocal(nodes: readonly Node[], inLook: boolean): boolean {
  const consuming = nodes.filter((n) => n.kind === 'char' || n.kind === 'group' || n.kind === 'repeat').length;
  return nodes.every((node) => {
    if (node.kind === 'char' && readsNewline(node.set)) return inLook && consuming === 1;
    return nodeIsLocal(node);
  });
}

function nodeIsLocal(node: Node): boolean {
  switch (node.kind) {
    case 'char':
      return !readsNewline(node.set);
    case 'assert':
      return true;
    case 'backref':
      // What it reads depends on the match; the linear-time check refuses backreferences anyway.
      return false;
    case 'group':
      return altIsLocal(node.body, false);
    case 'repeat':
      return nodeIsLocal(node.body);
    case 'look':
      return altIsLocal(node.body, true);
  }
}

function readsNewline(set: CharSet): boolean {
  return intersects(set, NEWLINE);
}
