// Cloudflare API credentials.
// Since 2025 new credentials use a scannable format: `cfut_` (user API token), `cfat_` (account API token) or
// `cfk_` (Global API Key) + 40 characters + a checksum, which in published tokens is 8 lowercase hex characters
// (the CRC32 of the 40): https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/
// Older API tokens are 40 characters and older Global API Keys 37 lowercase hex, both without a prefix: they count
// only next to Cloudflare names. Origin CA keys start with `v1.0-`:
// https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/
import type { Rule } from '../schema.js';

const CF_NEAR_WORDS = ['cloudflare', 'cf_api', 'cf_token', 'cf-token', 'cf_auth', 'wrangler'];

const tokenFix = {
  env: 'CLOUDFLARE_API_TOKEN',
  provider: 'Cloudflare',
  rotate: [
    'In the Cloudflare dashboard open My Profile → API Tokens (or Manage Account → API Tokens for account tokens).',
    'Roll the leaked token (… → Roll), or create a replacement with the narrowest permissions, zones and IP filter that work.',
    'Deploy the new value to CI, Wrangler and Terraform configuration; rolling invalidates the old value at once.',
    'Review Manage Account → Audit Log for changes made with the token since the leak.',
  ],
  docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
};
const tokenGuide = {
  grants:
    'An API token calls the Cloudflare API with the permissions and resources chosen when it was created: DNS, Workers, Pages, firewall rules, R2, zone settings and more.',
  risks:
    'Depending on its permissions an attacker can repoint DNS to their servers, deploy malicious Workers on your routes, turn off WAF rules or read R2 data.',
  checkMisuse:
    'Manage Account → Audit Log lists every change with the actor and token; also check DNS records, Workers routes and firewall rules for edits you did not make.',
};

const globalKeyFix = {
  env: 'CLOUDFLARE_API_KEY',
  provider: 'Cloudflare',
  rotate: [
    'Replace uses of the Global API Key with scoped API tokens wherever possible.',
    'In the dashboard open My Profile → API Tokens → API Keys → Global API Key and choose Change to generate a new key (this invalidates the old one).',
    'Deploy the new key only where a token cannot be used.',
    'Review the audit logs of every account the user can access for changes since the leak.',
  ],
  docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
};
const globalKeyGuide = {
  grants:
    'With the account e-mail, the Global API Key has every permission the user has on every account and zone they can reach: it cannot be scoped.',
  risks:
    'An attacker gets full control of your Cloudflare setup: DNS, TLS, Workers, firewall, caching and membership, enough to hijack or take down every site behind it.',
  checkMisuse:
    "Check Manage Account → Audit Log in each account the user belongs to, and the user's profile for new API tokens or changed settings.",
};

