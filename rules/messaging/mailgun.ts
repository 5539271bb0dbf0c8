// Mailgun credentials: https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials
// Legacy account keys are `key-` + 32 hex; current account and domain sending keys are `<32 hex>-<8 hex>-<8 hex>`.
// The HTTP webhook signing key has the legacy form too (`key-` + 32 hex, or 32 bare hex), so it is told apart by
// the name it is assigned to (…SIGNING_KEY), and the API key rule steps aside on such assignments.
// Public validation keys (`pubkey-` + 32 hex) are public by design.
import type { Rule } from '../schema.js';

const NEAR_WORDS = { words: ['mailgun'], lines: 3 };
const SIGNING_NAME = '(?:SIGNING_KEY|signing_key|[Ss]igningKey|SIGNING-KEY|signing-key)';
// `=`, `:` or `=>` with optional quotes on either side (also JSON-escaped or shell-spliced ones like '"'"').
const ASSIGN = '[\\\\"\']{0,6}\\s{0,3}(?:=>|[:=])\\s{0,3}[\\\\"\']{0,6}';

const rotateApiKey = [
  "In Mailgun open Settings → API Security (account keys) or the domain's Sending Keys, and create a new key.",
  'Store it in your secrets manager or environment and redeploy every service that sends mail or calls the API.',
  'Delete the leaked key on the same page.',
  'Review Reporting → Logs for messages and API calls you did not make, and the domain list and routes for changes.',
];

export const mailgunRules: Rule[] = [
  {
    id: 'mailgun-api-key',
    title: 'Mailgun API key (legacy key- format)',
    severity: 'high',
    keywords: ['key-'],
    near: NEAR_WORDS,
    pattern: `(?<![A-Za-z0-9_-])(?<!${SIGNING_NAME}${ASSIGN})(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9])`,
    entropy: 3,
    examples: [
      'MAILGUN_API_KEY=key-{{hex:32}}',
      "const mg = mailgun.client({ username: 'api', key: 'key-{{hex:32}}' });",
      'requests.post(MAILGUN_URL, auth=("api", "key-{{hex:32}}"))',
    ],
    negativeExamples: [
      'MAILGUN_PUBLIC_KEY=pubkey-{{hex:32}}',
      'cache_key = "key-{{hex:32}}"',
      'MAILGUN_WEBHOOK_SIGNING_KEY=key-{{hex:32}}',
      'MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: {
      env: 'MAILGUN_API_KEY',
      provider: 'Mailgun',
      rotate: rotateApiKey,
      docs: 'https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials',
    },
    guide: {
      grants:
        "A legacy Mailgun account key authenticates the whole account's API: sending on every domain, logs, routes, suppressions, webhooks and domain settings.",
      risks:
        'An attacker can send phishing from your verified domains, read message logs and stored messages, and add routes that forward your inbound mail to them.',
      checkMisuse:
        'Check Reporting → Logs for sends you did not make, and Receiving → Routes, Webhooks and Domains for entries you did not add.',
    },
  },
  {
    id: 'mailgun-private-api-key',
    title: 'Mailgun API key or domain sending key',
    severity: 'high',
    keywords: [],
    near: NEAR_WORDS,
    pattern: '(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])',
    entropy: 3,
    examples: [
      'MAILGUN_API_KEY={{hex:32}}-{{hex:8}}-{{hex:8}}',
      "mailgun: { apiKey: '{{hex:32}}-{{hex:8}}-{{hex:8}}', domain: 'mg.example.com' }",
      'mailgun_client = Client(auth=("api", "{{hex:32}}-{{hex:8}}-{{hex:8}}"))',
    ],
    negativeExamples: [
      'build_id = "{{hex:32}}-{{hex:8}}-{{hex:8}}"',
      'MAILGUN_DOMAIN=mg.example.com',
      'MAILGUN_API_KEY={{hex:32}}',
      'MAILGUN_API_KEY=${MAILGUN_API_KEY}',
    ],
    fix: {
      env: 'MAILGUN_API_KEY',
      provider: 'Mailgun',
      rotate: rotateApiKey,
      docs: 'https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials',
    },
    guide: {
      grants:
        'An account API key calls the whole Mailgun API for the account; a domain sending key can only send mail through its one domain.',
      risks:
        'An attacker can send phishing or spam from your authenticated domains and, with an account key, read logs and stored messages or reroute inbound mail.',
      checkMisuse:
        'Review Reporting → Logs for unexpected sends and recipients, and the API key list, routes and webhooks for changes.',
    },
  },
  {
    id: 'mailgun-webhook-signing-key',
    title: 'Mailgun HTTP webhook signing key',
    severity: 'medium',
    keywords: ['signing_key', 'signingkey', 'signing-key'],
    near: NEAR_WORDS,
    pattern: `${SIGNING_NAME}${ASSIGN}(?<secret>(?:key-)?[0-9a-f]{32})(?![A-Za-z0-9])`,
    entropy: 3,
    examples: [
      'MAILGUN_WEBHOOK_SIGNING_KEY=key-{{hex:32}}',
      "mailgun: { signingKey: '{{hex:32}}' }",
      '{ "http_signing_key": "key-{{hex:32}}" }  // mailgun',
    ],
    negativeExamples: [
      'MAILGUN_WEBHOOK_SIGNING_KEY=key-xxx',
      'JWT_SIGNING_KEY={{hex:32}}',
      'mailgun_signature = "{{hex:64}}"',
    ],
    fix: {
      env: 'MAILGUN_WEBHOOK_SIGNING_KEY',
      provider: 'Mailgun',
      rotate: [
        'In Mailgun open Settings → API Security (HTTP webhook signing key) and reset the key.',
        'Deploy the new key to the services that verify webhook signatures.',
        'Watch the webhook endpoints for signature failures until every verifier uses the new key.',
      ],
      docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks',
    },
    guide: {
      grants:
        'The signing key is the HMAC key Mailgun uses to sign webhook events; your server uses it to verify an event came from Mailgun.',
      risks:
        'An attacker can forge delivery, bounce, complaint or unsubscribe events your server will trust, corrupting suppression lists or triggering workflows.',
      checkMisuse:
        "Compare events your endpoint processed with Mailgun's own logs: an accepted event with no matching Mailgun log entry was forged.",
    },
  },
];
