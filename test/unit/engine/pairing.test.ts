// Pairing (rules/schema.ts `Pairing`): two matches of one rule, or a match and another rule's, within N lines.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../rules/schema.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { fingerprint, scan } from '../../../src/engine/scan.js';
import { RULE_BASE } from '../../helpers/rules.js';

// Two values of one shape (as Customer.io's Site ID and Track API key): a pair, or one alone unless named a site.
const selfPaired: Rule = {
  ...RULE_BASE,
  id: 'acme-track',
  title: 'Acme track credentials',
  keywords: ['acme'],
  pattern: '(?<![0-9a-f])(?<secret>[0-9a-f]{10})(?![0-9a-f])',
  pairing: { with: 'acme-track', withinLines: 2, unpaired: { dropWhenLineNames: ['site_id'] } },
};
// A secret that counts only next to its id (an access key id and its secret), and the id's own rule.
const keyId: Rule = {
  ...RULE_BASE,
  id: 'acme-key-id',
  title: 'Acme key id',
  keywords: ['akid'],
  pattern: '(?<secret>AKID[0-9A-Z]{8})',
};
const keySecret: Rule = {
  ...RULE_BASE,
  id: 'acme-key-secret',
  title: 'Acme key secret',
  keywords: ['secret'],
  pattern: 'secret=(?<secret>[a-z]{12})',
  pairing: { with: 'acme-key-id', withinLines: 1, unpaired: 'drop' },
};
const catalog = compileCatalog([selfPaired, keyId, keySecret]);
const found = (text: string) => scan(catalog, { path: 'a', text }).map((f) => [f.ruleId, f.line, f.secret]);

describe('pairing two matches of one rule', () => {
  it("makes one finding on the key's line, with both secrets in text order and a fingerprint of the pair", () => {
    const findings = scan(catalog, { path: 'a', text: 'acme site_id 9f8e7d6c5b\n\nacme key 1a2b3c4d5e' });
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.secret])).toEqual([
      ['acme-track', 3, 10, '9f8e7d6c5b:1a2b3c4d5e'],
    ]);
    expect(findings[0]!.fingerprint).toBe(fingerprint('acme-track', 'a', '9f8e7d6c5b:1a2b3c4d5e'));
    // The key as it was found before its Site ID joined it: what accepted it alone accepts the pair (policy.ts).
    expect(findings[0]!.alone).toEqual({
      secret: '1a2b3c4d5e',
      fingerprint: fingerprint('acme-track', 'a', '1a2b3c4d5e'),
    });
    // The key first, its Site ID after: still on the key's line, the secret still in text order.
    const reversed = scan(catalog, { path: 'a', text: 'acme key 1a2b3c4d5e\nacme site_id 9f8e7d6c5b' });
    expect(reversed.map((f) => [f.line, f.secret])).toEqual([[1, '1a2b3c4d5e:9f8e7d6c5b']]);
  });

  it('pairs each match with the next one only, and not beyond the line limit', () => {
    const text = ['acme 9f8e7d6c5b', 'acme 1a2b3c4d5e', 'acme 4c3b2a1f0e', '', '', '', 'acme 7a6b5c4d3e'].join('\n');
    expect(found(text)).toEqual([
      ['acme-track', 2, '9f8e7d6c5b:1a2b3c4d5e'],
      ['acme-track', 3, '4c3b2a1f0e'],
      ['acme-track', 7, '7a6b5c4d3e'],
    ]);
  });

  it('does not pair a value with itself', () => {
    expect(found('acme 9f8e7d6c5b 9f8e7d6c5b')).toEqual([['acme-track', 1, '9f8e7d6c5b']]);
  });

  it('drops a lone match whose line names it as the harmless half, and keeps other lone matches', () => {
    expect(found('acme SITE_ID=9f8e7d6c5b')).toEqual([]);
    expect(found('acme KEY=9f8e7d6c5b')).toEqual([['acme-track', 1, '9f8e7d6c5b']]);
  });
});

describe('pairing with another rule', () => {
  it('joins the secret to the nearest partner within reach, in text order, and keeps the partner its own finding', () => {
    const text = 'id AKIDP0O9I8U7\nsecret=qzmxnwpvkrtj';
    expect(found(text)).toEqual([
      ['acme-key-id', 1, 'AKIDP0O9I8U7'],
      ['acme-key-secret', 2, 'AKIDP0O9I8U7:qzmxnwpvkrtj'],
    ]);
    const after = 'secret=qzmxnwpvkrtj AKIDP0O9I8U7';
    expect(found(after)).toEqual([
      ['acme-key-secret', 1, 'qzmxnwpvkrtj:AKIDP0O9I8U7'],
      ['acme-key-id', 1, 'AKIDP0O9I8U7'],
    ]);
  });

  it('drops a match whose required partner is missing, too far away, or turned off', () => {
    expect(found('secret=qzmxnwpvkrtj')).toEqual([]);
    expect(found('AKIDP0O9I8U7\n\n\nsecret=qzmxnwpvkrtj')).toEqual([['acme-key-id', 1, 'AKIDP0O9I8U7']]);
    const withoutPartner = compileCatalog([keySecret]);
    expect(scan(withoutPartner, { path: 'a', text: 'AKIDP0O9I8U7 secret=qzmxnwpvkrtj' })).toEqual([]);
  });

  it('chooses the partner closest in lines, the earlier one on a tie', () => {
    const text = ['AKIDQ8W7E6R5', 'AKIDZ1X2C3V4', 'secret=qzmxnwpvkrtj', 'AKIDM9N8B7V6'].join('\n');
    expect(found(text).filter(([id]) => id === 'acme-key-secret')).toEqual([
      ['acme-key-secret', 3, 'AKIDZ1X2C3V4:qzmxnwpvkrtj'],
    ]);
  });

  it('steps over at most a few partners holding the same value, so a line repeating one value stays linear', () => {
    // Both rules match the same hex values: each match's partners are mostly itself.
    const twin: Rule = {
      ...selfPaired,
      id: 'acme-twin',
      pairing: { with: 'acme-track', withinLines: 0, unpaired: 'drop' },
    };
    const twins = compileCatalog([selfPaired, twin]);
    const text = `acme ${'9f8e7d6c5b '.repeat(3000)}1a2b3c4d5e`;
    const findings = scan(twins, { path: 'a', text }).filter((f) => f.ruleId === 'acme-twin');
    // Only the last value finds another one within reach; the thousands of repeats give up after a few steps.
    expect(findings.map((f) => f.secret)).toEqual(['9f8e7d6c5b:1a2b3c4d5e']);
  });
});
