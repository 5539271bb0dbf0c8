// Plaid credentials: https://plaid.com/docs/api/#api-access
// The secret is 30 hex characters (one per environment), the client_id 24 hex and public-ish (an identifier).
// Item access tokens are `access-<environment>-<uuid>`; `public-…` and `link-…` tokens are short-lived and only
// useful with the secret. Sandbox secrets are recognised only by a "sandbox" on the same line (PLAID_SANDBOX_SECRET,
// PLAID_ENV=sandbox …) since nothing in the value itself says which environment it belongs to.
import type { Rule } from '../schema.js';

const NEAR_WORDS = { words: ['plaid'], lines: 3 };
const SECRET = '[0-9a-f]{30}';
const SANDBOX = '(?:sandbox|Sandbox|SANDBOX)';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_EXAMPLE = '{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}';

const rotateSecret = [
  'In the Plaid Dashboard open Developers → Keys and rotate the secret for the affected environment.',
  'Store the new secret in your secrets manager or environment and redeploy every service that calls Plaid.',
  'Delete the old secret on the Keys page once nothing uses it.',
  'Review Dashboard → Activity / Logs for API calls and new Items you did not create.',
];

const secretGuide = {
  grants:
    'Together with the client_id, the secret authenticates every Plaid API call for your team in that environment, including creating link tokens and using any access token.',
  risks:
    "With the secret and an Item's access token, an attacker can read your users' bank balances, transactions, identity and account numbers, or start transfers.",
  checkMisuse:
    "Check the Plaid Dashboard's Activity and API logs for requests from unknown IPs, and your Items for unexpected product calls.",
};

