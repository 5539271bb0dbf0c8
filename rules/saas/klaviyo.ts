// Klaviyo private API keys: https://developers.klaviyo.com/en/docs/retrieve_api_credentials
// `pk_` + 34 hex characters, and the newer `pk_<id>_<hex>` form. The 6-character public key (site id) is safe to
// share and is not a finding. Stripe's publishable keys (`pk_live_…`, `pk_test_…`) are excluded explicitly.
// Customer.io's public keys (since 2026-10-30) start with `pk_` too and their body is not published: they are
// public by design, so a `pk_` key on a line that names Customer.io (or its SDKs' `cdpApiKey`), or under a JSON or
// YAML key that does, is not Klaviyo's.
import type { Rule } from '../schema.js';

export const klaviyoRules: Rule[] = [
  {
    id: 'klaviyo-private-api-key',
    title: 'Klaviyo private API key',
    severity: 'high',
    keywords: ['pk_'],
    // Length: 34 hex in the classic form; the newer form's id (3–12) and secret (32–40 hex) are the observed
    // range (Klaviyo documents the prefix only).
    pattern:
      '(?<![0-9a-zA-Z_])(?<secret>pk_(?:[0-9a-f]{34}|(?!live_|test_)[0-9a-zA-Z]{3,12}_[0-9a-f]{32,40}))(?![0-9a-zA-Z])',
    entropy: 3,
    notOnLineWith: ['customerio', 'customer.io', 'customer_io', 'customer-io', 'cdpapikey', 'cdp_api_key'],
    // …or on a key that encloses it: `"customerio": { "publicKey": "pk_…" }`.
    notUnderKeyWith: ['customerio', 'customer.io', 'customer_io', 'customer-io'],
    examples: [
      'KLAVIYO_PRIVATE_API_KEY=pk_{{hex:34}}',
      "headers: { Authorization: 'Klaviyo-API-Key pk_{{hex:34}}' }",
      'klaviyo_api_key = "pk_{{lower:6}}_{{hex:34}}"',
      // A source map's embedded code: Customer.io is named on the next line of that code (an escaped line break).
      '{"sourcesContent":["const klaviyoKey = \'pk_{{lower:6}}_{{hex:32}}\';\\nconst cio = new CustomerIO({ region: \'eu\' });"]}',
      // Customer.io's block beside the key, not around it.
      'services:\n  customerio:\n    site_id: {{hex:20}}\n  klaviyo_key: pk_{{hex:34}}',
      // Nested blocks, none of them Customer.io's.
      '{\n  "marketing": {\n    "klaviyo": {\n      "privateKey": "pk_{{hex:34}}"\n    }\n  }\n}',
    ],
    negativeExamples: [
      'STRIPE_PUBLISHABLE_KEY=pk_live_{{base62:99}}',
      'stripe_pk = "pk_test_{{base62:40}}"',
      'KLAVIYO_PUBLIC_KEY=Ab3xYz',
      'klaviyo.init({ company_id: "{{alpha:6}}" })',
      'pk_{{hex:20}}',
      // Customer.io public keys, wherever their body happens to fit Klaviyo's shape.
      'CUSTOMERIO_PUBLIC_KEY=pk_{{hex:34}}',
      '{"sourcesContent":["const customerioPublicKey = \'pk_{{hex:34}}\';\\nexport default customerioPublicKey;"]}',
      "CustomerIO.initialize({ cdpApiKey: 'pk_{{lower:2}}_{{hex:32}}' })",
      // …named on the line above, where the value stands alone: a Kubernetes entry, a Terraform variable.
      '- name: NEXT_PUBLIC_CUSTOMERIO_KEY\n  value: pk_{{hex:34}}',
      'variable "next_public_customerio_key" {\n  type    = string\n  default = "pk_{{hex:34}}"\n}',
      // …or on a key that encloses it.
      '{\n  "customerio": {\n    "siteId": "{{hex:20}}",\n    "publicKey": "pk_{{hex:34}}"\n  }\n}',
      'integrations:\n  customer_io:\n    public_key: pk_{{hex:34}}',
    ],
    fix: {
      env: 'KLAVIYO_PRIVATE_API_KEY',
      provider: 'Klaviyo',
      rotate: [
        'In Klaviyo open Settings → API keys (https://www.klaviyo.com/settings/account/api-keys).',
        'Create a new private API key with only the scopes the integration needs, and copy it (Klaviyo shows it once).',
        'Store it in your secrets manager or environment and redeploy every service that uses the old key.',
        'Revoke the old key on the same page, then watch your integrations for authentication errors.',
      ],
      docs: 'https://developers.klaviyo.com/en/docs/retrieve_api_credentials',
      leastPrivilege:
        'Create the new private key with custom scopes (Read-only, or Full access to only the APIs the integration calls) rather than full access to everything.',
    },
    guide: {
      grants:
        'A private API key reads and writes your Klaviyo account through the /api endpoints, within its scopes: profiles (names, emails, phone numbers), lists, segments, campaigns, flows and events.',
      risks:
        "An attacker can export your customers' personal data, send email or SMS campaigns from your brand to your audience (phishing), or delete lists and flows.",
      checkMisuse:
        "Review recent campaigns, exports and list changes in Klaviyo, and the account's activity log; unexpected API-created campaigns or bulk profile exports are signs of misuse.",
    },
  },
];
