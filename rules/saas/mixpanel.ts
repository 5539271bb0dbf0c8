// Mixpanel credentials: https://developer.mixpanel.com/reference/authentication
// The project token (32 hex) is embedded in every client SDK and is public by design: not a finding. The project
// API secret (also 32 hex) and service-account secrets (32 base62, paired with a `<name>.<id>.mp-service-account`
// username) read and export your data; they are told apart from the token by the name they are assigned to.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

const rotateSecret = [
  'In Mixpanel open Project Settings → Overview → Access Keys.',
  'Reset the project API secret and copy the new value.',
  'Store it in your secrets manager or environment and redeploy the jobs that export or import data.',
  'Prefer moving those jobs to a service account, then check Organization Settings → Audit Log for exports.',
];

export const mixpanelRules: Rule[] = [
  {
    id: 'mixpanel-project-secret',
    title: 'Mixpanel project API secret',
    severity: 'high',
    keywords: [],
    near: { words: ['mixpanel'], lines: 2 },
    pattern: `secret${ASSIGN}(?<secret>[0-9a-f]{32})(?![0-9a-zA-Z])`,
    flags: 'i',
    entropy: 3,
    examples: [
      'MIXPANEL_API_SECRET={{hex:32}}',
      "mixpanel_config = { 'token': '{{hex:32}}', 'api_secret': '{{hex:32}}' }",
      'const mixpanel = Mixpanel.init(token, { secret: "{{hex:32}}" });',
    ],
    negativeExamples: [
      'MIXPANEL_TOKEN={{hex:32}}',
      "mixpanel.init('{{hex:32}}', { debug: true });",
      'MIXPANEL_API_SECRET={{hex:40}}',
      'GITHUB_WEBHOOK_SECRET={{hex:32}}',
    ],
    fix: {
      env: 'MIXPANEL_API_SECRET',
      provider: 'Mixpanel',
      rotate: rotateSecret,
      docs: 'https://developer.mixpanel.com/reference/project-secret',
    },
    guide: {
      grants:
        "The project API secret authenticates server-side calls to Mixpanel's query, export and import APIs for one project.",
      risks:
        'An attacker can export your raw event data and user profiles, which often hold emails and behavioural data, and can import fake historical events into the project.',
      checkMisuse:
        "Check the organization Audit Log and the project's data volume for unexpected exports or imports, and look for API calls from unknown IP addresses.",
    },
  },
  {
    id: 'mixpanel-service-account-secret',
    title: 'Mixpanel service account secret',
    severity: 'high',
    keywords: [],
    near: { words: ['mixpanel', 'mp-service-account'], lines: 3 },
    pattern: `(?:mp-service-account${ASSIGN}|service[_-]?account[_-]?(?:secret|password)${ASSIGN}|sa[_-]secret${ASSIGN})(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])`,
    flags: 'i',
    entropy: 3.8,
    examples: [
      'MIXPANEL_SERVICE_ACCOUNT_SECRET={{base62:32}}',
      "auth = ('reporting.{{hex:6}}.mp-service-account', '{{base62:32}}')",
      'mixpanel: { serviceAccountPassword: "{{base62:32}}" }',
    ],
    negativeExamples: [
      'MIXPANEL_SERVICE_ACCOUNT_USERNAME=reporting.{{hex:6}}.mp-service-account',
      'MIXPANEL_TOKEN={{hex:32}}',
      'MIXPANEL_SERVICE_ACCOUNT_SECRET=<service-account-secret>',
      'GCP_SERVICE_ACCOUNT_SECRET={{base62:32}}',
    ],
    fix: {
      env: 'MIXPANEL_SERVICE_ACCOUNT_SECRET',
      provider: 'Mixpanel',
      rotate: [
        'In Mixpanel open Organization Settings → Service Accounts.',
        'Create a new service account (or a new secret) with only the projects and role the job needs, and copy the secret.',
        'Store the username and secret in your secrets manager and redeploy the jobs that use them.',
        'Delete the old service account, then review the organization Audit Log for its recent activity.',
      ],
      docs: 'https://developer.mixpanel.com/reference/service-accounts',
    },
    guide: {
      grants:
        "A service account secret, with its username, calls Mixpanel's APIs with the role it was given on one or more projects: query, export, import and manage data.",
      risks:
        'An attacker can export events and user profiles from every project the account can see, import or delete data, and, with an admin role, change project settings.',
      checkMisuse:
        'Organization Settings → Audit Log shows actions by service accounts; look for exports, GDPR deletions or setting changes you did not schedule.',
    },
  },
];