export const plaidRules: Rule[] = [
  {
    id: 'plaid-secret',
    title: 'Plaid API secret',
    severity: 'critical',
    keywords: [],
    near: NEAR_WORDS,
    pattern: `(?<![0-9A-Za-z])(?<secret>${SECRET})(?![0-9A-Za-z])(?<!${SANDBOX}[^\\n]{0,200})(?![^\\n]{0,150}${SANDBOX})`,
    entropy: 3,
    examples: [
      'PLAID_SECRET={{hex:30}}',
      "const plaidClient = new PlaidApi(new Configuration({ basePath: PlaidEnvironments.production, baseOptions: { headers: { 'PLAID-CLIENT-ID': clientId, 'PLAID-SECRET': '{{hex:30}}' } } }));",
      'plaid_secret: "{{hex:30}}"',
    ],
    negativeExamples: [
      'PLAID_CLIENT_ID={{hex:24}}',
      'PLAID_SANDBOX_SECRET={{hex:30}}',
      'PLAID_ENV=sandbox PLAID_SECRET={{hex:30}} npm start',
      'trace_id = "{{hex:30}}"',
    ],
    fix: {
      env: 'PLAID_SECRET',
      provider: 'Plaid',
      rotate: rotateSecret,
      docs: 'https://plaid.com/docs/api/#api-access',
    },
    guide: secretGuide,
  },
  {
    id: 'plaid-sandbox-secret',
    title: 'Plaid sandbox secret',
    severity: 'low',
    testKey: true,
    keywords: [],
    near: NEAR_WORDS,
    pattern: `(?<![0-9A-Za-z])(?<secret>${SECRET})(?![0-9A-Za-z])(?:(?<=${SANDBOX}[^\\n]{0,200})|(?=[^\\n]{0,150}${SANDBOX}))`,
    entropy: 3,
    examples: [
      'PLAID_SANDBOX_SECRET={{hex:30}}',
      'PLAID_ENV=sandbox PLAID_SECRET={{hex:30}} npm start',
      "plaid: { secret: '{{hex:30}}', env: 'sandbox' }",
    ],
    negativeExamples: ['PLAID_SECRET={{hex:30}}', 'PLAID_SANDBOX_CLIENT_ID={{hex:24}}', 'sandbox_build = "{{hex:30}}"'],
    fix: {
      env: 'PLAID_SECRET',
      provider: 'Plaid',
      rotate: rotateSecret.slice(0, 3),
      docs: 'https://plaid.com/docs/sandbox/',
    },
    guide: {
      grants:
        "A sandbox secret works only in Plaid's Sandbox environment, where Items are test institutions with fake data.",
      risks: 'Low impact: an attacker can create test Items and use your Sandbox quota, but reaches no real bank data.',
      checkMisuse:
        "Rotating the sandbox secret is usually enough; the Dashboard's Sandbox activity shows calls made with it.",
    },
  },
  {
    id: 'plaid-access-token',
    title: 'Plaid Item access token',
    severity: 'high',
    keywords: ['access-production-', 'access-development-'],
    pattern: `(?<![A-Za-z0-9_-])(?<secret>access-(?:production|development)-${UUID})(?![A-Za-z0-9_-])`,
    entropy: 3,
    examples: [
      `PLAID_ACCESS_TOKEN=access-production-${UUID_EXAMPLE}`,
      `client.transactions_sync(TransactionsSyncRequest(access_token="access-production-${UUID_EXAMPLE}"))`,
      `{ "access_token": "access-development-${UUID_EXAMPLE}", "item_id": "{{base62:37}}" }`,
    ],
    negativeExamples: [
      `public_token = "public-production-${UUID_EXAMPLE}"`,
      `link_token: link-production-${UUID_EXAMPLE}`,
      'PLAID_ACCESS_TOKEN=access-production-<uuid>',
      `PLAID_ACCESS_TOKEN=access-sandbox-${UUID_EXAMPLE}`,
    ],
    fix: {
      env: 'PLAID_ACCESS_TOKEN',
      provider: 'Plaid',
      rotate: [
        'Call /item/access_token/invalidate with the leaked token to get a new access token for the same Item (or /item/remove to end access).',
        'Store the new token encrypted in your database or secrets manager, never in source.',
        'Rotate the Plaid secret too if it may have leaked alongside.',
        'Review the Plaid Dashboard logs for calls on that Item you did not make.',
      ],
      docs: 'https://plaid.com/docs/api/items/#itemaccess_tokeninvalidate',
    },
    guide: {
      grants:
        "An access token is the permanent link to one user's bank connection (Item); with your client_id and secret it reads that user's accounts for the products they consented to.",
      risks:
        "Together with a leaked secret an attacker can read the user's balances, transactions, identity and account/routing numbers, or initiate transfers.",
      checkMisuse:
        "Check the Plaid Dashboard logs for the Item's API calls, and tell the affected users if their data may have been read.",
    },
  },
  {
    id: 'plaid-sandbox-access-token',
    title: 'Plaid sandbox access token',
    severity: 'low',
    testKey: true,
    keywords: ['access-sandbox-'],
    pattern: `(?<![A-Za-z0-9_-])(?<secret>access-sandbox-${UUID})(?![A-Za-z0-9_-])`,
    entropy: 3,
    examples: [
      `PLAID_ACCESS_TOKEN=access-sandbox-${UUID_EXAMPLE}`,
      `const res = await plaid.accountsGet({ access_token: 'access-sandbox-${UUID_EXAMPLE}' });`,
      `access_token: access-sandbox-${UUID_EXAMPLE}`,
    ],
    negativeExamples: [
      `public_token = "public-sandbox-${UUID_EXAMPLE}"`,
      'PLAID_ACCESS_TOKEN=access-sandbox-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      `PLAID_ACCESS_TOKEN=access-production-${UUID_EXAMPLE}`,
    ],
    fix: {
      env: 'PLAID_ACCESS_TOKEN',
      provider: 'Plaid',
      rotate: [
        'Call /item/access_token/invalidate (or /item/remove) in Sandbox for the leaked token.',
        'Keep sandbox tokens out of source as well, e.g. in a local .env that is not committed.',
      ],
      docs: 'https://plaid.com/docs/sandbox/',
    },
    guide: {
      grants: "A sandbox access token reaches a test Item in Plaid's Sandbox, filled with fake institution data.",
      risks: 'Low impact: with the sandbox secret an attacker can only read or alter fake test data.',
      checkMisuse: 'Nothing real is exposed; invalidating the token and keeping it out of the repository is enough.',
    },
  },
];
