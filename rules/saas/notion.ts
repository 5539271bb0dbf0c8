// Notion API tokens: https://developers.notion.com/reference/authentication and
// https://developers.notion.com/guides/authorization/credential-security
// Integration tokens issued since late 2024 start with `ntn_` (46 characters follow); older internal integration
// tokens are `secret_` + 43 base62.
import type { Rule } from '../schema.js';

const rotate = [
  'Open https://www.notion.so/profile/integrations and select the integration that owns the token.',
  'Under Configuration → Internal integration secret, choose "Refresh" and copy the new token.',
  'Store it in your secrets manager or environment (e.g. NOTION_TOKEN) and redeploy the integration.',
  'Review which pages are shared with the integration and remove any it no longer needs.',
];

const guide = {
  grants:
    "A Notion integration token calls the Notion API with the integration's capabilities on every page and database shared with it.",
  risks:
    'An attacker can read the shared pages and databases (often internal docs, plans or customer lists), and insert, change or delete content if the integration may write.',
  checkMisuse:
    "Workspace settings → Audit log (Enterprise) records integration activity; also check page histories of shared pages for edits made by the integration's bot.",
};

export const notionRules: Rule[] = [
  {
    id: 'notion-integration-token',
    title: 'Notion integration token',
    severity: 'high',
    keywords: ['ntn_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>ntn_[A-Za-z0-9]{46})(?![A-Za-z0-9_])',
    entropy: 3.8,
    examples: [
      'NOTION_TOKEN=ntn_{{digits:11}}{{base62:35}}',
      'const notion = new Client({ auth: "ntn_{{digits:11}}{{base62:35}}" });',
      "headers = {'Authorization': 'Bearer ntn_{{digits:11}}{{base62:35}}', 'Notion-Version': '2022-06-28'}",
    ],
    negativeExamples: [
      'NOTION_TOKEN=ntn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '<label for="ntn_number">Company NTN Number</label>',
      'NOTION_TOKEN=ntn_{{base62:20}}',
    ],
    fix: {
      env: 'NOTION_TOKEN',
      provider: 'Notion',
      rotate,
      docs: 'https://developers.notion.com/reference/authentication',
    },
    guide,
  },
  {
    id: 'notion-legacy-integration-token',
    title: 'Notion integration token (legacy secret_ format)',
    severity: 'high',
    keywords: ['secret_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])',
    entropy: 4,
    examples: [
      'NOTION_TOKEN=secret_{{base62:43}}',
      'notion = Client(auth="secret_{{base62:43}}")',
      '"Authorization": "Bearer secret_{{base62:43}}",',
    ],
    negativeExamples: [
      'config.secret_key_base = ENV["SECRET_KEY_BASE"]',
      'client_secret_{{base62:43}}',
      'NOTION_TOKEN=secret_{{base62:32}}',
      'NOTION_TOKEN=secret_...',
    ],
    fix: {
      env: 'NOTION_TOKEN',
      provider: 'Notion',
      rotate,
      docs: 'https://developers.notion.com/reference/authentication',
    },
    guide,
  },
];
