// Square credentials: https://developer.squareup.com/docs/build-basics/access-tokens
// Access tokens (personal and OAuth) are `EAAA` + 60 base64url characters (64 in all); legacy personal access
// tokens were `sq0atp-` + 22. Application secrets are `sq0csp-` + 43 (sandbox: `sandbox-sq0csb-`). Application ids
// (`sq0idp-…`, `sandbox-sq0idb-…`) and location ids are public.
// Sandbox and production access tokens share the `EAAA` prefix: a token starting `EAAAE`, or one on a line that
// says sandbox (SQUARE_SANDBOX_ACCESS_TOKEN, Environment.Sandbox, squareupsandbox.com), counts as sandbox.
import type { Rule } from '../schema.js';

const TOKEN = 'EAAA[A-Za-z0-9_-]{60}';
const BEFORE = '(?<![A-Za-z0-9_-])';
const AFTER = '(?![A-Za-z0-9_-])';
const SANDBOX = '(?:sandbox|Sandbox|SANDBOX)';
// Evaluated right after the 64-character token: "sandbox" earlier on the line, or later on it.
const SANDBOX_BEFORE = `(?<=${SANDBOX}[^\\n]{0,214})`;
const SANDBOX_AFTER = `(?=[^\\n]{0,150}${SANDBOX})`;

const rotateAccessToken = [
  'Open the Square Developer Console (https://developer.squareup.com/apps), select the application and its Credentials page for the right environment.',
  'Replace the personal access token (or revoke the OAuth token with RevokeToken and have the seller re-authorize).',
  'Store the new token in your secrets manager or environment and redeploy every service that uses it.',
  "Review the seller Dashboard's transactions, refunds and API logs for activity you did not initiate.",
];

const guideAccess = (what: string) => ({
  grants: `${what} It calls the Square APIs for the seller account within its scopes: payments, refunds, orders, customers, catalog and more.`,
  risks:
    'An attacker can issue refunds to cards they control, read customer and transaction data, and change catalog items, prices or locations.',
  checkMisuse:
    "Check the Square Dashboard for refunds, payments and customer exports you did not make, and the Developer Console's API Logs for calls from unknown IPs.",
});

