// Customer.io API credentials: https://customer.io/docs/api/
// Track API: Site ID + API key (20 hex each, used together as HTTP basic auth). App API: a 32-hex bearer key.
// They carry no prefix, so a match counts only with Customer.io near words (names such as CUSTOMERIO_…,
// `cio`, the customerio-node client): a bare hex string, a hash or a commit id is never flagged.
// Since 2026-10-30 Customer.io also issues public (`pk_`) and private (`sk_`) API keys
// (https://docs.customer.io/release-notes/2026-10-30-public-private-api-keys/): the public key is meant for browsers
// and mobile apps and is not a finding; the private key works with every Customer.io API.
// Reporting webhooks are signed (X-CIO-Signature, HMAC-SHA256) with a webhook signing key
// (https://docs.customer.io/api/webhooks/): whoever holds it can forge events that your endpoint trusts.
import type { Rule } from '../schema.js';

// Same-shaped hex on a line that names it: trace and span ids, digests, Sentry DSN keys, cache-busting hashes.
const LOOK_ALIKES = [
  // Algolia's search-only key is 32 hex characters too, and public; often named only as a search key.
  'algolia',
  'search_key',
  'searchkey',
  'search-key',
  'search_api_key',
  'searchapikey',
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
  // A commit id by its name, not the word in prose after a key (`KEY=… # do not commit`).
  'commit_',
  'commit=',
  'commit =',
  'commit:',
  'commit"',
  "commit'",
  'commitid',
  'commit id',
  'commit sha',
  'commit hash',
  'hash',
];

const NEAR_WORDS = ['customerio', 'customer_io', 'customer.io', 'customer-io', 'customer io', 'cio', 'trackclient'];
// The SDKs' imports name the provider for the whole file (`require('customerio-node')` far above the keys).
const SDK_IMPORTS = ['customerio-node', 'from customerio import', "require 'customerio'", 'go-customerio'];