export const cloudflareRules: Rule[] = [
  {
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token',
    severity: 'high',
    keywords: ['cfut_', 'cfat_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>cf(?:ut|at)_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'CLOUDFLARE_API_TOKEN=cfut_{{base62:40}}{{hex:8}}',
      'curl -H "Authorization: Bearer cfat_{{base62:40}}{{hex:8}}" https://api.cloudflare.com/client/v4/accounts',
      'api_token = "cfut_{{base62:40}}{{hex:8}}"',
    ],
    negativeExamples: [
      'CLOUDFLARE_API_TOKEN=cfut_{{base62:20}}',
      'CLOUDFLARE_API_TOKEN=cfut_xxx',
      // An upper-case checksum (its last character a letter, so that it never happens to be all digits).
      'CLOUDFLARE_API_TOKEN=cfut_{{base62:40}}{{HEX:7}}F',
    ],
    fix: { ...tokenFix, docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/' },
    guide: tokenGuide,
  },
  {
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare Global API Key',
    severity: 'critical',
    keywords: ['cfk_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>cfk_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'CLOUDFLARE_API_KEY=cfk_{{base62:40}}{{hex:8}}',
      'X-Auth-Key: cfk_{{base62:40}}{{hex:8}}',
      'cf = Cloudflare(email="ops@acme.io", key="cfk_{{base62:40}}{{hex:8}}")',
    ],
    negativeExamples: [
      'CLOUDFLARE_API_KEY=cfk_{{base62:16}}',
      'CLOUDFLARE_API_KEY=cfk_<global-api-key>',
      'X-Auth-Key: cfkk_{{base62:40}}{{hex:8}}',
    ],
    fix: globalKeyFix,
    guide: globalKeyGuide,
  },
  {
    id: 'cloudflare-api-token-legacy',
    title: 'Cloudflare API token (unprefixed)',
    severity: 'high',
    keywords: [],
    near: { words: CF_NEAR_WORDS, lines: 1 },
    // Not inside base64 (`h1:…+us=` hashes of a provider in .terraform.lock.hcl).
    pattern: '(?<![A-Za-z0-9_+/-]|h1:)(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_+/-])',
    // Random base62/base64url scores about 5 bits per character; a 40-hex commit id at most 4.
    entropy: 4.4,
    examples: [
      'CLOUDFLARE_API_TOKEN={{base62:40}}',
      'CF_API_TOKEN="{{base64url:40}}"',
      'provider "cloudflare" { api_token = "{{base62:40}}" }',
    ],
    negativeExamples: [
      'CLOUDFLARE_ZONE_ID={{hex:32}}',
      'cloudflare_commit = "{{hex:40}}"',
      'api_token = "{{base62:40}}"',
      'CLOUDFLARE_API_TOKEN=cfut_{{base62:40}}{{hex:8}}',
    ],
    fix: tokenFix,
    guide: tokenGuide,
  },
  {
    id: 'cloudflare-global-api-key-legacy',
    title: 'Cloudflare Global API Key (unprefixed)',
    severity: 'critical',
    keywords: [],
    near: { words: [...CF_NEAR_WORDS, 'x-auth-key', 'x_auth_key'], lines: 1 },
    pattern: '(?<![A-Za-z0-9_-])(?<secret>[a-f0-9]{37})(?![A-Za-z0-9_-])',
    entropy: 3.2,
    examples: [
      'CLOUDFLARE_API_KEY={{hex:37}}',
      'curl -H "X-Auth-Email: ops@acme.io" -H "X-Auth-Key: {{hex:37}}" https://api.cloudflare.com/client/v4/user',
      'CF_API_KEY = "{{hex:37}}"',
    ],
    negativeExamples: ['CLOUDFLARE_ACCOUNT_ID={{hex:32}}', 'CLOUDFLARE_API_KEY={{hex:40}}', 'checksum = "{{hex:37}}"'],
    fix: globalKeyFix,
    guide: globalKeyGuide,
  },
  {
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    severity: 'high',
    keywords: ['v1.0-'],
    pattern: '(?<![A-Za-z0-9.])(?<secret>v1\\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![A-Za-z0-9])',
    entropy: 3.2,
    examples: [
      'CLOUDFLARE_ORIGIN_CA_KEY=v1.0-{{hex:24}}-{{hex:146}}',
      'X-Auth-User-Service-Key: v1.0-{{hex:24}}-{{hex:146}}',
      'provider "cloudflare" { api_user_service_key = "v1.0-{{hex:24}}-{{hex:146}}" }',
    ],
    negativeExamples: [
      'version = "v1.0-{{hex:8}}"',
      'image: registry.acme.io/app:v1.0-{{hex:7}}',
      'CLOUDFLARE_ORIGIN_CA_KEY=v1.0-{{hex:24}}-{{hex:40}}',
    ],
    fix: {
      env: 'CLOUDFLARE_ORIGIN_CA_KEY',
      provider: 'Cloudflare',
      rotate: [
        'Prefer an API token with the SSL and Certificates permission, which the Origin CA API now accepts.',
        'Otherwise open My Profile → API Tokens → API Keys → Origin CA Key and choose Change, which invalidates every value shown before.',
        'Deploy the new key to the tools that issue origin certificates (e.g. origin-ca-issuer, Terraform).',
        'Review your Origin CA certificates (SSL/TLS → Origin Server) for certificates you did not issue and revoke them.',
      ],
      docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/',
    },
    guide: {
      grants:
        'The Origin CA key issues and revokes Cloudflare Origin CA certificates for zones in every account the user can access.',
      risks:
        'An attacker can issue origin certificates for your hostnames to run a convincing origin, or revoke your certificates and break HTTPS between Cloudflare and your servers.',
      checkMisuse:
        'List Origin CA certificates per zone (SSL/TLS → Origin Server, or the /certificates API) and look for ones you did not issue; changes to the key itself are not in the audit log.',
    },
  },
];
