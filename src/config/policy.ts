// Decides what a finding does: block the commit, only warn, or nothing (turned off, allowed, or accepted in
// .secret-hook-ignore). Test-mode and sandbox keys warn by default.
import type { Finding } from '../result.js';
import type { Action } from '../result.js';
import type { Config, RuleSetting } from './types.js';

export interface Policy {
  testKeys: RuleSetting;
  ruleActions: ReadonlyMap<string, RuleSetting>;
  /** Accepted secret values and patterns from the configuration. */
  allowValues: ReadonlySet<string>;
  allowPatterns: readonly RegExp[];
  /** Fingerprints from .secret-hook-ignore. */
  ignoredFingerprints: ReadonlySet<string>;
}

export function policyFrom(config: Config, ignoredFingerprints: ReadonlySet<string>): Policy {
  return {
    testKeys: config.testKeys,
    ruleActions: config.rules,
    allowValues: new Set(config.allowValues),
    allowPatterns: config.allowPatterns.map((p) => new RegExp(p)),
    ignoredFingerprints,
  };
}

/**
 * The action for a finding, or null when nothing should be reported. A pair is accepted by what accepts it or its
 * rule's own match alone (`alone`): the key accepted before its partner was added.
 */
export function actionFor(finding: Finding, policy: Policy): Action | null {
  const { ignoredFingerprints, allowValues, allowPatterns } = policy;
  for (const { secret, fingerprint } of finding.alone ? [finding, finding.alone] : [finding]) {
    if (ignoredFingerprints.has(fingerprint)) return null;
    if (allowValues.has(secret) || allowPatterns.some((p) => p.test(secret))) return null;
  }
  const setting = policy.ruleActions.get(finding.ruleId) ?? (finding.testKey ? policy.testKeys : 'block');
  return setting === 'off' ? null : setting;
}
