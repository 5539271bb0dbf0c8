// Dynatrace access tokens: https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens
// `dt0c01.` + 24-character public id + `.` + 64-character secret, both upper-case alphanumerics.
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
];
