// Twilio credentials: https://www.twilio.com/docs/iam/api-keys and https://www.twilio.com/docs/iam/credentials/api
// The Account SID (`AC` + 32 hex) and API key SID (`SK` + 32 hex) are identifiers, not secrets. The secrets are the
// account Auth Token (32 lowercase hex) and an API key's secret (32 base62 characters). Neither has a prefix, so
// both need Twilio near words; the API key secret must also contain an upper-case letter, which keeps the two
// rules from reporting the same hex value twice.
import type { Rule } from '../schema.js';

const NEAR_WORDS = { words: ['twilio'], lines: 3 };

export const twilioRules: Rule[] = [
  {
    id: 'twilio-auth-token',
    title: 'Twilio account Auth Token',
    severity: 'critical',
    keywords: [],
    near: NEAR_WORDS,
    // Same-shaped hex named as something else: trace ids, digests, DSN keys.
    // Algolia's search-only key (public, made for browsers) is 32 lowercase hex characters too, often named only as
    // a search key.
    notOnLineWith: [
      'trace',
      'span_id',
      'request_id',
      'sentry',
      'checksum',
      'sha256',
      'md5',
      'digest',
      'etag',
      'hash',
      'algolia',
      'search_key',
      'searchkey',
      'search-key',
      'search_api_key',
      'searchapikey',
    ],
    // Not a run inside a longer token (`whsec_…`, a path, a base64 line): `_`, `-`, `+`, `/`, `=` continue it.
    pattern: '(?<![0-9A-Za-z_+/-])(?<secret>[0-9a-f]{32})(?![0-9A-Za-z_+/=@-])',
    entropy: 3,
    examples: [
      'TWILIO_AUTH_TOKEN={{hex:32}}',
      "const client = require('twilio')('AC{{hex:32}}', '{{hex:32}}');",
      'twilio_client = Client(account_sid, "{{hex:32}}")',
    ],
    negativeExamples: [
      'twilio webhook trace_id={{hex:32}}',
      'TWILIO_ACCOUNT_SID=AC{{hex:32}}',
      'TWILIO_API_KEY=SK{{hex:32}}',
      'etag = "{{hex:32}}"',
      'TWILIO_AUTH_TOKEN=your_auth_token',
      'TWILIO_STATUS_CALLBACK=https://hooks.example.org/twilio/{{hex:32}}/status',
      // A public Algolia search key a line below Twilio's settings.
      '"TwilioAccountSid": "AC{{hex:32}}",\n"NextPublicAlgoliaSearchKey": "{{hex:32}}",',
    ],
    fix: {
      env: 'TWILIO_AUTH_TOKEN',
      provider: 'Twilio',
      rotate: [
        'In the Twilio Console open Account → API keys & tokens → Auth Tokens and create a secondary Auth Token.',
        'Deploy the secondary token from your secrets manager to every service, and move long-lived integrations to API keys.',
        'Promote the secondary token to primary, which retires the leaked one.',
        'Review Monitor → Logs (messages, calls) and Billing for activity you did not initiate.',
      ],
      docs: 'https://www.twilio.com/docs/iam/credentials/api',
    },
    guide: {
      grants:
        'Together with the Account SID, the Auth Token authenticates as the whole Twilio account: every API, every phone number, subaccounts and billing.',
      risks:
        'An attacker can send SMS and place calls at your expense (toll fraud), read message and call logs with customer data, buy numbers and create API keys to keep access.',
      checkMisuse:
        "Check the Console's Monitor → Logs for messages and calls, Usage and Billing for spikes, and the list of API keys and phone numbers for additions.",
    },
  },
  {
    id: 'twilio-api-key-secret',
    title: 'Twilio API key secret',
    severity: 'high',
    keywords: [],
    near: NEAR_WORDS,
    // Not a run inside a longer token (`whsec_…`, a base64 line of a PEM body): `_`, `-`, `+`, `/`, `=` continue it.
    pattern: '(?<![0-9A-Za-z_+/-])(?<secret>(?=[0-9a-z]{0,31}[A-Z])[0-9A-Za-z]{32})(?![0-9A-Za-z_+/=-])',
    entropy: 3.5,
    examples: [
      'TWILIO_API_SECRET={{base62:32}}',
      "const client = twilio('SK{{hex:32}}', '{{base62:32}}', { accountSid: 'AC{{hex:32}}' });",
      'twilio_api_key_secret: "{{base62:32}}"  # api_key_sid: SK{{hex:32}}',
    ],
    negativeExamples: [
      // An API operation's name in an SDK that has a Twilio integration: camelCase words, not a key.
      '// Twilio integration\n"v2.listSnowflakeIntegrationAccounts": false,',
      'TWILIO_API_KEY_SID=SK{{hex:32}}',
      'TWILIO_AUTH_TOKEN={{hex:32}}',
      'session_secret = "{{base62:32}}"',
      'TWILIO_API_SECRET={{base62:20}}',
      // Another provider's secret, or a key body's line, a few lines from "twilio".
      'STRIPE_WEBHOOK_SECRET=whsec_{{base62:32}}  # for the twilio relay',
      '# twilio relay cert\nQ9+{{base62:32}}/x7{{base64:24}}',
      // The last line of a certificate's body pasted into code, 32 characters long.
      'import twilio\nCA = """\n-----BEGIN CERTIFICATE-----\n{{base64:64}}\n{{base62:32}}\n-----END CERTIFICATE-----\n"""',
      'twilio:\n  ca: |\n    -----BEGIN CERTIFICATE-----\n    {{base64:64}}\n    {{base62:32}}\n    -----END CERTIFICATE-----',
      // Generated SDK types: interface and option names.
      'export interface ConferenceParticipantListOptions { twilio: Twilio }',
    ],
    fix: {
      env: 'TWILIO_API_SECRET',
      provider: 'Twilio',
      rotate: [
        'In the Twilio Console open Account → API keys & tokens and create a new API key (Standard, or Restricted with only the permissions needed).',
        'Deploy the new key SID and secret from your secrets manager and redeploy the services that use them.',
        'Delete the leaked API key on the same page.',
        'Review Monitor → Logs and Usage for requests you did not make.',
      ],
      docs: 'https://www.twilio.com/docs/iam/api-keys',
    },
    guide: {
      grants:
        'With its SID, an API key secret calls the Twilio REST API for the account: a Standard key can use almost every API, a Restricted key only its granted permissions.',
      risks:
        'An attacker can send SMS and place calls at your expense, read message logs and recordings, and change phone number configuration.',
      checkMisuse:
        "Check Monitor → Logs and Usage in the Console for traffic you did not send, and the phone numbers' webhook settings for changes.",
    },
  },
];
