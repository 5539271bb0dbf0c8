// Asana personal access tokens: https://developers.asana.com/docs/personal-access-token
// Version 1: `1/<user gid>:<32 hex>`. Version 2: `2/<user gid>/<app gid>:<32 hex>`. The digit-slash keyword is short,
// but it is the only literal the format has; the rest of the pattern (long id, colon, exactly 32 hex) is specific.
import type { Rule } from '../schema.js';

const rotate = [
  'In Asana open My settings → Apps → Developer apps (or https://app.asana.com/0/my-apps).',
  'Create a new personal access token for the integration and copy it.',
  'Store it in your secrets manager or environment and redeploy the integration.',
  "Revoke the old token on the same page, then review recent task and project changes made by the token's user.",
];

const guide = {
  grants:
    'An Asana personal access token calls the Asana API as its user, with access to every workspace, project and task that user can see.',
  risks:
    "An attacker can read tasks, comments and attachments across the user's workspaces, and create, edit, reassign or delete work as that user.",
  checkMisuse:
    "Enterprise admins can search the Asana audit log API for events by the token's user; otherwise check recent activity on key projects for changes nobody made.",
};

export const asanaRules: Rule[] = [
  {
    id: 'asana-personal-access-token',
    title: 'Asana personal access token',
    severity: 'high',
    keywords: ['1/'],
    // Length: user gids are numeric strings of 8–20 digits (observed range; Asana: gids are opaque strings),
    // then 32 hex.
    pattern: '(?<![A-Za-z0-9/])(?<secret>1/[0-9]{8,20}:[0-9a-f]{32})(?![A-Za-z0-9])',
    entropy: 3,
    examples: [
      'ASANA_ACCESS_TOKEN=1/{{digits:16}}:{{hex:32}}',
      "client = asana.Client.access_token('1/{{digits:16}}:{{hex:32}}')",
      'curl -H "Authorization: Bearer 1/{{digits:13}}:{{hex:32}}" https://app.asana.com/api/1.0/users/me',
    ],
    negativeExamples: [
      'ASANA_ACCESS_TOKEN=1/{{digits:16}}:{{hex:16}}',
      'ratio = 1/{{digits:10}}',
      'url = "https://app.asana.com/0/1/{{digits:16}}"',
      'ASANA_ACCESS_TOKEN=1/1234567890123456:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: {
      env: 'ASANA_ACCESS_TOKEN',
      provider: 'Asana',
      rotate,
      docs: 'https://developers.asana.com/docs/personal-access-token',
    },
    guide,
  },
  {
    id: 'asana-personal-access-token-v2',
    title: 'Asana personal access token (v2 format)',
    severity: 'high',
    keywords: ['2/'],
    // Length: as version 1 (observed range).
    pattern: '(?<![A-Za-z0-9/])(?<secret>2/[0-9]{8,20}/[0-9]{8,20}:[0-9a-f]{32})(?![A-Za-z0-9])',
    entropy: 3,
    examples: [
      'ASANA_ACCESS_TOKEN=2/{{digits:16}}/{{digits:16}}:{{hex:32}}',
      "const client = Asana.ApiClient.instance; client.authentications['token'].accessToken = '2/{{digits:16}}/{{digits:16}}:{{hex:32}}';",
      'asana_pat: "2/{{digits:13}}/{{digits:16}}:{{hex:32}}"',
    ],
    negativeExamples: [
      'ASANA_ACCESS_TOKEN=2/{{digits:16}}/{{digits:16}}',
      'path = "/v2/{{digits:16}}/{{digits:16}}:{{hex:8}}"',
      'ASANA_ACCESS_TOKEN=2/{{digits:16}}/{{digits:16}}:<token>',
    ],
    fix: {
      env: 'ASANA_ACCESS_TOKEN',
      provider: 'Asana',
      rotate,
      docs: 'https://developers.asana.com/docs/personal-access-token',
    },
    guide,
  },
];
