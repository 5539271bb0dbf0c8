// What a finding does under the policy (src/config/policy.ts): accepted by its fingerprint or its value, and a pair
// also by what accepted its rule's own match alone.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/types.js';
import { actionFor, policyFrom } from '../../../src/config/policy.js';
import { fingerprint } from '../../../src/engine/scan.js';
import type { Finding } from '../../../src/result.js';
import { FakeKeys } from '../../helpers/examples.js';

const keys = new FakeKeys(20261207);
const key = keys.chars('hex', 20);
const site = keys.chars('hex', 20);
const lone: Finding = {
  ruleId: 'customerio-track-api-key',
  title: 'Customer.io Track API credentials',
  severity: 'high',
  testKey: false,
  path: '.env',
  line: 3,
  column: 20,
  secret: key,
  lineText: `CUSTOMERIO_API_KEY=${key}`,
  fingerprint: fingerprint('customerio-track-api-key', '.env', key),
};
const pair: Finding = {
  ...lone,
  secret: `${site}:${key}`,
  fingerprint: fingerprint('customerio-track-api-key', '.env', `${site}:${key}`),
  alone: { secret: key, fingerprint: lone.fingerprint },
};

describe('actionFor', () => {
  it('blocks what nothing accepts', () => {
    const policy = policyFrom(DEFAULT_CONFIG, new Set());
    expect(actionFor(lone, policy)).toBe('block');
    expect(actionFor(pair, policy)).toBe('block');
  });

  it('accepts a pair whose key was accepted alone, by fingerprint, value or pattern', () => {
    expect(actionFor(pair, policyFrom(DEFAULT_CONFIG, new Set([lone.fingerprint])))).toBeNull();
    expect(actionFor(pair, policyFrom({ ...DEFAULT_CONFIG, allowValues: [key] }, new Set()))).toBeNull();
    expect(actionFor(pair, policyFrom({ ...DEFAULT_CONFIG, allowPatterns: [`^${key}$`] }, new Set()))).toBeNull();
  });

  it('does not accept a lone key by its pair, nor a finding by another finding', () => {
    expect(actionFor(lone, policyFrom(DEFAULT_CONFIG, new Set([pair.fingerprint])))).toBe('block');
    const other = fingerprint('customerio-track-api-key', '.env', site);
    expect(actionFor(pair, policyFrom(DEFAULT_CONFIG, new Set([other])))).toBe('block');
    expect(actionFor(pair, policyFrom({ ...DEFAULT_CONFIG, allowValues: [site] }, new Set()))).toBe('block');
  });
});
