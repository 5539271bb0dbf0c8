// Why a pattern (a custom rule's, an allow pattern) is refused, as data: src/engine/linear-time.ts finds it,
// src/report/messages/patterns.ts says it in words. A leaf module: types only, importable by every layer.
// `at` is a position in the pattern.

export type PatternSyntax =
  | 'unbalanced-close'
  | 'unbalanced-open'
  | 'nothing-to-repeat'
  | 'too-deep'
  | 'unterminated-group-name'
  | 'invalid-group'
  | 'trailing-backslash'
  | 'unterminated-class'
  | 'range-out-of-order';

export type PatternProblem =
  | { kind: 'syntax'; syntax: PatternSyntax; at: number; limit?: number }
  | { kind: 'backreference'; at: number }
  | { kind: 'unbounded'; text: string; at: number }
  | { kind: 'too-many-repeats'; at: number; repeats: number; limit: number }
  | { kind: 'nested-variable'; at: number }
  | { kind: 'repeated-alternation'; at: number }
  | { kind: 'adjacent-ranges'; first: string; firstAt: number; second: string; secondAt: number }
  | { kind: 'too-many-steps'; steps: number; limit: number };