export const squareRules: Rule[] = [
  {
    id: 'square-access-token',
    title: 'Square production access token',
    severity: 'critical',
    keywords: ['eaaa', 'sq0atp-'],
    pattern: `${BEFORE}(?<secret>EAAA(?!E)[A-Za-z0-9_-]{60}(?<!${SANDBOX}[^\\n]{0,214})(?![^\\n]{0,150}${SANDBOX})|sq0atp-[A-Za-z0-9_-]{22})${AFTER}`,
    entropy: 3.5,
    examples: [
      'SQUARE_ACCESS_TOKEN=EAAAl{{base64url:59}}',
      "const client = new SquareClient({ token: 'EAAAF{{base64url:59}}', environment: SquareEnvironment.Production });",
      'SQUARE_PERSONAL_ACCESS_TOKEN=sq0atp-{{base64url:22}}',
    ],
    negativeExamples: [
      'SQUARE_SANDBOX_ACCESS_TOKEN=EAAAl{{base64url:59}}',
      'SQUARE_ACCESS_TOKEN=EAAAE{{base64url:59}}',
      'SQUARE_APPLICATION_ID=sq0idp-{{base64url:22}}',
      'fb_token = "EAAB{{base64url:180}}"',
      'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: {
      env: 'SQUARE_ACCESS_TOKEN',
      provider: 'Square',
      rotate: rotateAccessToken,
      docs: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    },
    guide: guideAccess('A production access token acts on a real seller account with real money.'),
  },
  {
    id: 'square-sandbox-access-token',
    title: 'Square sandbox access token',
    severity: 'low',
    testKey: true,
    keywords: ['eaaa'],
    pattern: `${BEFORE}(?<secret>${TOKEN})${AFTER}(?:(?<=EAAAE[A-Za-z0-9_-]{59})|${SANDBOX_BEFORE}|${SANDBOX_AFTER})`,
    entropy: 3.5,
    examples: [
      'SQUARE_SANDBOX_ACCESS_TOKEN=EAAAl{{base64url:59}}',
      'SQUARE_ACCESS_TOKEN=EAAAE{{base64url:59}}',
      "const client = new Client({ accessToken: 'EAAAF{{base64url:59}}', environment: Environment.Sandbox });",
    ],
    negativeExamples: [
      'SQUARE_ACCESS_TOKEN=EAAAl{{base64url:59}}',
      'SQUARE_SANDBOX_APPLICATION_ID=sandbox-sq0idb-{{base64url:22}}',
      'SQUARE_SANDBOX_ACCESS_TOKEN=EAAA_sandbox_xxxxxxxxx',
    ],
    fix: {
      env: 'SQUARE_ACCESS_TOKEN',
      provider: 'Square',
      rotate: rotateAccessToken,
      docs: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    },
    guide: guideAccess("A sandbox access token only reaches Square's sandbox test accounts: no real money moves."),
  },
  {
    id: 'square-application-secret',
    title: 'Square application secret (OAuth client secret)',
    severity: 'high',
    keywords: ['sq0csp-'],
    pattern: `${BEFORE}(?<secret>sq0csp-[A-Za-z0-9_-]{43})${AFTER}`,
    entropy: 3.5,
    examples: [
      'SQUARE_APPLICATION_SECRET=sq0csp-{{base64url:43}}',
      "oauth: { clientId: 'sq0idp-{{base64url:22}}', clientSecret: 'sq0csp-{{base64url:43}}' }",
      'client_secret = "sq0csp-{{base64url:43}}"',
    ],
    negativeExamples: [
      'SQUARE_APPLICATION_ID=sq0idp-{{base64url:22}}',
      'SQUARE_APPLICATION_SECRET=sq0csp-{{base64url:12}}',
      'SQUARE_APPLICATION_SECRET=sq0csp-<your application secret>',
    ],
    fix: {
      env: 'SQUARE_APPLICATION_SECRET',
      provider: 'Square',
      rotate: [
        'Open the Square Developer Console, select the application and go to OAuth (Production).',
        'Choose "Replace secret" to issue a new application secret, and copy it.',
        'Deploy the new secret to the service that runs the OAuth code exchange and token refresh.',
        "Review the application's authorized sellers and recent token grants for ones you did not expect.",
      ],
      docs: 'https://developer.squareup.com/docs/oauth-api/overview',
    },
    guide: {
      grants:
        'The application secret lets its holder exchange authorization codes and refresh tokens for access tokens on behalf of every seller who authorized your app.',
      risks:
        "Combined with a refresh token or an intercepted code, an attacker can mint access tokens for your sellers' accounts and act on their payments and customers.",
      checkMisuse:
        'Check the OAuth token activity and API Logs for your application in the Developer Console, and ask affected sellers to review their Dashboard activity.',
    },
  },
  {
    id: 'square-sandbox-application-secret',
    title: 'Square sandbox application secret',
    severity: 'low',
    testKey: true,
    keywords: ['sandbox-sq0csb-'],
    pattern: `${BEFORE}(?<secret>sandbox-sq0csb-[A-Za-z0-9_-]{43})${AFTER}`,
    entropy: 3.5,
    examples: [
      'SQUARE_SANDBOX_APPLICATION_SECRET=sandbox-sq0csb-{{base64url:43}}',
      "clientSecret: 'sandbox-sq0csb-{{base64url:43}}'",
      'square_client_secret = "sandbox-sq0csb-{{base64url:43}}"',
    ],
    negativeExamples: [
      'SQUARE_SANDBOX_APPLICATION_ID=sandbox-sq0idb-{{base64url:22}}',
      'clientSecret: sandbox-sq0csb-{{base64url:10}}',
      'clientSecret: sandbox-sq0csb-...',
    ],
    fix: {
      env: 'SQUARE_APPLICATION_SECRET',
      provider: 'Square',
      rotate: [
        'Open the Square Developer Console, select the application, switch to Sandbox and go to OAuth.',
        'Replace the sandbox application secret and deploy the new one to your test environment.',
      ],
      docs: 'https://developer.squareup.com/docs/oauth-api/overview',
    },
    guide: {
      grants:
        "A sandbox application secret runs the OAuth flow against Square's sandbox only: it reaches test seller accounts, never real payments.",
      risks:
        'Low impact: an attacker can mint tokens for your sandbox test accounts and tamper with test data, which can mislead your own tests.',
      checkMisuse:
        'Review the sandbox test accounts in the Developer Console for unexpected data; replacing the secret is usually enough.',
    },
  },
];
