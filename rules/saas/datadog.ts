// Datadog keys: https://docs.datadoghq.com/account_management/api-app-keys/
// API keys are 32 hex, application keys 40 hex, neither with a prefix: each needs its key name (DD_API_KEY,
// DD-APPLICATION-KEY header, appKey…) plus Datadog near words. Client tokens (`pub` + 32 hex) are for browsers and
// are public by design.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const datadogRules: Rule[] = [
  {
    id: 'datadog-api-key',
    title: 'Datadog API key',
    severity: 'high',
    keywords: [],
    near: { words: ['datadog', 'dd_api_key', 'dd-api-key'], lines: 2 },
    pattern: `api[_-]?key${ASSIGN}(?<secret>[0-9a-f]{32})(?![0-9a-zA-Z])`,
    flags: 'i',
    entropy: 3,
    examples: [
      'DD_API_KEY={{hex:32}}',
      'curl -X POST "https://api.datadoghq.com/api/v2/series" -H "DD-API-KEY: {{hex:32}}" -d @metrics.json',
      'datadog: { apiKey: "{{hex:32}}", site: "datadoghq.eu" }',
    ],
    negativeExamples: [
      'DD_CLIENT_TOKEN=pub{{hex:32}}',
      'DD_APPLICATION_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      'DD_API_KEY={{hex:24}}',
      'MAILGUN_API_KEY={{hex:32}}',
      'datadog_trace_id = "{{hex:32}}"',
    ],
    fix: {
      env: 'DD_API_KEY',
      provider: 'Datadog',
      rotate: [
        'In Datadog open Organization Settings → API Keys.',
        'Create a new API key named after the service or host that uses it, and copy it.',
        'Deploy it to the Agent configuration or secrets manager of every host and service that used the old key.',
        'Revoke the old key, then check its "last used" data and the Audit Trail for where it was still in use.',
      ],
      docs: 'https://docs.datadoghq.com/account_management/api-app-keys/',
    },
    guide: {
      grants:
        'A Datadog API key submits data to your organization: metrics, logs, traces and events, and it is half of the key pair that authenticates read and management APIs.',
      risks:
        'An attacker can inject fake metrics, logs and events that trigger or hide alerts, run up your ingestion bill, and combined with an application key read your data and change monitors.',
      checkMisuse:
        'Organization Settings → API Keys shows when each key was last used; Audit Trail and Usage & Cost pages reveal unexpected ingestion or API activity.',
    },
  },
  {
    id: 'datadog-application-key',
    title: 'Datadog application key',
    severity: 'high',
    keywords: [],
    near: { words: ['datadog', 'dd_app_key', 'dd_application_key', 'dd-application-key', 'dd-app-key'], lines: 2 },
    pattern: `app(?:lication)?[_-]?key${ASSIGN}(?<secret>[0-9a-f]{40})(?![0-9a-zA-Z])`,
    flags: 'i',
    entropy: 3,
    examples: [
      'DD_APP_KEY={{hex:40}}',
      'curl "https://api.datadoghq.com/api/v1/monitor" -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: {{hex:40}}"',
      'datadog.initialize(api_key=os.environ["DD_API_KEY"], app_key="{{hex:40}}")',
    ],
    negativeExamples: [
      'DD_GIT_COMMIT_SHA={{hex:40}}',
      'datadog: { commitSha: "{{hex:40}}" }',
      'DD_APP_KEY={{hex:32}}',
      'FIREBASE_APP_KEY={{hex:40}}',
    ],
    fix: {
      env: 'DD_APP_KEY',
      provider: 'Datadog',
      rotate: [
        'In Datadog open Organization Settings → Application Keys (or Personal Settings → Application Keys for your own).',
        'Create a new application key, scoped to only the permissions the tool needs, and copy it.',
        'Store it in your secrets manager or environment and redeploy the scripts, Terraform runs and services using it.',
        'Revoke the old key, then review the Audit Trail for API calls made with it.',
      ],
      docs: 'https://docs.datadoghq.com/account_management/api-app-keys/#application-keys',
    },
    guide: {
      grants:
        "An application key, used with an API key, calls Datadog's read and management APIs with the permissions of the user or service account that owns it.",
      risks:
        'An attacker can query your metrics, logs and traces (which may contain customer data), mute or delete monitors to hide an attack, and change dashboards, users or integrations.',
      checkMisuse:
        'Datadog Audit Trail lists API requests per application key; look for monitor changes, downtimes, log queries or user management you did not make.',
    },
  },
];
