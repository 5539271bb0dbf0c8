// Adyen API keys: https://docs.adyen.com/development-resources/api-credentials
// Generated keys have a fixed three-part layout, `AQE…==-<44 base64>=-<16+ printable characters>`; the part
// before the first `-` starts `AQE` (commonly `AQEyhmfx…`). The secret group stops before the third part: it is
// short, holds arbitrary punctuation (`<`, `{`, `…`) that would trip the placeholder filter, and the first two parts
// already identify the key. Adyen near words are required.
import type { Rule } from '../schema.js';

export const adyenRules: Rule[] = [
  {
    id: 'adyen-api-key',
    title: 'Adyen API key',
    severity: 'critical',
    keywords: ['aqe'],
    near: { words: ['adyen'], lines: 10 },
    // Length: Adyen documents the layout, not the length: 60–200 and 42–44 (a 32-byte value in base64) are the
    // observed range.
    pattern: '(?<![A-Za-z0-9+/])(?<secret>AQE[A-Za-z0-9+/]{60,200}={0,2}-[A-Za-z0-9+/]{42,44}={0,2})(?![A-Za-z0-9+/=])',
    entropy: 4,
    examples: [
      "config.apiKey = 'AQEyhmfxK{{base64:97}}==-{{base64:43}}=-{{base62:16}}'; // adyen",
      'ADYEN_API_KEY=AQEyhmfxL{{base64:97}}==-{{base64:43}}=-{{base62:16}}',
      'adyen_client.xapikey = "AQEthmfx{{base64:90}}==-{{base64:43}}="',
      '"X-API-Key: AQEyhmfxL{{base64:97}}==-{{base64:43}}=-<{{base62:5}}{]{{base62:4}},7", // checkout-test.adyen.com',
    ],
    negativeExamples: [
      'ADYEN_API_KEY=AQEyhmfxK4...testkey...',
      'payload = "AQE{{base64:97}}==-{{base64:43}}=-{{base62:16}}"',
      'ADYEN_CLIENT_KEY=live_{{upper:32}}',
      'ADYEN_API_KEY=AQEyhmfx{{base64:20}}',
    ],
    fix: {
      env: 'ADYEN_API_KEY',
      provider: 'Adyen',
      rotate: [
        'In the Adyen Customer Area open Developers → API credentials and select the credential (ws_…@Company.…).',
        'Generate a new API key for it and save; the previous key stays valid until you revoke it.',
        'Deploy the new key from your secrets manager to every service, then revoke the old key on the same page.',
        "Review Transactions and the credential's activity for payments, refunds or payouts you did not make.",
      ],
      docs: 'https://docs.adyen.com/development-resources/api-credentials',
    },
    guide: {
      grants:
        "An Adyen API key authenticates the web service user's calls, within its roles: Checkout payments, modifications (refunds, captures), recurring details and management APIs.",
      risks:
        'An attacker can refund or pay out funds, charge stored payment details, read transaction data, and with management roles change webhooks or users.',
      checkMisuse:
        "Check Transactions → Payments and Modifications in the Customer Area for activity you did not start, and the credential's roles and allowed origins for changes.",
    },
  },
];
