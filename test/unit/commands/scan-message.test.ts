import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { MESSAGE_PATHS, scanMessage } from '../../../src/commands/scan-message.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { fingerprint } from '../../../src/engine/fingerprint.js';
import type { Policy } from '../../../src/config/policy.js';
import { FakeKeys } from '../../helpers/examples.js';

const catalog = compileCatalog(builtinRules);
const policy: Policy = {
  testKeys: 'warn',
  ruleActions: new Map(),
  allowValues: new Set(),
  allowPatterns: [],
  ignoredFingerprints: new Set(),
};

describe('scanMessage', () => {
  it('finds a key pasted into a commit message, with the message pseudo-path in its fingerprint', () => {
    const key = new FakeKeys(7).expand('sk_live_{{base62:24}}');
    const findings = scanMessage({ catalog, policy }, 'commit', `Fix payments\n\nUsed ${key} to test.\n`);
    expect(findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([
      ['stripe-live-secret-key', MESSAGE_PATHS.commit, 3],
    ]);
    expect(findings[0]!.fingerprint).toBe(fingerprint('stripe-live-secret-key', '(commit message)', key));
  });

  it('finds nothing in an ordinary or empty message', () => {
    expect(scanMessage({ catalog, policy }, 'tag', 'v1.2.0\n\nRelease notes: faster scans.\n')).toEqual([]);
    expect(scanMessage({ catalog, policy }, 'commit', '\n')).toEqual([]);
  });
});
