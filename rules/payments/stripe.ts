// Stripe API keys: https://docs.stripe.com/keys
// Secret (sk_) and restricted (rk_) keys in live and test mode, and webhook signing secrets. Publishable keys
// (pk_live_/pk_test_) are public by design and are deliberately not a rule: they appear as negative examples.
// Organization API keys (https://docs.stripe.com/keys/organization-api-keys) reach every account of a Stripe
// Organization: one `sk_org` prefix whatever their permissions (no `rk_org`), in sandboxes and live mode alike.
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

// Stripe recommends restricted keys over secret keys wherever an integration allows it:
// https://docs.stripe.com/keys/restricted-api-keys, https://docs.stripe.com/keys-best-practices
const toRestrictedKey =
  'Replace the secret key with a restricted key (rk_live_…) that can do only what this service does: Dashboard → Developers → API keys → "Create restricted key", choosing Read, Write or None for each resource. Stripe recommends restricted keys wherever an integration allows them.';
const narrowRestrictedKey =
  "Create the new restricted key with only the resources this service uses (Read, Write or None for each): review the old key's permissions instead of copying them.";

const fix = (env: string, leastPrivilege: string) => ({
  env,
  provider: 'Stripe',
  rotate: rotateSecretKey,
  docs: 'https://docs.stripe.com/keys',
  leastPrivilege,
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
    fix: fix('STRIPE_SECRET_KEY', toRestrictedKey),
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
    fix: fix('STRIPE_SECRET_KEY', toRestrictedKey),
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
    fix: {
      ...fix('STRIPE_RESTRICTED_KEY', narrowRestrictedKey),
      docs: 'https://docs.stripe.com/keys/restricted-api-keys',
    },
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
    fix: {
      ...fix('STRIPE_RESTRICTED_KEY', narrowRestrictedKey),
      docs: 'https://docs.stripe.com/keys/restricted-api-keys',
    },
    guide: guide(
      "A test-mode restricted key works only against Stripe's test data, with the permissions chosen at creation.",
    ),
  },
  {
    id: 'stripe-organization-key',
    title: 'Stripe organization API key',
    severity: 'critical',
    keywords: ['sk_org_'],
    // Stripe documents the `sk_org` prefix only; the body is taken to be like the account keys' (see BODY: 24–247).
    // A `live_`/`test_` mode marker after the prefix is not in Stripe's documentation but is accepted in case
    // organization keys carry one as account keys do; a sandbox organization key cannot be told from a live one by
    // its shape, so every organization key blocks.
    pattern: `${EDGE_BEFORE}(?<secret>sk_org_(?:live_|test_)?${BODY})${EDGE_AFTER}`,
    entropy: 3.5,
    examples: [
      'STRIPE_ORG_API_KEY=sk_org_{{base62:100}}',
      "const stripe = new Stripe('sk_org_{{base62:120}}', { stripeContext: 'acct_{{base62:16}}' });",
      'curl https://api.stripe.com/v1/customers -u sk_org_{{base62:64}}: -H "Stripe-Context: acct_{{base62:16}}"',
      'stripe_org_key = "sk_org_live_{{base62:99}}"',
    ],
    negativeExamples: [
      // Look-alikes that share the letters: identifiers such as `task_org_…` and `mask_org_…`.
      'CREATE INDEX customer_task_org_idx ON customer_tasks (organization_id_{{lower:24}});',
      'mask_org_{{base62:30}} = mask_to_image(mask[0])',
      'STRIPE_ORG_API_KEY=sk_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'STRIPE_ORG_API_KEY=sk_org_{{base62:12}}',
      'Organization API keys are prefixed sk_org and need the Stripe-Context header.',
    ],
    fix: {
      env: 'STRIPE_ORG_API_KEY',
      provider: 'Stripe',
      rotate: [
        "Open your organization's Dashboard → API keys (https://dashboard.stripe.com/org/api-keys/secret).",
        'Create a new organization key limited to the resources and permissions the integration needs, and copy it.',
        'Put the new key in your secrets manager or environment and redeploy every service that uses it.',
        "Expire the leaked key, then check each account's Developers → Logs for requests made with it.",
      ],
      docs: 'https://docs.stripe.com/keys/organization-api-keys',
    },
    guide: {
      grants:
        'An organization API key authenticates calls to any account in the Stripe Organization (chosen with the Stripe-Context header), within the permissions it was given.',
      risks:
        'An attacker can read customer and payment data, create charges, refunds or payouts and change settings in every account of the organization that the key can reach.',
      checkMisuse:
        "Each account's Workbench / Developers → Logs shows the requests made with the key; look for unfamiliar IP addresses, refunds, payouts or new webhook endpoints across the organization's accounts.",
    },
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
