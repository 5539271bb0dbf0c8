// Customer.io API credentials: https://customer.io/docs/api/
// Track API: Site ID + API key (20 hex each, used together as HTTP basic auth). App API: a 32-hex bearer key.
// They carry no prefix, so a match counts only with Customer.io near words (names such as CUSTOMERIO_…,
// `cio`, the customerio-node client): a bare hex string, a hash or a commit id is never flagged.
import type { Rule } from '../schema.js';

// Same-shaped hex on a line that names it: trace and span ids, digests, Sentry DSN keys, cache-busting hashes.
const LOOK_ALIKES = [
  'trace',
  'span_id',
  'spanid',
  'request_id',
  'requestid',
  'sentry',
  'dsn',
  'checksum',
  'sha1',
  'sha256',
  'md5',
  'digest',
  'etag',
  'commit',
  'hash',
];

const NEAR_WORDS = ['customerio', 'customer_io', 'customer.io', 'customer-io', 'customer io', 'cio', 'trackclient'];
// The SDKs' imports name the provider for the whole file (`require('customerio-node')` far above the keys).
const SDK_IMPORTS = ['customerio-node', 'from customerio import', "require 'customerio'", 'go-customerio'];

const guideTrack = {
  grants:
    'The Site ID and Track API key identify people and send events to your Customer.io workspace: create and update profiles and trigger campaigns.',
  risks:
    'An attacker can create or overwrite customer profiles, unsubscribe or delete people, and send events that trigger your messages to your customers.',
  checkMisuse:
    'In Customer.io, Data & Integrations → Integrations → API shows recent Track API calls; look for unexpected people, attribute changes or campaign triggers.',
};

export const customerioRules: Rule[] = [
  {
    id: 'customerio-track-api-key',
    title: 'Customer.io Track API credentials (Site ID and API key)',
    severity: 'high',
    keywords: [],
    near: { words: NEAR_WORDS, lines: 3, inFile: SDK_IMPORTS },
    // The Site ID and the API key have the same shape: two matches within 3 lines are one finding, `site:key`.
    // The Site ID alone is public (Customer.io's browser snippet carries it); with its API key it is a credential.
    pairing: {
      with: 'customerio-track-api-key',
      withinLines: 3,
      unpaired: { dropWhenLineNames: ['site_id', 'siteid', 'site-id', 'site id'] },
    },
    notOnLineWith: LOOK_ALIKES,
    pattern: '(?<![0-9a-zA-Z])(?<secret>[0-9a-f]{20})(?![0-9a-zA-Z])',
    // 20 random hex characters score 2.9–3.9 bits; the near-word requirement does the real filtering.
    entropy: 2.5,
    examples: [
      'CUSTOMERIO_TRACK_API_KEY={{hex:20}}',
      "const cio = new TrackClient('{{hex:20}}', '{{hex:20}}', { region: RegionUS });",
      'customerio: { siteId: "{{hex:20}}", apiKey: "{{hex:20}}" }',
      'var client = new CustomerIoClient(CioSiteId: "{{hex:20}}", CioApiKey: "{{hex:20}}");',
      // The SDK's import far above, and a parent key that names the provider over a block of settings.
      "const { TrackClient } = require('customerio-node');\n\n// settings\nconst REGION = 'us';\nconst SITE = '{{hex:20}}';\nconst TRACK_KEY = '{{hex:20}}';",
      '{\n  "customerio": {\n    "region": "eu",\n    "batch": 50,\n    "timeout": 30,\n    "site": {"defaultValue": "{{hex:20}}"},\n    "key": {"defaultValue": "{{hex:20}}"}\n  }\n}',
    ],
    negativeExamples: [
      '<script data-site-id="{{hex:20}}" src="https://assets.customer.io/assets/track.js"></script>',
      'NEXT_PUBLIC_CUSTOMERIO_SITE_ID={{hex:20}}',
      'commit = "{{hex:20}}"',
      'CUSTOMERIO_TRACK_API_KEY={{hex:40}}',
      'const precious = "{{hex:20}}";',
      'CUSTOMERIO_SITE_ID=00000000000000000000',
    ],
    fix: {
      env: 'CUSTOMERIO_TRACK_API_KEY',
      provider: 'Customer.io',
      rotate: [
        'In Customer.io open Account Settings → API Credentials → Track API Keys.',
        'Create a new Track API key for the workspace and copy the Site ID and key.',
        'Store both in your secrets manager or environment (e.g. CUSTOMERIO_SITE_ID and CUSTOMERIO_TRACK_API_KEY) and redeploy.',
        "Delete the old key on the same page, then check the workspace's API activity for calls with it.",
      ],
      docs: 'https://customer.io/docs/accounts-and-workspaces/managing-credentials/',
    },
    guide: guideTrack,
  },
  {
    id: 'customerio-app-api-key',
    title: 'Customer.io App API key',
    severity: 'high',
    keywords: [],
    near: { words: [...NEAR_WORDS, 'apiclient'], lines: 2, inFile: SDK_IMPORTS },
    notOnLineWith: LOOK_ALIKES,
    // Not followed by `@`: a Sentry DSN's public key has the same shape.
    pattern: '(?<![0-9a-zA-Z])(?<secret>[0-9a-f]{32})(?![0-9a-zA-Z@])',
    entropy: 3,
    examples: [
      'CUSTOMERIO_APP_API_KEY={{hex:32}}',
      "const api = new APIClient('{{hex:32}}', { region: RegionEU }); // customerio-node",
      'cio_app_api_key = "{{hex:32}}"',
    ],
    negativeExamples: [
      'checksum = "{{hex:32}}"',
      'customerio trace_id={{hex:32}} span_id={{hex:16}}',
      'SENTRY_DSN=https://{{hex:32}}@o12345.ingest.sentry.io/678 # customerio worker',
      'const precious = "{{hex:32}}";',
      'CUSTOMERIO_APP_API_KEY={{hex:64}}',
      'CUSTOMERIO_APP_API_KEY=${CUSTOMERIO_APP_API_KEY}',
    ],
    fix: {
      env: 'CUSTOMERIO_APP_API_KEY',
      provider: 'Customer.io',
      rotate: [
        'In Customer.io open Account Settings → API Credentials → App API Keys.',
        'Create a new App API key with the narrowest workspace access and copy it (it is shown once).',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        "Revoke the old key, then review the workspace's activity for sends you did not make.",
      ],
      docs: 'https://customer.io/docs/accounts-and-workspaces/managing-credentials/',
    },
    guide: {
      grants:
        "An App API key calls Customer.io's App API: send transactional messages and broadcasts, read and export customer data, manage campaigns.",
      risks:
        'An attacker can send messages to your customers from your brand, export your audience with its attributes, or change campaigns.',
      checkMisuse:
        'Review sent messages, broadcasts triggered via API and exports in the workspace activity logs; anything not started by your services is suspect.',
    },
  },
];
