// Airtable credentials: https://airtable.com/developers/web/guides/personal-access-tokens
// Personal access tokens are `pat` + 14 base62 (the token id) + `.` + 64 hex. Legacy API keys (`key` + 14 base62,
// retired in 2024) carry too short a prefix to stand alone and need Airtable near words.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const airtableRules: Rule[] = [
  {
    id: 'airtable-personal-access-token',
    title: 'Airtable personal access token',
    severity: 'high',
    keywords: ['pat'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})(?![A-Za-z0-9_])',
    entropy: 3.5,
    examples: [
      'AIRTABLE_TOKEN=pat{{base62:14}}.{{hex:64}}',
      "const base = new Airtable({ apiKey: 'pat{{base62:14}}.{{hex:64}}' }).base('app{{base62:14}}');",
      'curl -H "Authorization: Bearer pat{{base62:14}}.{{hex:64}}" https://api.airtable.com/v0/meta/bases',
    ],
    negativeExamples: [
      'AIRTABLE_BASE_ID=app{{base62:14}}',
      'AIRTABLE_TOKEN=pat{{base62:14}}.{{hex:32}}',
      'AIRTABLE_TOKEN=patXXXXXXXXXXXXXX.xxxxxxxx',
      'path.{{hex:64}}',
    ],
    fix: {
      env: 'AIRTABLE_TOKEN',
      provider: 'Airtable',
      rotate: [
        "Open https://airtable.com/create/tokens as the token's owner.",
        'Create a new token with only the scopes and bases the integration needs, and copy it.',
        'Store it in your secrets manager or environment and redeploy the integration.',
        "Delete the old token on the same page, then check the bases' revision history for unexpected edits.",
      ],
      docs: 'https://airtable.com/developers/web/guides/personal-access-tokens',
    },
    guide: {
      grants:
        'A personal access token calls the Airtable Web API as its owner, with the scopes and bases (or workspaces) chosen when it was created.',
      risks:
        'An attacker can read and export the records in every base the token covers, and create, change or delete records, tables or webhooks if it has write scopes.',
      checkMisuse:
        "Check the bases' record revision history and, on Enterprise plans, the admin panel audit log for API activity by the token owner.",
    },
  },
  {
    id: 'airtable-legacy-api-key',
    title: 'Airtable legacy API key',
    severity: 'high',
    keywords: [],
    near: { words: ['airtable'], lines: 2 },
    // Assigned to a key or token name, or sent as a Bearer token: `key` + 14 letters is also an ordinary word.
    pattern: `(?:(?:api[_-]?key|token)${ASSIGN}|bearer )(?<secret>key[A-Za-z0-9]{14})(?![A-Za-z0-9_])`,
    flags: 'i',
    entropy: 3.4,
    examples: [
      'AIRTABLE_API_KEY=key{{base62:14}}',
      "Airtable.configure({ apiKey: 'key{{base62:14}}' });",
      'airtable = Airtable(base_id, table_name, api_key="key{{base62:14}}")',
      'curl https://api.airtable.com/v0/app{{base62:14}}/Tasks -H "Authorization: Bearer key{{base62:14}}"',
    ],
    negativeExamples: [
      'AIRTABLE_API_KEY=key{{base62:8}}',
      'AIRTABLE_TABLE_ID=tbl{{base62:14}}',
      'airtable.on("keyboardShortcuts", handler)',
      'AIRTABLE_API_KEY=keyXXXXXXXXXXXXXX',
    ],
    fix: {
      env: 'AIRTABLE_TOKEN',
      provider: 'Airtable',
      rotate: [
        'Create a personal access token at https://airtable.com/create/tokens with only the scopes and bases the code needs.',
        'Replace the legacy key with the token in your secrets manager or environment and redeploy.',
        "Make sure the legacy key is regenerated or gone under your account's developer settings.",
        "Check the bases' revision history for changes you cannot account for.",
      ],
      docs: 'https://support.airtable.com/docs/airtable-api-key-deprecation-notice',
    },
    guide: {
      grants: 'A legacy Airtable API key acted as its owner across every base the owner could open, with no scopes.',
      risks:
        "If it still works anywhere, an attacker can read, export and modify all the owner's bases, including any personal or customer data in them.",
      checkMisuse:
        "Review record revision history in the owner's bases and, on Enterprise plans, the admin audit log for API use.",
    },
  },
];
