// Stripe API keys: https://docs.stripe.com/keys
// Secret (sk_) and restricted (rk_) keys in live and test mode, and webhook signing secrets. Publishable keys
// (pk_live_/pk_test_) are public by design and are deliberately not a rule: they appear as negative examples.
import type { Rule } from '../schema.js';

// Length: 24 is the shortest key seen (observed range, as in secretlint's rule); 247 = 255 minus the 8-character
// prefix: Stripe tells integrations to allow up to 255 characters for the opaque ids it generates
// (docs.stripe.com/upgrades), and keys are opaque strings too.
const BODY = '[0-9a-zA-Z]{24,247}';
const EDGE_BEFORE = '(?<![0-9a-zA-Z])';
const EDGE_AFTER = '(?![0-9a-zA-Z])';

const rotateSecretKey = [
  'Open the Stripe Dashboard → Developers → API keys (https://dashboard.stripe.com/apikeys).',
  'On the key, choose "Roll key…", set an expiry for the old key long enough to deploy the new one (e.g. 1 hour), and copy the new key.',
  'Put the new key in your secrets manager or environment and redeploy every service that uses it.',
  'Let the old key expire (or expire it now), then check Developers → Logs for requests made with it.',
];

const guide = (what: string) => ({
  grants: `${what} It authenticates server-side calls to the Stripe API for your account.`,
  risks:
    "With a live key an attacker can read customer and payment data, create charges, refunds and payouts, and change your account settings within the key's permissions.",
  checkMisuse:
    'Stripe Dashboard → Developers → Logs (filter by the key) and Events show every request made with it; look for unfamiliar IP addresses, refunds, payouts or new webhook endpoints.',
});

const fix = (env: string) => ({
  env,
  provider: 'Stripe',
  rotate: rotateSecretKey,
  docs: 'https://docs.stripe.com/keys',
});

export const stripeRules: Rule[] = [
  {
    id: 'stripe-live-secret-key',
    title: 'Stripe live secret key',
    severity: 'critical',
    keywords: ['sk_live_'],
    pattern: `${EDGE_BEFORE}(?<secret>sk_live_${BODY})${EDGE_AFTER}`,
    entropy: 3.5,
    examples: [
      'STRIPE_SECRET_KEY=sk_live_{{base62:24}}',
      'const stripe = new Stripe("sk_live_{{base62:99}}");',
      'stripe.api_key = "sk_live_51{{base62:97}}"',
    ],
    negativeExamples: [
      'STRIPE_PUBLISHABLE_KEY=pk_live_{{base62:99}}',
      'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'key = "sk_live_{{base62:10}}"',
      'STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}',
    ],
    fix: fix('STRIPE_SECRET_KEY'),
    guide: guide(
      'A live-mode secret key has full access to your Stripe account: charges, customers, payouts, refunds and settings.',
    ),
  },
  {
    id: 'stripe-test-secret-key',
    title: 'Stripe test-mode secret key',
    severity: 'low',
    testKey: true,
    keywords: ['sk_test_'],
    pattern: `${EDGE_BEFORE}(?<secret>sk_test_${BODY})${EDGE_AFTER}`,
    entropy: 3.5,
    // The test keys of Stripe's API reference and guides (sk_test_4eC3…, sk_test_BQok…, sk_test_26PH…), which
    // every tutorial copies: published, shared by everybody, not a finding.
    documented: [
      '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
      'f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397',
      '7e8de44ea9ecf6d53415c90f5b249a8591f7abafbf7d65a2c0d855afeca3ec09',
    ],
    examples: [
      'STRIPE_SECRET_KEY=sk_test_{{base62:24}}',
      "Stripe::api_key = 'sk_test_51{{base62:97}}'",
      'export STRIPE_KEY="sk_test_{{base62:32}}"',
    ],
    negativeExamples: [
      'STRIPE_PUBLISHABLE_KEY=pk_test_{{base62:99}}',
      'sk_test_YOUR_SECRET_KEY_GOES_HERE',
      'key: sk_test_{{base62:12}}',
    ],
    fix: fix('STRIPE_SECRET_KEY'),
    guide: guide("A test-mode secret key works only against Stripe's test data: no real money moves."),
  },
  {
    id: 'stripe-live-restricted-key',
    title: 'Stripe live restricted key',
    severity: 'high',
    keywords: ['rk_live_'],
    pattern: `${EDGE_BEFORE}(?<secret>rk_live_${BODY})${EDGE_AFTER}`,
    entropy: 3.5,
    examples: [
      'STRIPE_RESTRICTED_KEY=rk_live_{{base62:24}}',
      'stripe.setApiKey("rk_live_51{{base62:97}}")',
      '  restricted_key: rk_live_{{base62:40}}',
    ],
    negativeExamples: [
      'rk_live_{{base62:8}}',
      'STRIPE_RESTRICTED_KEY=rk_live_************************',
      'pk_live_{{base62:40}}',
    ],
    fix: fix('STRIPE_RESTRICTED_KEY'),
    guide: guide(
      'A restricted key has only the permissions chosen when it was created, which may still include payments, customers or payouts.',
    ),
  },
  {
    id: 'stripe-test-restricted-key',
    title: 'Stripe test-mode restricted key',
    severity: 'low',
    testKey: true,
    keywords: ['rk_test_'],
    pattern: `${EDGE_BEFORE}(?<secret>rk_test_${BODY})${EDGE_AFTER}`,
    entropy: 3.5,
    examples: [
      'STRIPE_RESTRICTED_KEY=rk_test_{{base62:24}}',
      '"stripeKey": "rk_test_51{{base62:97}}"',
      'rk = "rk_test_{{base62:60}}"',
    ],
    negativeExamples: ['rk_test_{{base62:8}}', 'rk_test_<restricted key>', 'pk_test_{{base62:40}}'],
    fix: fix('STRIPE_RESTRICTED_KEY'),
    guide: guide(
      "A test-mode restricted key works only against Stripe's test data, with the permissions chosen at creation.",
    ),
  },
  {
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    severity: 'high',
    keywords: ['whsec_'],
    // Length: Stripe documents no length for signing secrets: 24–100 is the observed range.
    pattern: `${EDGE_BEFORE}(?<secret>whsec_[0-9a-zA-Z+/]{24,100}={0,2})${EDGE_AFTER}`,
    entropy: 3.5,
    examples: [
      'STRIPE_WEBHOOK_SECRET=whsec_{{base62:32}}',
      "endpoint_secret = 'whsec_{{base62:32}}'",
      'const webhookSecret = "whsec_{{base62:64}}";',
    ],
    negativeExamples: [
      'whsec_...',
      'STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'whsec_{{base62:8}}',
    ],
    fix: {
      env: 'STRIPE_WEBHOOK_SECRET',
      provider: 'Stripe',
      rotate: [
        'Open the Stripe Dashboard → Developers → Webhooks and select the endpoint.',
        'Choose "Roll secret…", keep the old secret valid for a transition period, and copy the new one.',
        'Deploy the new secret to the service that verifies webhook signatures.',
        "Let the old secret expire, and watch the endpoint's delivery log for signature failures.",
      ],
      docs: 'https://docs.stripe.com/webhooks#roll-endpoint-secrets',
    },
    guide: {
      grants: 'The webhook signing secret lets your server verify that an event really came from Stripe.',
      risks:
        'With it an attacker can forge webhook events your server will trust, e.g. mark unpaid orders as paid or trigger fulfilment.',
      checkMisuse:
        'Compare the events your server processed against Stripe Dashboard → Developers → Events: an event your server handled that Stripe never sent is forged.',
    },
  },
];
