// New Relic API keys: https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
// User keys `NRAK-` + 27 upper-case alphanumerics; Insights insert and query keys `NRII-` / `NRIQ-` + 32; browser
// keys `NRJS-` + 19 hex (embedded in every page the browser agent runs on, so only a low-severity warning);
// ingest license keys are 40 characters ending in `NRAL`.
import type { Rule } from '../schema.js';

const rotateIngest = (what: string) => [
  'In New Relic open the API keys page (one.newrelic.com → your user menu → API keys).',
  `Create a new ${what} for the same account and copy it.`,
  'Deploy it to every agent, integration or service that sends data with the old key.',
  "Delete the old key once data arrives with the new one, and check the account's data ingest for unexpected sources.",
];

const docs = 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/';

export const newrelicRules: Rule[] = [
  {
    id: 'newrelic-user-api-key',
    title: 'New Relic user API key',
    severity: 'high',
    keywords: ['nrak-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>NRAK-[A-Z0-9]{27})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'NEW_RELIC_API_KEY=NRAK-{{upper:27}}',
      'curl https://api.newrelic.com/graphql -H "API-Key: NRAK-{{upper:27}}" -d @query.json',
      'provider "newrelic" { api_key = "NRAK-{{upper:27}}" }',
    ],
    negativeExamples: [
      'NEW_RELIC_API_KEY=NRAK-YOUR-API-KEY-HERE',
      'NEW_RELIC_API_KEY=NRAK-{{upper:12}}',
      'NEW_RELIC_ACCOUNT_ID={{digits:7}}',
    ],
    fix: {
      env: 'NEW_RELIC_API_KEY',
      provider: 'New Relic',
      rotate: [
        'In New Relic open the API keys page (one.newrelic.com → your user menu → API keys).',
        'Create a new User key for the right account and copy it.',
        'Store it in your secrets manager or environment and redeploy the scripts, Terraform runs and CLI profiles that use it.',
        "Delete the old key, then review the account's audit events (NrAuditEvent) for changes made with it.",
      ],
      docs,
    },
    guide: {
      grants:
        'A user key calls NerdGraph and the REST API as its user: query all telemetry, and create or change dashboards, alerts, synthetics and account settings the user may manage.',
      risks:
        'An attacker can query your logs and traces (which may hold customer data), disable alerts to hide an incident, and change or delete dashboards and monitors.',
      checkMisuse:
        "Query NrAuditEvent in New Relic (e.g. SELECT * FROM NrAuditEvent SINCE 1 week ago) for configuration changes by the key's user; check the key's last-used time on the API keys page.",
    },
  },
  {
    id: 'newrelic-insert-key',
    title: 'New Relic Insights insert key',
    severity: 'medium',
    keywords: ['nrii-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>NRII-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'NEW_RELIC_INSERT_KEY=NRII-{{base64url:32}}',
      'curl -X POST -H "X-Insert-Key: NRII-{{base64url:32}}" https://insights-collector.newrelic.com/v1/accounts/{{digits:7}}/events',
      'newrelic: { insertKey: "NRII-{{base64url:32}}" }',
    ],
    negativeExamples: [
      'NEW_RELIC_INSERT_KEY=NRII-{{base64url:16}}',
      'NEW_RELIC_INSERT_KEY=NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'NRIQ-{{base64url:10}}',
    ],
    fix: { env: 'NEW_RELIC_INSERT_KEY', provider: 'New Relic', rotate: rotateIngest('insert (or License) key'), docs },
    guide: {
      grants: 'An insert key sends custom events, metrics, logs and traces into one New Relic account.',
      risks:
        'An attacker can flood the account with fake telemetry that trips or masks alerts, corrupts dashboards and raises your data ingest bill.',
      checkMisuse:
        'Look at Data management → Data ingestion for unexpected sources or volume, and query recent custom events for names your services never send.',
    },
  },
  {
    id: 'newrelic-query-key',
    title: 'New Relic Insights query key',
    severity: 'medium',
    keywords: ['nriq-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>NRIQ-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'NEW_RELIC_QUERY_KEY=NRIQ-{{base64url:32}}',
      'curl -H "X-Query-Key: NRIQ-{{base64url:32}}" "https://insights-api.newrelic.com/v1/accounts/{{digits:7}}/query?nrql=SELECT%20count(*)%20FROM%20Transaction"',
      "query_key = 'NRIQ-{{base64url:32}}'",
    ],
    negativeExamples: [
      'NEW_RELIC_QUERY_KEY=NRIQ-{{base64url:12}}',
      'NEW_RELIC_QUERY_KEY=NRIQ-<query-key>',
      'NRII-{{base64url:8}}',
    ],
    fix: {
      env: 'NEW_RELIC_QUERY_KEY',
      provider: 'New Relic',
      rotate: rotateIngest('query key (or a User key for NerdGraph)'),
      docs,
    },
    guide: {
      grants:
        'A query key runs NRQL queries over all the telemetry of one New Relic account through the Insights query API.',
      risks:
        'An attacker can read your events, logs and transaction data, which often include URLs, user ids, error messages and other sensitive attributes.',
      checkMisuse:
        "New Relic does not log individual query-key reads in detail; treat everything in the account as exposed and check the key's last-used information before deleting it.",
    },
  },
  {
    id: 'newrelic-license-key',
    title: 'New Relic ingest license key',
    severity: 'medium',
    keywords: ['nral'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9]{36}NRAL)(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'NEW_RELIC_LICENSE_KEY={{hex:36}}NRAL',
      "license_key: 'eu01xx{{hex:30}}NRAL'",
      'newrelic.agent.initialize(license_key="{{hex:36}}NRAL")',
    ],
    negativeExamples: [
      'NEW_RELIC_LICENSE_KEY={{hex:40}}',
      'NEW_RELIC_LICENSE_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL',
      'NEW_RELIC_LICENSE_KEY={{hex:20}}NRAL',
    ],
    fix: { env: 'NEW_RELIC_LICENSE_KEY', provider: 'New Relic', rotate: rotateIngest('ingest License key'), docs },
    guide: {
      grants:
        'A license key lets APM agents and integrations report data to one New Relic account and fetch the agent configuration for it.',
      risks:
        'An attacker can send fake APM, log and event data into your account, hiding real problems or triggering false alerts, and increase your ingest costs.',
      checkMisuse:
        'Check Data management → Data ingestion and the APM entity list for applications or hosts you do not run.',
    },
  },
  {
    id: 'newrelic-browser-key',
    title: 'New Relic browser key',
    // Public-ish: it is embedded in the browser agent snippet of every monitored page. Reported as a warning only.
    severity: 'low',
    testKey: true,
    keywords: ['nrjs-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>NRJS-[a-f0-9]{19})(?![A-Za-z0-9_-])',
    entropy: 3,
    examples: [
      'NEW_RELIC_BROWSER_KEY=NRJS-{{hex:19}}',
      ';NREUM.loader_config={accountID:"{{digits:7}}",trustKey:"{{digits:7}}",licenseKey:"NRJS-{{hex:19}}",applicationID:"{{digits:9}}"};',
      "init: { licenseKey: 'NRJS-{{hex:19}}' }",
    ],
    negativeExamples: [
      'NEW_RELIC_BROWSER_KEY=NRJS-{{hex:8}}',
      'licenseKey: "NRJS-xxxxxxxxxxxxxxxxxxx"',
      'NEW_RELIC_BROWSER_KEY=NRJS-{{HEX:19}}',
    ],
    fix: { env: 'NEW_RELIC_BROWSER_KEY', provider: 'New Relic', rotate: rotateIngest('browser key'), docs },
    guide: {
      grants:
        'A browser key lets the New Relic browser agent send page views, errors and timings for your web applications.',
      risks:
        'It is visible in your pages anyway; an attacker who has it can send fake browser telemetry that skews your real-user monitoring.',
      checkMisuse:
        'Look for browser page views or errors from domains or applications that are not yours in the Browser monitoring views.',
    },
  },
];
