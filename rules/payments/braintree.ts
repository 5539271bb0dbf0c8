// Braintree access tokens (used by the PayPal / Braintree SDKs): https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials
// `access_token$<environment>$<merchant id>$<32 hex>`; the environment is spelled out, so sandbox tokens are
// recognised from the token itself.
import type { Rule } from '../schema.js';

const rotate = [
  'Revoke the access token: in the PayPal Developer Dashboard or Braintree Control Panel, disconnect the linked account or revoke the OAuth grant that issued it.',
  'Issue a new access token (re-link the account or generate new API credentials) and store it in your secrets manager.',
  'Redeploy every service that uses it.',
  'Review Braintree Control Panel → Transactions and the API log for charges, refunds or vault access you did not make.',
];

export const braintreeRules: Rule[] = [
  {
    id: 'braintree-access-token',
    title: 'Braintree production access token',
    severity: 'critical',
    keywords: ['access_token$production$'],
    // Length: merchant ids of 12–20 characters (observed range; Braintree documents none), then 32 hex.
    pattern: '(?<secret>access_token\\$production\\$[0-9a-z]{12,20}\\$[0-9a-f]{32})(?![0-9A-Za-z])',
    entropy: 3,
    examples: [
      'BRAINTREE_ACCESS_TOKEN=access_token$production${{lower:16}}${{hex:32}}',
      "const gateway = new braintree.BraintreeGateway({ accessToken: 'access_token$production${{lower:16}}${{hex:32}}' });",
      'gateway = braintree.BraintreeGateway(access_token="access_token$production${{lower:16}}${{hex:32}}")',
    ],
    negativeExamples: [
      'BRAINTREE_ACCESS_TOKEN=access_token$sandbox${{lower:16}}${{hex:32}}',
      'BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant_id>$<token>',
      'token = "access_token$production${{lower:16}}${{hex:12}}"',
    ],
    fix: {
      env: 'BRAINTREE_ACCESS_TOKEN',
      provider: 'Braintree (PayPal)',
      rotate,
      docs: 'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials',
    },
    guide: {
      grants:
        'A production access token authenticates server-side Braintree calls for the merchant: creating transactions, refunds and reading vaulted customers and payment methods.',
      risks:
        'An attacker can refund money to themselves, charge vaulted payment methods, and read customer and transaction data.',
      checkMisuse:
        'Check Braintree Control Panel → Transactions and Disputes for activity you did not create, and the PayPal account activity linked to the token.',
    },
  },
  {
    id: 'braintree-sandbox-access-token',
    title: 'Braintree sandbox access token',
    severity: 'low',
    testKey: true,
    keywords: ['access_token$sandbox$'],
    // Length: as production tokens (observed range).
    pattern: '(?<secret>access_token\\$sandbox\\$[0-9a-z]{12,20}\\$[0-9a-f]{32})(?![0-9A-Za-z])',
    entropy: 3,
    examples: [
      'BRAINTREE_ACCESS_TOKEN=access_token$sandbox${{lower:16}}${{hex:32}}',
      "accessToken: 'access_token$sandbox${{lower:16}}${{hex:32}}'",
      'braintree_token = "access_token$sandbox${{lower:14}}${{hex:32}}"',
    ],
    negativeExamples: [
      'BRAINTREE_ACCESS_TOKEN=access_token$production${{lower:16}}${{hex:32}}',
      'BRAINTREE_ACCESS_TOKEN=access_token$sandbox$<merchant_id>$<token>',
      'access_token$sandbox${{lower:16}}$',
    ],
    fix: {
      env: 'BRAINTREE_ACCESS_TOKEN',
      provider: 'Braintree (PayPal)',
      rotate: rotate.slice(0, 3),
      docs: 'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials',
    },
    guide: {
      grants:
        'A sandbox access token works only against the Braintree sandbox: test transactions and test customers, no real money.',
      risks:
        'Low impact: an attacker can create or delete sandbox data, which can disturb your tests but reaches no real customer or payment.',
      checkMisuse:
        'Review the sandbox Control Panel for unexpected test transactions; replacing the token is usually enough.',
    },
  },
];
