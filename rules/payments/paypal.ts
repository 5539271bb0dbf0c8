// PayPal REST API app credentials: https://developer.paypal.com/api/rest/
// Client ids and client secrets are both 80 base64url characters; the client id starts with `A` and is public
// (it ships in the JS SDK URL), the secret starts with `E`. Nothing else marks the secret, so PayPal near words
// are required.
import type { Rule } from '../schema.js';

export const paypalRules: Rule[] = [
  {
    id: 'paypal-client-secret',
    title: 'PayPal REST API client secret',
    severity: 'critical',
    keywords: [],
    near: { words: ['paypal'], lines: 3 },
    pattern: '(?<![A-Za-z0-9_-])(?<secret>E[A-Za-z0-9_-]{79})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'PAYPAL_CLIENT_SECRET=E{{base64url:79}}',
      "paypal.configure({ mode: 'live', client_id: 'A{{base64url:79}}', client_secret: 'E{{base64url:79}}' });",
      'auth = ("A{{base64url:79}}", "E{{base64url:79}}")  # PayPal OAuth client credentials',
    ],
    negativeExamples: [
      'PAYPAL_CLIENT_ID=A{{base64url:79}}',
      '<script src="https://www.paypal.com/sdk/js?client-id=A{{base64url:79}}"></script>',
      'signature = "E{{base64url:79}}"',
      'PAYPAL_CLIENT_SECRET=E{{base64url:40}}',
    ],
    fix: {
      env: 'PAYPAL_CLIENT_SECRET',
      provider: 'PayPal',
      rotate: [
        'In the PayPal Developer Dashboard open Apps & Credentials, select the app (Live or Sandbox).',
        'Generate a new secret for the app, and copy it.',
        'Deploy the new secret from your secrets manager, then disable or delete the leaked secret on the same page.',
        "Review the PayPal account's Activity for payments, refunds or payouts you did not make.",
      ],
      docs: 'https://developer.paypal.com/api/rest/',
    },
    guide: {
      grants:
        "With the client id, the secret obtains OAuth access tokens for the app: orders, captures, refunds, payouts and subscriptions on the merchant account, per the app's features.",
      risks:
        'An attacker can refund or pay out money to accounts they control, read transaction and buyer data, and cancel subscriptions.',
      checkMisuse:
        "Check the PayPal account's Activity and Reports (refunds, payouts), and the app's API call history in the Developer Dashboard.",
    },
  },
];
