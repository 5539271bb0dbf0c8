// Dynatrace access tokens: https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens
// `dt0c01.` + 24-character public id + `.` + 64-character secret, both upper-case alphanumerics.
// The same three-part format with `dt0s…` prefixes serves the platform's other tokens (the "Token prefixes" table
// of https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens-legacy):
// dt0s01 SCIM API tokens, dt0s02/dt0s03/dt0s08 OAuth client secrets (the client id is the secret's first two
// parts, `dt0s02.<id>`, and not a secret), dt0s04/dt0s09 chat and identity linking, dt0s06 OAuth refresh tokens,
// dt0s16 platform tokens (https://docs.dynatrace.com/docs/shortlink/access-tokens-and-oauth-clients).
import type { Rule } from '../schema.js';

export const dynatraceRules: Rule[] = [
  {
    id: 'dynatrace-api-token',
    title: 'Dynatrace access token',
    severity: 'high',
    keywords: ['dt0c01.'],
    pattern: '(?<![A-Za-z0-9_.])(?<secret>dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64})(?![A-Za-z0-9_])',
    entropy: 4,
    examples: [
      'DT_API_TOKEN=dt0c01.{{upper:24}}.{{upper:64}}',
      'curl -H "Authorization: Api-Token dt0c01.{{upper:24}}.{{upper:64}}" https://abc12345.live.dynatrace.com/api/v2/metrics',
      "exporters: { otlphttp: { headers: { Authorization: 'Api-Token dt0c01.{{upper:24}}.{{upper:64}}' } } }",
    ],
    negativeExamples: [
      'DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.YYYYYYYY',
      'DT_API_TOKEN=dt0c01.{{upper:24}}',
      'Authorization: Api-Token dt0c01.abc123.abcdefjhij1234567890',
    ],
    fix: {
      env: 'DT_API_TOKEN',
      provider: 'Dynatrace',
      rotate: [
        'In Dynatrace open Access Tokens (Settings → Integration → Access tokens in older UIs).',
        'Generate a new token with only the scopes the integration needs, and copy it.',
        'Deploy it to the OneAgent, ActiveGate, OpenTelemetry exporter or script that uses it.',
        "Disable, then delete, the old token and review the environment's audit log for its use.",
      ],
      docs: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens',
    },
    guide: {
      grants:
        "A Dynatrace access token calls the environment's APIs with its scopes: ingesting metrics, logs and traces, reading monitoring data, or changing configuration and settings.",
      risks:
        'Depending on its scopes an attacker can read monitored data (which may include request parameters and logs), inject fake telemetry, or change settings and disable monitoring.',
      checkMisuse:
        "Query the environment's audit log (Settings → Preferences → Log audit events, then the audit log API or Notebooks) for API calls with the token id, its public first part.",
    },
  },
  {
    id: 'dynatrace-platform-token',
    title: 'Dynatrace platform, OAuth client or SCIM token (dt0s…)',
    severity: 'high',
    keywords: ['dt0s'],
    // Length: Dynatrace documents the 24-character public portion and the 64-character secret portion. The token
    // printed as the example in Dynatrace's documentation is public and excluded by its public portion.
    pattern:
      '(?<![A-Za-z0-9_.])(?<secret>dt0s[0-9]{2}\\.(?!ST2EY72KQINMH574WMNVI7YN\\.)[A-Z0-9]{24}\\.[A-Z0-9]{64})(?![A-Za-z0-9_])',
    entropy: 4,
    examples: [
      'DT_PLATFORM_TOKEN=dt0s16.{{upper:24}}.{{upper:64}}',
      'curl -H "Authorization: Bearer dt0s16.{{upper:24}}.{{upper:64}}" https://abc12345.apps.dynatrace.com/platform/storage/query/v1/query:execute',
      'DT_CLIENT_ID=dt0s02.{{upper:8}}  DT_CLIENT_SECRET=dt0s02.{{upper:24}}.{{upper:64}}',
      '  scim_token: dt0s01.{{upper:24}}.{{upper:64}}',
    ],
    negativeExamples: [
      // The OAuth client id alone: the secret's public half.
      'DT_CLIENT_ID=dt0s02.{{upper:24}}',
      'Token example: dt0s01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM',
      'DT_PLATFORM_TOKEN=dt0s16.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'DT_PLATFORM_TOKEN=dt0s16.{{upper:24}}.{{upper:30}}',
    ],
    fix: {
      env: 'DT_PLATFORM_TOKEN',
      provider: 'Dynatrace',
      rotate: [
        'Platform tokens: in Dynatrace open your user menu → Platform tokens (Account Management → Identity & access management for OAuth clients and SCIM tokens).',
        'Create a replacement with only the scopes or permissions the integration needs, and copy it (it is shown once).',
        'Deploy it to the script, workflow, exporter or identity provider that uses it.',
        'Delete the leaked token or client, then review the account audit log for its use.',
      ],
      docs: 'https://docs.dynatrace.com/docs/shortlink/access-tokens-and-oauth-clients',
    },
    guide: {
      grants:
        "A dt0s token acts on the Dynatrace platform or account: a platform token with its owner's permissions (Grail queries, automations, settings), an OAuth client secret with its client's scopes, a SCIM token over users and groups.",
      risks:
        'Depending on the token an attacker can read monitored data and logs, change settings and workflows, or create users and groups in your Dynatrace account.',
      checkMisuse:
        "Check the account's audit log (Account Management → Audit log) and the environment's audit events for calls with the token's public portion, and for users, groups or clients you did not create.",
    },
  },
];
