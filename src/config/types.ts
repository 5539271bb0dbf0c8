// The validated configuration. Every field has a default, so code never checks for absence.
import type { Rule } from '../../rules/schema.js';

export type RuleSetting = 'block' | 'warn' | 'off';

export interface Config {
  /** Where it came from (for messages), or null for the defaults. */
  file: string | null;
  /** Per-rule action overrides. */
  rules: ReadonlyMap<string, RuleSetting>;
  /** What test-mode and sandbox keys do. */
  testKeys: RuleSetting;
  /** Rules of the user's own, checked like the built-in ones. */
  customRules: readonly Rule[];
  /** Globs of paths never scanned, matched as .gitignore users expect. */
  ignorePaths: readonly string[];
  /** Secret values that are known and accepted (e.g. a public demo key). */
  allowValues: readonly string[];
  /** Patterns (regular expressions) of accepted secret values. */
  allowPatterns: readonly string[];
  /** Files above this size are reported as not scanned. */
  maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export const DEFAULT_CONFIG: Config = {
  file: null,
  rules: new Map(),
  testKeys: 'warn',
  customRules: [],
  ignorePaths: [],
  allowValues: [],
  allowPatterns: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};
