// Grafana credentials: https://grafana.com/docs/grafana/latest/administration/service-accounts/ and
// https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/
// Service account tokens: `glsa_` + 32 base62 + `_` + 8 hex (a CRC32 of the rest). Grafana Cloud access policy
// tokens: `glc_` + base64 JSON (`{"o":"<org>","n":"<name>","k":"<key>","m":{"r":"<region>"}}`). Legacy API keys
// (removed in Grafana 11/12) are bare base64 JSON starting `{"k":"` = `eyJrIjoi`.
import type { Rule } from '../schema.js';

const saGuide = {
  grants:
    "A service account token calls the Grafana HTTP API with the service account's role (Viewer, Editor or Admin) in one organization: dashboards, data source queries, alerting and, for admins, users and settings.",
  risks:
    'An attacker can query every data source the instance can reach (metrics, logs, SQL databases), read dashboards, and with Editor or Admin rights change alerts, data sources or users.',
  checkMisuse:
    "Check the service account's token list for last-used times and, in Grafana Enterprise or Cloud, the usage insights and audit logs for requests made with the token.",
};

export const grafanaRules: Rule[] = [
  {
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    severity: 'high',
    keywords: ['glsa_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[a-f0-9]{8})(?![A-Za-z0-9_])',
    entropy: 3.8,
    examples: [
      'GRAFANA_TOKEN=glsa_{{base62:32}}_{{hex:8}}',
      'provider "grafana" { url = "https://acme.grafana.net/" auth = "glsa_{{base62:32}}_{{hex:8}}" }',
      'curl -H "Authorization: Bearer glsa_{{base62:32}}_{{hex:8}}" https://grafana.acme.io/api/dashboards/uid/abc',
    ],
    negativeExamples: [
      'GRAFANA_TOKEN=glsa_xxxxxxxxxxxx',
      'GRAFANA_TOKEN=glsa_{{base62:32}}',
      'GRAFANA_TOKEN=glsa_{{base62:20}}_{{hex:8}}',
    ],
    fix: {
      env: 'GRAFANA_SERVICE_ACCOUNT_TOKEN',
      provider: 'Grafana',
      rotate: [
        'In Grafana open Administration → Users and access → Service accounts and select the account.',
        'Add a new service account token, with an expiry, and copy it.',
        'Store it in your secrets manager or environment and redeploy the tools (Terraform, CI, scripts) that use it.',
        'Delete the old token from the same service account page.',
      ],
      docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
    },
    guide: saGuide,
  },
  {
    id: 'grafana-cloud-access-token',
    title: 'Grafana Cloud access policy token',
    severity: 'high',
    keywords: ['glc_'],
    // Length: base64 JSON whose length follows the org, name and region (Grafana documents no length): observed
    // range 40–800.
    pattern: '(?<![A-Za-z0-9_])(?<secret>glc_eyJ[A-Za-z0-9+/]{40,800}={0,2})(?![A-Za-z0-9+/=_-])',
    entropy: 4,
    examples: [
      'GRAFANA_CLOUD_TOKEN=glc_eyJvIjoi{{base64:120}}',
      'basic_auth: { username: "{{digits:7}}", password: "glc_eyJvIjoi{{base64:140}}==" }',
      'OTEL_EXPORTER_OTLP_HEADERS="Authorization=Basic $(echo -n {{digits:7}}:glc_eyJvIjoi{{base64:118}}= | base64)"',
    ],
    negativeExamples: [
      'GRAFANA_CLOUD_TOKEN=glc_eyJvIjoi...',
      'GRAFANA_CLOUD_TOKEN=glc_{{base62:20}}',
      'GRAFANA_CLOUD_INSTANCE_ID={{digits:7}}',
    ],
    fix: {
      env: 'GRAFANA_CLOUD_TOKEN',
      provider: 'Grafana Cloud',
      rotate: [
        'In the Grafana Cloud portal open Administration → Cloud access policies and select the policy the token belongs to.',
        'Add a new token to the policy, with an expiry, and copy it.',
        'Deploy it to the agents, collectors or tools that use it (e.g. Alloy remote_write, OTLP headers, Terraform).',
        "Delete the old token from the policy, then check the stack's usage for unexpected writes or reads.",
      ],
      docs: 'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/',
    },
    guide: {
      grants:
        "A Cloud access policy token has the policy's scopes on your Grafana Cloud stacks: writing or reading metrics, logs and traces, and possibly managing stacks and other tokens.",
      risks:
        'An attacker can read your telemetry, push fake metrics and logs that distort alerting and billing, and with admin scopes create new tokens or delete stacks.',
      checkMisuse:
        "Review the access policy's token list and the organization's usage and billing dashboards in the Cloud portal for unexpected ingestion, queries or new tokens.",
    },
  },
  {
    id: 'grafana-legacy-api-key',
    title: 'Grafana API key (legacy)',
    severity: 'high',
    keywords: ['eyjrijoi'],
    // Power BI embed links (`…/view?r=eyJrIjoi…`) share the same base64 start and are not keys.
    // Length: base64 JSON of a legacy key: 40–200 is the observed range.
    pattern: '(?<![A-Za-z0-9_+/-])(?<![?&]r=)(?<secret>eyJrIjoi[A-Za-z0-9+/]{40,200}={0,2})(?![A-Za-z0-9+/=_-])',
    entropy: 4,
    examples: [
      'GRAFANA_API_KEY=eyJrIjoi{{base64:80}}',
      'headers = {"Authorization": "Bearer eyJrIjoi{{base64:76}}=="}',
      "grafana = GrafanaApi.from_url('https://grafana.acme.io', credential='eyJrIjoi{{base64:84}}')",
    ],
    negativeExamples: [
      'https://app.powerbi.com/view?r=eyJrIjoi{{base64:120}}',
      'GRAFANA_API_KEY=eyJrIjoi{{base64:10}}',
      'GRAFANA_API_KEY=eyJrIjoiXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    fix: {
      env: 'GRAFANA_SERVICE_ACCOUNT_TOKEN',
      provider: 'Grafana',
      rotate: [
        'Create a service account with the same role under Administration → Users and access → Service accounts, and add a token to it.',
        'Replace the API key with the service account token in your secrets manager or environment and redeploy.',
        'Delete the old API key (Administration → API keys, or it was migrated to a service account: delete that token).',
      ],
      docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/',
    },
    guide: saGuide,
  },
];
