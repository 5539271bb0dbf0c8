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
    near: { words: NEAR_WORDS, lines: 3 },
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
        'In Customer.io open Account Settings → API Credentials → Track API Keys (in newer accounts: Workspace Settings → API and Webhook Credentials).',
        'Create a new set of Track API credentials for the workspace and copy its Site ID and API key. Do not regenerate the key in use: that invalidates it at once, and every call fails until the new value is deployed.',
        'Store both, CUSTOMERIO_SITE_ID and CUSTOMERIO_TRACK_API_KEY, in your secrets manager or environment and redeploy every service that sends to Customer.io.',
        "When the old set's last-used date stops changing, delete it, then check the workspace's activity for people or events you did not send.",
      ],
      docs: 'https://docs.customer.io/accounts-and-workspaces/managing-credentials/',
      pairEnv: 'CUSTOMERIO_SITE_ID',
      leastPrivilege:
        'Use one set of Track credentials per integration and per workspace, so that one leak is revoked without touching the others, and restrict API access by IP address (Manage API Credentials → Add IP Address) where the callers have fixed addresses.',
    },
    guide: guideTrack,
  },
  {
    id: 'customerio-app-api-key',
    title: 'Customer.io App API key',
    severity: 'high',
    keywords: [],
    near: { words: [...NEAR_WORDS, 'apiclient'], lines: 2 },
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
        'Create a new App API key for the workspace it serves and copy it (Customer.io shows it once and keeps only a hash).',
        'Store it in your secrets manager or environment and redeploy every service that uses the old key.',
        "Then revoke the old key, and review the workspace's activity for messages or exports you did not make.",
      ],
      docs: 'https://docs.customer.io/accounts-and-workspaces/managing-credentials/',
      leastPrivilege:
        'Create the App API key for the one workspace it serves, one key per integration, and restrict API access by IP address (Manage API Credentials → Add IP Address) where the callers have fixed addresses.',
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
