// Google Cloud credentials.
// API keys: `AIza` + 35 base64url characters (https://cloud.google.com/docs/authentication/api-keys).
// Service-account key files: JSON with "type": "service_account", "private_key_id" and a PKCS#8 "private_key"
// whose newlines are `\n` escapes (https://cloud.google.com/iam/docs/keys-create-delete).
// OAuth client secrets: `GOCSPX-` + 28 characters. OAuth client ids (….apps.googleusercontent.com) are public.
import type { Rule } from '../schema.js';

const CLIENT_ID = '{{digits:12}}-{{lower:32}}.apps.googleusercontent.com';

export const gcpRules: Rule[] = [
  {
    id: 'gcp-api-key',
    title: 'Google Cloud API key',
    severity: 'high',
    keywords: ['aiza'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'GOOGLE_API_KEY=AIza{{base64url:35}}',
      'const maps = new Loader({ apiKey: "AIzaSy{{base64url:33}}" });',
      'https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=AIzaSy{{base64url:33}}',
    ],
    negativeExamples: [
      `GOOGLE_CLIENT_ID=${CLIENT_ID}`,
      'GOOGLE_API_KEY=AIza{{base64url:20}}',
      'GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'GOOGLE_API_KEY=AIza{{base64url:40}}',
    ],
    fix: {
      env: 'GOOGLE_API_KEY',
      provider: 'Google Cloud',
      rotate: [
        'In the Google Cloud console open APIs & Services → Credentials and create a new API key.',
        'Restrict it to the APIs it needs and to your apps (HTTP referrers, IP addresses, Android or iOS apps).',
        'Deploy the new key, then delete the old one on the same page.',
        'Check APIs & Services → Metrics and Billing for traffic on the old key after it was exposed.',
      ],
      docs: 'https://cloud.google.com/docs/authentication/api-keys',
    },
    guide: {
      grants:
        'An API key identifies your Google Cloud project to the APIs enabled for it (Maps, Gemini, YouTube, Firebase and others); unrestricted keys work from anywhere for every enabled API.',
      risks:
        'An attacker can run paid API calls billed to your project, exhaust your quota, or read data from APIs that accept keys alone, such as Gemini files or public Firebase endpoints.',
      checkMisuse:
        'In the Google Cloud console, APIs & Services → Metrics (filtered by credential) and the Billing reports show usage per key; look for spikes or APIs you do not use.',
    },
  },
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service-account private key (JSON key file)',
    severity: 'critical',
    keywords: ['begin private key'],
    // Length: a 2048-bit RSA key in PKCS#8 is about 1,600 base64 characters plus its `\n` escapes (the key files
    // Google issues); 64–8192 is the observed range with room for larger keys.
    pattern: '-----BEGIN PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\\\\]{64,8192})-----END PRIVATE KEY-----',
    entropy: 4,
    // The other fields of the key file: a bare PEM key is the private-key rule's business.
    near: { words: ['service_account', 'private_key_id', 'gserviceaccount.com'], lines: 12 },
    examples: [
      '{"type": "service_account", "project_id": "billing-prod", "private_key_id": "{{hex:40}}", "private_key": "{{pemEscaped:PRIVATE KEY}}", "client_email": "ci@billing-prod.iam.gserviceaccount.com"}',
      '  "private_key_id": "{{hex:40}}", "private_key": "{{pemEscaped:PRIVATE KEY}}",',
      'GCP_CREDENTIALS={"type":"service_account","private_key":"{{pemEscaped:PRIVATE KEY}}"}',
    ],
    negativeExamples: [
      'const key = "{{pemEscaped:PRIVATE KEY}}";',
      '{"type": "service_account", "private_key_id": "{{hex:40}}", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
      '{"type": "authorized_user", "client_id": "' + CLIENT_ID + '", "refresh_token": "${REFRESH_TOKEN}"}',
    ],
    fix: {
      env: 'GOOGLE_APPLICATION_CREDENTIALS',
      provider: 'Google Cloud',
      rotate: [
        'In the Google Cloud console open IAM & Admin → Service accounts → (the account) → Keys and note the leaked key id (private_key_id).',
        'Prefer no key at all: switch to Workload Identity Federation or an attached service account; otherwise add a new JSON key.',
        'Deploy the new credentials through your secrets manager and point GOOGLE_APPLICATION_CREDENTIALS at the file, never at a committed one.',
        "Delete the leaked key (`gcloud iam service-accounts keys delete KEY_ID --iam-account=EMAIL`) and review the account's activity.",
      ],
      docs: 'https://cloud.google.com/iam/docs/keys-create-delete',
    },
    guide: {
      grants:
        'A service-account key authenticates as that service account anywhere, with every IAM role it holds on projects, folders or the organisation, until the key is deleted.',
      risks:
        'Attackers use leaked keys to read Cloud Storage and BigQuery data, run compute for crypto-mining, and grant themselves further roles; keys do not expire by default.',
      checkMisuse:
        "Cloud Audit Logs (Logs Explorer, filter protoPayload.authenticationInfo.principalEmail and serviceAccountKeyName) show each call made with the key; the Policy Analyzer's key-usage view shows when it was last used.",
    },
  },
  {
    id: 'gcp-oauth-client-secret',
    title: 'Google OAuth client secret',
    severity: 'high',
    keywords: ['gocspx-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'GOOGLE_CLIENT_SECRET=GOCSPX-{{base64url:28}}',
      '{"web": {"client_id": "' + CLIENT_ID + '", "client_secret": "GOCSPX-{{base64url:28}}"}}',
      'clientSecret: "GOCSPX-{{base64url:28}}",',
    ],
    negativeExamples: [
      `GOOGLE_CLIENT_ID=${CLIENT_ID}`,
      'GOOGLE_CLIENT_SECRET=GOCSPX-{{base64url:12}}',
      'GOOGLE_CLIENT_SECRET=GOCSPX-your-client-secret-here-xx',
    ],
    fix: {
      env: 'GOOGLE_CLIENT_SECRET',
      provider: 'Google Cloud',
      rotate: [
        'In the Google Cloud console open Google Auth Platform → Clients (APIs & Services → Credentials) and select the OAuth client.',
        'Add a new client secret and deploy it to the server that completes the OAuth flow.',
        'Disable, then delete the old secret once the new one works.',
        "Review the consent screen's recent token grants and your app's login logs for sign-ins you did not expect.",
      ],
      docs: 'https://developers.google.com/identity/protocols/oauth2',
    },
    guide: {
      grants:
        'The client secret lets a server prove it is your OAuth application when it exchanges authorization codes and refresh tokens for Google access tokens.',
      risks:
        "With it an attacker can impersonate your app in phishing flows that show your app's name and consent screen, and redeem stolen codes or refresh tokens for your users' data.",
      checkMisuse:
        "Check the OAuth client's usage in the Google Cloud console and your own sign-in logs for token exchanges from hosts other than your servers.",
    },
  },
];
