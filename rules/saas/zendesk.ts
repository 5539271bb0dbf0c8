// Zendesk API tokens: https://developer.zendesk.com/api-reference/introduction/security-and-auth/
// 40 alphanumeric characters with no prefix, used as `{email}/token:{api_token}` basic auth. Counted only when
// assigned to a token name (or after `/token:`) with Zendesk near words.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const zendeskRules: Rule[] = [
  {
    id: 'zendesk-api-token',
    title: 'Zendesk API token',
    severity: 'high',
    keywords: [],
    near: { words: ['zendesk', 'zdesk'], lines: 2 },
    pattern: `(?:/token:|token${ASSIGN})(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9])`,
    flags: 'i',
    entropy: 3.8,
    examples: [
      'ZENDESK_API_TOKEN={{base62:40}}',
      "const client = zendesk.createClient({ username: 'agent@acme.io', token: '{{base62:40}}', remoteUri: 'https://acme.zendesk.com/api/v2' });",
      'curl -u "agent@acme.io/token:{{base62:40}}" https://acme.zendesk.com/api/v2/tickets.json',
    ],
    negativeExamples: [
      'ZENDESK_SUBDOMAIN=acme',
      'ZENDESK_WIDGET_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      'ZENDESK_API_TOKEN={{base62:32}}',
      'GITLAB_TOKEN={{base62:40}}',
      'curl -u "agent@acme.io/token:$ZENDESK_API_TOKEN" https://acme.zendesk.com/api/v2/tickets.json',
    ],
    fix: {
      env: 'ZENDESK_API_TOKEN',
      provider: 'Zendesk',
      rotate: [
        'In Zendesk open Admin Center → Apps and integrations → APIs → Zendesk API.',
        'Add a new API token with a description naming the integration, and copy it (it is shown once).',
        'Store it in your secrets manager or environment and redeploy the integration.',
        'Delete the old token, then review Admin Center → Account → Audit log for activity through the API.',
      ],
      docs: 'https://support.zendesk.com/hc/en-us/articles/4408889192858-Managing-access-to-the-Zendesk-API',
    },
    guide: {
      grants:
        "A Zendesk API token, combined with any agent's or admin's email address, authenticates API calls as that user for the whole account.",
      risks:
        'An attacker can read every ticket and its customer data, impersonate admins to change settings, create users, or delete tickets and help-center content.',
      checkMisuse:
        'Admin Center → Account → Audit log records changes made through the API; also look at ticket exports, new users and API usage in the Zendesk API dashboard.',
    },
  },
];
