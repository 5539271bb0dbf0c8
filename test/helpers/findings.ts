// Builds a ReportedFinding for a built-in rule as the engine would, for tests of the output formats.
import { builtinRules } from '../../rules/index.js';
import { fingerprint } from '../../src/engine/scan.js';
import type { ReportedFinding } from '../../src/result.js';

const rules = new Map(builtinRules.map((r) => [r.id, r]));

export interface Place {
  path?: string;
  line?: number;
  /** The text before the secret on its line; the column follows from it. */
  before?: string;
}

export function reportedFinding(
  ruleId: string,
  secret: string,
  place: Place = {},
  extra: Partial<ReportedFinding> = {},
): ReportedFinding {
  const rule = rules.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const { path = 'src/config.ts', line = 4, before = 'const key = "' } = place;
  return {
    ruleId,
    title: rule.title,
    severity: rule.severity,
    testKey: rule.testKey === true,
    path,
    line,
    column: before.length + 1,
    secret,
    lineText: `${before}${secret}";`,
    fingerprint: fingerprint(ruleId, path, secret),
    action: rule.testKey ? 'warn' : 'block',
    ...extra,
  };
}
