// The small programmatic API for tools that embed the engine.
export { builtinRules } from '../rules/index.js';
export type { Rule, Severity, FixHint, Guide } from '../rules/schema.js';
export type { Finding, ScanUnit } from './engine/scan.js';