// Names a value is assigned to: `KEY=`, `key: `, `"key": "`, `key => '`.
const ASSIGN = String.raw`[\s'"\\:=>]{1,16}`;

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
      unpaired: { dropWhenLineNames: ['site_id', 'siteid', 'site-id', 'site id', 'site.id'] },
    },
    notOnLineWith: LOOK_ALIKES,
    // Not a `pk_`/`cio_`-style prefixed value, not a bundler's chunk map entry (`{195:"<hash>"}`), not the value of
    // a name/value entry whose name says site id (`- name: …_SITE_ID` then `value: …`): the Site ID ships in browsers;
    // and not a file format's signature written in hex (JPEG, PNG, GIF, PDF, ZIP), as file-type tables hold them:
    // looked for ahead of the secret group, whose body stays a shape of its own (secret-shape.ts).
    pattern:
      '(?<![0-9a-zA-Z_])(?<![{,][0-9]{1,6}:")(?<!(?:site_id|SITE_ID)["\']?[ \t]{0,8}\r?\n[ \t]{0,40}value:[ \t]{0,8}["\']?)(?!ffd8ffe|89504e47|47494638|25504446|504b0304)(?<secret>[0-9a-f]{20})(?![0-9a-zA-Z])',
    // 20 random hex characters score 2.9–3.9 bits; the near-word requirement does the real filtering.
    entropy: 2.5,
    examples: [
      'CUSTOMERIO_TRACK_API_KEY={{hex:20}}',
      // A comment after the key is prose about it: "commit" there is not a commit id's name.
      'CUSTOMERIO_SITE_ID="{{hex:20}}"\nCUSTOMERIO_TRACK_API_KEY={{hex:20}}  # do not commit',
      "const cio = new TrackClient('{{hex:20}}', '{{hex:20}}', { region: RegionUS });",
      'customerio: { siteId: "{{hex:20}}", apiKey: "{{hex:20}}" }',
      'var client = new CustomerIoClient(CioSiteId: "{{hex:20}}", CioApiKey: "{{hex:20}}");',
      // The SDK's import far above, and a parent key that names the provider over a block of settings.
      "const { TrackClient } = require('customerio-node');\n\n// settings\nconst REGION = 'us';\nconst SITE = '{{hex:20}}';\nconst TRACK_KEY = '{{hex:20}}';",
      '{\n  "customerio": {\n    "region": "eu",\n    "batch": 50,\n    "timeout": 30,\n    "site": {"defaultValue": "{{hex:20}}"},\n    "key": {"defaultValue": "{{hex:20}}"}\n  }\n}',
      // Both halves as Terraform variables: the Site ID's block names it, the key's does not.
      'variable "customerio_site_id" {\n  default = "{{hex:20}}"\n}\nvariable "customerio_track_api_key" {\n  default = "{{hex:20}}"\n}',
    ],
    negativeExamples: [
      // The Site ID under its name on the line before; a bundler's chunk map; a `pk_` look-alike.
      '# customerio\n- name: NEXT_PUBLIC_CUSTOMERIO_SITE_ID\n  value: "{{hex:20}}"',
      '// customerio\nn.u=function(e){return"static/js/"+e+"."+{195:"{{hex:20}}",862:"{{hex:20}}"}[e]+".chunk.js"}',
      '# customerio\nCACHE_KEY=pk_{{hex:20}}',
      '<script data-site-id="{{hex:20}}" src="https://assets.customer.io/assets/track.js"></script>',
      'NEXT_PUBLIC_CUSTOMERIO_SITE_ID={{hex:20}}',
      // The Site ID as a Terraform variable's default, its name on the line that opens the block.
      'variable "next_public_customerio_site_id" {\n  type      = string\n  default   = "{{hex:20}}"\n  sensitive = true\n}',
      'commit = "{{hex:20}}"',
      'CUSTOMERIO_TRACK_API_KEY={{hex:40}}',
      'const precious = "{{hex:20}}";',
      'CUSTOMERIO_SITE_ID=00000000000000000000',
      // Two Site IDs are no pair.
      'NEXT_PUBLIC_CUSTOMERIO_SITE_ID: "{{hex:20}}"\nNEXT_PUBLIC_CUSTOMERIO_SITE_ID: {{hex:20}}',
      // A JPEG's signature (SOI, APP0, "JFIF") in a file-type table of a file that uses the SDK.
      "const { TrackClient } = require('customerio-node');\nconst SIGNATURES = { jpeg: 'ffd8ffe000104a464946', gif: '474946383961{{hex:8}}' };",
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
    id: 'customerio-private-api-key',
    title: 'Customer.io private API key (sk_)',
    severity: 'high',
    keywords: ['sk_'],
    // As for the Track key, an SDK's import anywhere in the file names the provider (`from customerio import
    // APIClient` above `APIClient("sk_…")`): the server libraries take the private key.
    near: { words: [...NEAR_WORDS, 'cdpapikey', 'cdp_api_key'], lines: 2, inFile: SDK_IMPORTS },
    // Customer.io documents the `sk_` prefix only (the release note of 2026-10-30 and the SDK release notes, which
    // say the SDKs read the account's region from a key and refuse an `sk_` key in an app:
    // https://github.com/customerio/customerio-android/releases/tag/4.25.0); the body's alphabet and length are not
    // published. So the key counts only next to Customer.io words or in a file that imports a Customer.io SDK, and
    // Stripe's `sk_live_`/`sk_test_`/`sk_org_` keys, which have rules of their own, are left to them.
    // Length: 24–200 base64url characters after the prefix: an assumption with room, not a published figure.
    pattern: '(?<![A-Za-z0-9_-])(?<secret>sk_(?!live_|test_|org_)[A-Za-z0-9_-]{24,200})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'CUSTOMERIO_API_KEY=sk_{{base62:48}}',
      "const cio = new CustomerIO({ apiKey: 'sk_{{base62:40}}' }); // customerio-node",
      'customerio:\n  private_key: sk_{{base64url:56}}',
      // Named only by the SDK's import above: in a call, and under a generic name (this rule's finding, not the
      // generic rule's).
      'from customerio import APIClient, Regions\n\ndef client():\n    return APIClient("sk_{{base62:48}}", region=Regions.EU)',
      'from customerio import APIClient, Regions\n\n\n\n\napi_key = "sk_{{base62:48}}"',
    ],
    negativeExamples: [
      // The public key is meant to ship in apps and browsers.
      "const cio = CustomerIO.initialize({ cdpApiKey: 'pk_{{base62:40}}' }); // customer.io",
      // Stripe's keys, on a line that happens to name Customer.io, are Stripe's rules' findings.
      'STRIPE_SECRET_KEY=sk_live_{{base62:99}} # billing emails go out through customer.io',
      // Another provider's `sk_` key with no Customer.io word near it.
      'ELEVENLABS_API_KEY=sk_{{hex:48}}',
      // Another provider's client, with no Customer.io import in the file.
      'from elevenlabs import ElevenLabs\n\n\nclient = ElevenLabs(api_key="sk_{{hex:48}}")',
      'CUSTOMERIO_API_KEY=sk_{{base62:10}}',
      'CUSTOMERIO_API_KEY=sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: {
      env: 'CUSTOMERIO_API_KEY',
      provider: 'Customer.io',
      rotate: [
        'In Customer.io open the API keys settings of the workspace and create a new private (sk_) key for the server integration.',
        'Store it in your secrets manager or environment and redeploy every server that uses the old key.',
        'Delete the leaked key, then review the workspace activity for messages sent, people deleted or data read that your servers did not do.',
      ],
      docs: 'https://docs.customer.io/release-notes/2026-10-30-public-private-api-keys/',
    },
    guide: {
      grants:
        'A private API key works with every Customer.io API: identifying people and sending events, sending messages, deleting people and reading workspace data.',
      risks:
        'An attacker can message your customers from your brand, export or delete your audience, and change or trigger campaigns.',
      checkMisuse:
        "Review the workspace's API activity, sent messages, broadcasts and exports for anything your own servers did not start.",
    },
  },
  {
    id: 'customerio-webhook-signing-key',
    title: 'Customer.io webhook signing key',
    severity: 'medium',
    keywords: ['signing', 'webhook'],
    near: { words: NEAR_WORDS, lines: 3 },
    // The key has no prefix and Customer.io does not publish its shape: it counts only when assigned to a signing-key
    // or webhook-secret name with Customer.io words near it: `NAME=…`, `name: …`, a Kubernetes `- name: NAME` with
    // its `value:` on the next line, `NAME || '…'` (an environment fallback) and `gh secret set NAME --body '…'`.
    // Length: 32–128 characters, an assumption that covers the usual HMAC key sizes (16–64 bytes as hex, 32–64
    // bytes as base64).
    pattern: `(?:signing[_.-]?(?:key|secret)|webhook[_.-]?(?:secret|key))(?:${ASSIGN}|['"]?[ \\t]{0,4}\\n[ \\t]{0,40}value:[ \\t'"]{1,8}|['"]?\\)?[ \\t]{1,4}(?:\\|\\||\\?\\?|or)[ \\t]{1,4}['"\\\\]{1,6}|[ \\t]{1,4}--body[ \\t=]{1,4}['"]?)(?<secret>[A-Za-z0-9+/_-]{32,128}={0,2})(?![A-Za-z0-9+/=_-])`,
    flags: 'i',
    entropy: 3.5,
    examples: [
      'CUSTOMERIO_WEBHOOK_SIGNING_KEY={{hex:64}}',
      "const CIO_WEBHOOK_SECRET = '{{hex:64}}'; // verifies X-CIO-Signature from customer.io",
      'customerio:\n  webhook_signing_key: "{{base64:44}}"',
      '        - name: CUSTOMERIO_WEBHOOK_SIGNING_KEY\n          value: "{{hex:64}}"',
      "const cioWebhookSecret = process.env.CIO_WEBHOOK_SECRET || '{{hex:64}}'; // customerio",
    ],
    negativeExamples: [
      'CUSTOMERIO_WEBHOOK_SIGNING_KEY=your_signing_key',
      'CUSTOMERIO_WEBHOOK_SIGNING_KEY=${CUSTOMERIO_WEBHOOK_SIGNING_KEY}',
      // The signature itself, not the key: it changes with every request.
      "const signature = req.headers['x-cio-signature']; // customerio",
      'GITHUB_WEBHOOK_SECRET={{hex:64}}',
    ],
    fix: {
      env: 'CUSTOMERIO_WEBHOOK_SIGNING_KEY',
      provider: 'Customer.io',
      rotate: [
        'In Customer.io open Data & Integrations → Integrations → Reporting Webhooks and regenerate the webhook signing key.',
        'Deploy the new key to the endpoint that verifies X-CIO-Signature.',
        'Review what the endpoint accepted since the leak: forged delivery, open or unsubscribe events look genuine to it.',
      ],
      docs: 'https://docs.customer.io/api/webhooks/',
    },
    guide: {
      grants:
        'The signing key proves that a reporting-webhook request comes from Customer.io: your endpoint trusts any request signed with it.',
      risks:
        "An attacker can send forged events (deliveries, bounces, unsubscribes, conversions) that your systems accept as Customer.io's, poisoning reporting or unsubscribing people.",
      checkMisuse:
        "Compare the events your endpoint accepted with Customer.io's own delivery and activity logs; events Customer.io never sent are forged.",
    },
  },
  {
    id: 'customerio-app-api-key',
    title: 'Customer.io App API key',
    severity: 'high',
    keywords: [],
    near: { words: [...NEAR_WORDS, 'apiclient'], lines: 2, inFile: SDK_IMPORTS },
    notOnLineWith: LOOK_ALIKES,
    // Not followed by `@`: a Sentry DSN's public key has the same shape. Not preceded by `_`: the 32 hex after the
    // id of a Klaviyo private key (`pk_<id>_<hex>`) are Klaviyo's, even with Customer.io named nearby.
    // Not after `/`: 32 hex in a URL path are an id or a hash (a Tines webhook path, a CDN asset), not this key.
    pattern: '(?<![0-9a-zA-Z_/-])(?<![{,][0-9]{1,6}:")(?<secret>[0-9a-f]{32})(?![0-9a-zA-Z@])',
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
      // An INI file's Algolia section just above Customer.io's: the search key is public.
      '[algolia]\nsearch_key={{hex:32}}\n\n[customer_io]\nbatch_size=50',
      'CUSTOMERIO_APP_API_KEY={{hex:64}}',
      'CUSTOMERIO_APP_API_KEY=${CUSTOMERIO_APP_API_KEY}',
      "# profiles are synced from customerio\nklaviyo_key = 'pk_{{lower:6}}_{{hex:32}}'",
      '# customerio alerts go to\nTINES_WEBHOOK_URL=https://acme.tines.com/webhook/{{hex:32}}',
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
