// The four first providers' advice, held against their own documentation: what the guide and the SARIF help say
// about least privilege, rotating without downtime (or the gap a provider cannot avoid) and rotating periodically.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import type { Rule } from '../../../rules/schema.js';
import { customRuleAdvice } from '../../../src/report/messages/config.js';
import { explainText, PERIODIC_ROTATION, ROTATION_ORDER } from '../../../src/report/messages/explain.js';
import { fixFor } from '../../../src/report/fix-hint.js';
import { FakeKeys } from '../../helpers/examples.js';

const keys = new FakeKeys(1414);

const rule = (id: string): Rule => builtinRules.find((r) => r.id === id)!;
/** The guide as one line of text, so that sentences wrapped at 80 columns can be searched. */
const guideOf = (id: string) => explainText(rule(id)).replace(/\s+/g, ' ');

describe('provider advice', () => {
  it('every guide says when to rotate, and gives either the order without downtime or the gap', () => {
    for (const r of builtinRules) {
      const guide = explainText(r).replace(/\s+/g, ' ');
      expect(guide, r.id).toContain(PERIODIC_ROTATION);
      expect(guide.includes(ROTATION_ORDER) !== (r.fix.rotationGap !== undefined), r.id).toBe(true);
    }
  });

  it('Stripe points secret keys to restricted keys, and restricted keys to narrower permissions', () => {
    expect(guideOf('stripe-live-secret-key')).toMatch(/restricted key \(rk_live_…\)/);
    expect(guideOf('stripe-live-secret-key')).toContain('Create restricted key');
    expect(guideOf('stripe-live-restricted-key')).toMatch(/only the resources this service uses/);
    expect(rule('stripe-live-restricted-key').fix.docs).toBe('https://docs.stripe.com/keys/restricted-api-keys');
  });

  it('Intercom says plainly that regenerating stops the old token at once, and how to avoid the gap', () => {
    const guide = guideOf('intercom-access-token');
    expect(guide).toContain('regenerating it stops the old token at once');
    expect(guide).not.toContain(ROTATION_ORDER);
    expect(guide).toMatch(/second app with the same permissions/);
    // The steps deploy the new token before the old one is stopped.
    const steps = rule('intercom-access-token').fix.rotate.join('\n');
    expect(steps.indexOf('redeploy')).toBeLessThan(steps.indexOf('stops the old token'));
  });

  it("Customer.io names the Site ID's variable and warns that regenerating a Track key invalidates it at once", () => {
    const track = rule('customerio-track-api-key');
    expect(track.fix.pairEnv).toBe('CUSTOMERIO_SITE_ID');
    expect(guideOf('customerio-track-api-key')).toContain(
      'Do not regenerate the key in use: that invalidates it at once',
    );
    expect(guideOf('customerio-track-api-key')).toContain('CUSTOMERIO_SITE_ID and CUSTOMERIO_TRACK_API_KEY');
    const [site, key] = [keys.chars('hex', 20), keys.chars('hex', 20)];
    const fix = fixFor({
      path: 'src/cio.js',
      lineText: `const cio = new TrackClient('${site}', '${key}');`,
      secret: `${site}:${key}`,
      excerpt: false,
      othersOnLine: false,
      ruleId: track.id,
      env: track.fix.env,
      pairEnv: track.fix.pairEnv!,
      generic: false,
    });
    expect(fix.code).toBe(
      'const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY);',
    );
  });

  it('Klaviyo asks for a scoped key', () => {
    expect(guideOf('klaviyo-private-api-key')).toMatch(/custom scopes/);
  });

  it('a secret with a colon is one value unless its rule pairs: a password is not split into a "site id"', () => {
    const password = keys.chars('base62', 14);
    const fix = fixFor({
      path: 'src/db.js',
      lineText: `const auth = "admin:${password}";`,
      secret: `admin:${password}`,
      excerpt: false,
      othersOnLine: false,
      ruleId: 'generic-basic-auth',
      env: 'BASIC_AUTH',
      generic: true,
    });
    expect(fix.code).not.toContain('SITE_ID');
    expect(fix.code).toContain('process.env.');
  });

  it("a custom rule's missing advice is filled with general words, and what it gives is kept", () => {
    const custom: Rule = {
      ...rule('stripe-live-secret-key'),
      id: 'acme-key',
      fix: { env: 'ACME_KEY', provider: '', rotate: [], docs: '', leastPrivilege: 'Use an ACME read-only key.' },
      guide: { grants: '', risks: '', checkMisuse: '' },
    };
    const guide = explainText(customRuleAdvice(custom)).replace(/\s+/g, ' ');
    expect(guide).toContain('How to rotate it at the provider');
    expect(guide).toContain('Create a new credential at the provider, deploy it, then revoke the old one.');
    expect(guide).toContain("A credential defined by this repository's configuration.");
    expect(guide).toContain('Use an ACME read-only key.');
  });
});
