// What is wrong with a configuration, as data: the config layer says which file, which key and what it expected;
// src/report/messages/config.ts says it in words. A leaf module: types only, importable by every layer.
import type { PatternProblem } from './pattern-problem.js';

/** Why a glob of `ignorePaths` cannot be used. */
export type GlobProblem =
  | { kind: 'empty' }
  | { kind: 'negation' }
  | { kind: 'lone-backslash' }
  | { kind: 'unmatched-close'; close: string; open: string }
  | { kind: 'unclosed'; open: string };

/** What a key should have held. */
export type Expectation =
  | { kind: 'settings-object' }
  | { kind: 'known-setting'; known: readonly string[] }
  | { kind: 'rule-settings-object' }
  | { kind: 'rule-id' }
  | { kind: 'rule-setting' }
  | { kind: 'valid-glob'; problem: GlobProblem }
  | { kind: 'allow-object' }
  | { kind: 'allow-key' }
  | { kind: 'string-list' }
  | { kind: 'string' }
  | { kind: 'short-pattern'; max: number; length: number }
  | { kind: 'valid-regex'; detail: string }
  | { kind: 'linear-time-pattern'; problem: PatternProblem }
  | { kind: 'size' }
  | { kind: 'rule-list' }
  | { kind: 'rule-object' }
  | { kind: 'non-empty-string' }
  | { kind: 'kebab-id' }
  | { kind: 'unique-id' }
  | { kind: 'severity' }
  | { kind: 'some-keyword' }
  | { kind: 'keyword-not-blank' }
  | { kind: 'keyword-ascii' }
  | { kind: 'secret-group' }
  | { kind: 'some-example' }
  | { kind: 'entropy' }
  | { kind: 'compiling-pattern'; detail: string }
  | { kind: 'found-example'; hasEntropy: boolean }
  | { kind: 'missed-look-alike' };

export type ConfigProblem =
  /** A key of the file holds something else than expected. */
  | { kind: 'invalid'; file: string; keyPath: string; expected: Expectation; found: unknown }
  /** The file is not JSON or YAML at all. */
  | { kind: 'syntax'; file: string; language: 'JSON' | 'YAML'; detail: string }
  /** The file exists but cannot be read. */
  | { kind: 'unreadable'; file: string; detail: string };
