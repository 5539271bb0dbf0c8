// Decides what a finding does: block the commit or only warn. Test-mode and sandbox keys warn by default.
import type { Finding } from '../engine/scan.js';
import type { Action } from '../report/result.js';

export interface Policy {
  /** What test-mode keys do. */
  testKeys: Action;
  /** Per-rule overrides from the configuration. */
  ruleActions: ReadonlyMap<string, Action | 'off'>;
}

export const DEFAULT_POLICY: Policy = { testKeys: 'warn', ruleActions: new Map() };

/** The action for a finding, or null when its rule is turned off. */
export function actionFor(finding: Finding, policy: Policy): Action | null {
  const override = policy.ruleActions.get(finding.ruleId);
  if (override === 'off') return null;
  if (override) return override;
  return finding.testKey ? policy.testKeys : 'block';
}
