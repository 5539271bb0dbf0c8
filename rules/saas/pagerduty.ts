// PagerDuty credentials: https://support.pagerduty.com/main/docs/api-access-keys and
// https://developer.pagerduty.com/docs/events-api-v2-overview
// REST API keys (account and user level) are 20 characters from [A-Za-z0-9_+-]; user tokens start with `u+`.
// Neither has a distinctive prefix, so both need PagerDuty near words (the word, or the `Token token=` header scheme
// the REST API uses). Events API integration (routing) keys are 32 hex and need a routing/integration key name.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;
const NEAR = { words: ['pagerduty', 'token token='], lines: 2 };

const rotateRest = [
  'In PagerDuty open Integrations → API Access Keys (account keys) or My Profile → User Settings → API Access (user tokens).',
  'Create a new key, read-only if the integration only reads, with a description naming its use, and copy it.',
  'Store it in your secrets manager or environment and redeploy the integration (Terraform provider, scripts, bots).',
  "Delete the old key, then review the account's audit records for changes made through the API.",
];

const restGuide = {
  grants:
    'A PagerDuty REST API key calls the REST API for the whole account (or as one user for user tokens): services, schedules, escalation policies, incidents, users and integrations.',
  risks:
    'An attacker can read your on-call schedules and incident details, silence or resolve incidents, change escalation policies so nobody gets paged, and add or remove users.',
  checkMisuse:
    "PagerDuty's Audit Records (Account Settings → Audit Records, or the /audit/records API) list changes with the key that made them; look for maintenance windows, policy or schedule edits you did not make.",
};

export const pagerdutyRules: Rule[] = [
  {
    id: 'pagerduty-api-key',
    title: 'PagerDuty REST API key',
    severity: 'high',
    keywords: [],
    near: NEAR,
    // After a key/token name, the `Token token=` scheme or a client constructor; 20 characters with at least one
    // digit, lower-case and upper-case letter (no `i` flag: the case look-aheads need it off), so identifiers such
    // as `PlatformReliability1` are not taken for keys.
    pattern: `(?:[Tt]oken token=|(?:[Kk]ey|KEY|[Tt]oken|TOKEN)${ASSIGN}|(?:[Ss]ession|[Cc]lient)\\(\\s?['"])(?<![A-Za-z0-9_+/-])(?<secret>(?!u\\+)(?=[A-Za-z_+-]{0,19}[0-9])(?=[A-Z0-9_+-]{0,19}[a-z])(?=[a-z0-9_+-]{0,19}[A-Z])[A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+/=-])`,
    entropy: 3.6,
    examples: [
      'PAGERDUTY_API_KEY=y_{{upper:4}}{{lower:6}}{{alpha:5}}{{digits:2}}Q',
      'curl -H "Authorization: Token token={{alpha:6}}{{digits:3}}-{{upper:4}}{{lower:6}}" https://api.pagerduty.com/services',
      'provider "pagerduty" { token = "{{upper:5}}{{lower:8}}+{{digits:2}}Kp{{lower:2}}" }',
    ],
    negativeExamples: [
      'PAGERDUTY_SERVICE_ID=P{{upper:6}}',
      'pagerduty_escalation_name = "pagerduty-escalation"',
      'pagerduty_team = "PlatformReliability1"',
      'PAGERDUTY_API_KEY={{hex:32}}',
      'PAGERDUTY_API_KEY=y_NbAkKcXXXXXXXXXXXX',
      'SLACK_TOKEN={{upper:5}}{{lower:8}}{{digits:4}}Kpq',
    ],
    fix: {
      env: 'PAGERDUTY_API_KEY',
      provider: 'PagerDuty',
      rotate: rotateRest,
      docs: 'https://support.pagerduty.com/main/docs/api-access-keys',
    },
    guide: restGuide,
  },
  {
    id: 'pagerduty-user-token',
    title: 'PagerDuty user API token',
    severity: 'high',
    keywords: [],
    near: NEAR,
    pattern: '(?<![A-Za-z0-9_+/-])(?<secret>u\\+[A-Za-z0-9_-]{18})(?![A-Za-z0-9_+/=-])',
    entropy: 3.5,
    examples: [
      'PAGERDUTY_USER_TOKEN=u+{{base64url:18}}',
      'curl -H "Authorization: Token token=u+{{base64url:18}}" https://api.pagerduty.com/users/me',
      "pd_session = pagerduty.RestApiV2Client('u+{{base64url:18}}')",
    ],
    negativeExamples: [
      'chmod u+x ./pagerduty-notify.sh',
      'PAGERDUTY_USER_TOKEN=u+{{base64url:8}}',
      'PAGERDUTY_USER_TOKEN=u+xxxxxxxxxxxxxxxxxx',
      'data = "{{base64:24}}u+{{base64url:18}}"  # pagerduty payload',
    ],
    fix: {
      env: 'PAGERDUTY_USER_TOKEN',
      provider: 'PagerDuty',
      rotate: rotateRest,
      docs: 'https://support.pagerduty.com/main/docs/api-access-keys#generate-a-user-token-rest-api-key',
    },
    guide: restGuide,
  },
  {
    id: 'pagerduty-integration-key',
    title: 'PagerDuty Events API integration key',
    severity: 'medium',
    keywords: [],
    near: { words: ['pagerduty', 'events.pagerduty', 'routing_key'], lines: 2 },
    pattern: `(?:routing|integration|service)[_-]?key${ASSIGN}(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])`,
    flags: 'i',
    entropy: 3,
    examples: [
      'PAGERDUTY_ROUTING_KEY={{hex:32}}',
      'requests.post("https://events.pagerduty.com/v2/enqueue", json={"routing_key": "{{hex:32}}", "event_action": "trigger"})',
      'pagerduty_configs: [{ service_key: "{{hex:32}}" }]',
    ],
    negativeExamples: [
      'PAGERDUTY_SERVICE_ID=P{{upper:6}}',
      'PAGERDUTY_ROUTING_KEY={{hex:20}}',
      'OPSGENIE_INTEGRATION_KEY={{hex:32}}',
      'pagerduty: { dedup_key: "{{hex:32}}" }',
    ],
    fix: {
      env: 'PAGERDUTY_ROUTING_KEY',
      provider: 'PagerDuty',
      rotate: [
        'In PagerDuty open the service → Integrations and select the Events API integration.',
        'Add a new Events API v2 integration (or regenerate the key) and copy the integration key.',
        'Deploy it to the monitoring tools (Alertmanager, Datadog, scripts) that send events.',
        'Delete the old integration once events arrive through the new one.',
      ],
      docs: 'https://developer.pagerduty.com/docs/events-api-v2-overview',
    },
    guide: {
      grants:
        'An integration (routing) key sends trigger, acknowledge and resolve events to one PagerDuty service through the Events API.',
      risks:
        'An attacker can page your on-call engineers with fake incidents at any hour, or resolve real alerts sent to that service so they go unnoticed.',
      checkMisuse:
        "Open the service's incident and alert log in PagerDuty and look for alerts whose source or payload does not match your monitoring tools.",
    },
  },
];
