// Sentry auth tokens: https://docs.sentry.io/account/auth-tokens/
// Organization tokens: `sntrys_` + base64 JSON ({"iat":…,"url":…,"org":…}) + `_` + base64 secret. User tokens:
// `sntryu_` + 64 hex; older user and integration tokens were 64 hex with no prefix (need Sentry near words).
// DSNs (`https://<public key>@o<n>.ingest.sentry.io/<project>`) are meant to ship in client code: never a finding.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;
const DSN = 'SENTRY_DSN=https://{{hex:32}}@o{{digits:6}}.ingest.sentry.io/{{digits:7}}';

const rotate = [
  'In Sentry open Settings → Auth Tokens (organization tokens) or User Settings → Personal Tokens, or the internal integration that owns the token.',
  'Create a new token with only the scopes needed (e.g. project:releases for source maps) and copy it.',
  'Store it as SENTRY_AUTH_TOKEN in your CI secrets or secrets manager and redeploy the jobs that upload releases or call the API.',
  "Revoke the old token, then check the organization's Audit Log for actions made with it.",
];

const guide = {
  grants:
    'A Sentry auth token calls the Sentry API for your organization with its scopes: releases and source maps, projects, issues and events, and sometimes members and settings.',
  risks:
    'An attacker can read error events (which carry stack traces, request data, user details and sometimes secrets), upload malicious source maps or releases, and with admin scopes change projects and members.',
  checkMisuse:
    "Settings → Audit Log lists changes made through the API; also check recent releases and source-map uploads, and the token's last-used time on the Auth Tokens page.",
};

export const sentryRules: Rule[] = [
  {
    id: 'sentry-org-auth-token',
    title: 'Sentry organization auth token',
    severity: 'high',
    keywords: ['sntrys_'],
    // Length: base64 JSON (iat, url, region, org) and a base64 secret; Sentry documents no length: 20–800 and
    // 43–60 are the observed range.
    pattern:
      '(?<![A-Za-z0-9_])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,800}={0,2}_[A-Za-z0-9+/]{43,60}={0,2})(?![A-Za-z0-9+/=_-])',
    entropy: 4,
    examples: [
      'SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3{{base64:150}}_{{base64:43}}',
      'sentry-cli --auth-token sntrys_eyJpYXQiOjE3{{base64:160}}==_{{base64:43}} releases new 1.4.2',
      "sentryWebpackPlugin({ org: 'acme', project: 'web', authToken: 'sntrys_eyJpYXQiOjE3{{base64:154}}=_{{base64:59}}=' })",
    ],
    negativeExamples: [
      DSN,
      'SENTRY_AUTH_TOKEN=sntrys_xxx',
      'SENTRY_AUTH_TOKEN=sntrys_eyJ{{base64:10}}_{{base64:43}}',
      'SENTRY_AUTH_TOKEN=sntrys_...',
    ],
    fix: { env: 'SENTRY_AUTH_TOKEN', provider: 'Sentry', rotate, docs: 'https://docs.sentry.io/account/auth-tokens/' },
    guide,
  },
  {
    id: 'sentry-user-auth-token',
    title: 'Sentry user auth token',
    severity: 'high',
    keywords: ['sntryu_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>sntryu_[a-f0-9]{64})(?![A-Za-z0-9_])',
    entropy: 3.5,
    examples: [
      'SENTRY_AUTH_TOKEN=sntryu_{{hex:64}}',
      'curl -H "Authorization: Bearer sntryu_{{hex:64}}" https://sentry.io/api/0/organizations/',
      '[auth] token=sntryu_{{hex:64}}',
    ],
    negativeExamples: [DSN, 'SENTRY_AUTH_TOKEN=sntryu_YOUR_TOKEN_HERE', 'SENTRY_AUTH_TOKEN=sntryu_{{hex:32}}'],
    fix: { env: 'SENTRY_AUTH_TOKEN', provider: 'Sentry', rotate, docs: 'https://docs.sentry.io/account/auth-tokens/' },
    guide,
  },
  {
    id: 'sentry-legacy-auth-token',
    title: 'Sentry auth token (legacy unprefixed format)',
    severity: 'high',
    keywords: [],
    near: { words: ['sentry'], lines: 2 },
    pattern: `(?:auth[_-]?token|api[_-]?token|token)${ASSIGN}(?<secret>[a-f0-9]{64})(?![A-Za-z0-9])`,
    flags: 'i',
    entropy: 3.5,
    examples: [
      'SENTRY_AUTH_TOKEN={{hex:64}}',
      'sentry-cli --auth-token {{hex:64}} sourcemaps upload ./dist',
      "sentry: { org: 'acme', authToken: '{{hex:64}}' }",
    ],
    negativeExamples: [
      DSN,
      'SENTRY_RELEASE={{hex:40}}',
      'SENTRY_AUTH_TOKEN={{hex:40}}',
      'VAULT_TOKEN={{hex:64}}',
      'sentry: { releaseChecksum: "{{hex:64}}" }',
    ],
    fix: { env: 'SENTRY_AUTH_TOKEN', provider: 'Sentry', rotate, docs: 'https://docs.sentry.io/account/auth-tokens/' },
    guide,
  },
];
