// Check 1 of the linear-time check (src/engine/linear-time.ts explains all three): the shape. Every quantifier is
// bounded (at most MAX_REPEAT), no backreference, and no repeated group holds a variable quantifier or an
// alternation (the shapes behind (a+)+ and (a|a)*: exponential).

import type { PatternProblem } from '../../pattern-problem.js';
import type { Alt, Node } from './syntax-tree.js';

export const MAX_REPEAT = 16384;

export function shapeProblems(tree: Alt, pattern: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'backref') problems.push({ kind: 'backreference', at: node.at });
    if (node.kind === 'repeat') {
      const text = pattern.slice(node.body.end, node.end);
      if (node.max === Infinity) problems.push({ kind: 'unbounded', text, at: node.body.end });
      else if (node.max > MAX_REPEAT)
        problems.push({ kind: 'too-many-repeats', at: node.body.end, repeats: node.max, limit: MAX_REPEAT });
      if (node.max > 1 && node.body.kind === 'group') {
        if (containsVariable(node.body.body)) problems.push({ kind: 'nested-variable', at: node.body.end });
        if (containsAlternation(node.body.body)) problems.push({ kind: 'repeated-alternation', at: node.body.end });
      }
      visit(node.body);
    }
    if (node.kind === 'group' || node.kind === 'look') node.body.branches.forEach((b) => b.forEach(visit));
  };
  tree.branches.forEach((b) => b.forEach(visit));
  return problems;
}

function containsVariable(alt: Alt): boolean {
  return alt.branches.some((b) =>
    b.some(
      (n) =>
        (n.kind === 'repeat' && (n.min !== n.max || containsVariableNode(n.body))) ||
        ((n.kind === 'group' || n.kind === 'look') && containsVariable(n.body)),
    ),
  );
}

function containsVariableNode(node: Node): boolean {
  return (node.kind === 'group' || node.kind === 'look') && containsVariable(node.body);
}

function containsAlternation(alt: Alt): boolean {
  return (
    alt.branches.length > 1 ||
    alt.branches.some((b) =>
      b.some(
        (n) =>
          ((n.kind === 'group' || n.kind === 'look') && containsAlternation(n.body)) ||
          (n.kind === 'repeat' &&
            (n.body.kind === 'group' || n.body.kind === 'look') &&
            containsAlternation(n.body.body)),
      ),
    )
  );
}
