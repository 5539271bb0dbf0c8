// The small programmatic API, for tools that embed the engine. Findings returned here hold the whole secret
// (the caller decides what to show): pass it through `redact()` before printing or logging it.
export type { Rule, Severity, FixHint, Guide } from '../rules/schema.js';
export type { Finding, ScanResult, ReportedFinding, SkippedEntry } from './result.js';
export { listRules, redact, scanStaged, scanText } from './commands/api.js';
