// Atlassian Cloud API tokens (Jira, Confluence): https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
// Current tokens start with `ATATT3xFfGF0` and end in `=` + 8 hex characters (about 192 characters in all). Tokens
// issued before 2022 are 24 alphanumeric characters with no prefix: they need Jira/Confluence/Atlassian near words
// and a token or password name.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

const rotate = [
  "Sign in at https://id.atlassian.com/manage-profile/security/api-tokens as the token's owner.",
  'Create a new API token (with an expiry and, where offered, only the scopes needed) and copy it.',
  'Store it in your secrets manager or environment and redeploy the scripts and CI jobs that call Jira or Confluence.',
  "Revoke the old token on the same page, then check the site's audit log for actions taken with it.",
];

const guide = {
  grants:
    "An Atlassian API token, used with its owner's email address, calls the Jira, Confluence and other Atlassian Cloud REST APIs with all of that user's permissions.",
  risks:
    "An attacker can read and export issues, pages and attachments (often holding internal designs and credentials), and create, edit or delete content as the user; an admin's token can change site settings.",
  checkMisuse:
    'Check Jira and Confluence audit logs (and Atlassian Guard / admin.atlassian.com logs if you have them) for API activity by the token owner from unfamiliar IP addresses.',
};

export const atlassianRules: Rule[] = [
  {
    id: 'atlassian-api-token',
    title: 'Atlassian API token',
    severity: 'high',
    keywords: ['atatt3xffgf0'],
    // Length: about 192 characters in all (Atlassian documents no length): observed range 150–250 for the body.
    pattern: '(?<![A-Za-z0-9_-])(?<secret>ATATT3xFfGF0[A-Za-z0-9_-]{150,250}=[A-Fa-f0-9]{8})(?![A-Za-z0-9_-])',
    entropy: 4.5,
    examples: [
      'JIRA_API_TOKEN=ATATT3xFfGF0{{base64url:171}}={{HEX:8}}',
      "jira = JIRA(server='https://acme.atlassian.net', basic_auth=('dev@acme.io', 'ATATT3xFfGF0{{base64url:171}}={{HEX:8}}'))",
      'confluence: { email: "dev@acme.io", apiToken: "ATATT3xFfGF0{{base64url:180}}={{HEX:8}}" }',
    ],
    negativeExamples: [
      'JIRA_API_TOKEN=ATATT3xFfGF0...',
      'JIRA_API_TOKEN=ATATT3xFfGF0-EXAMPLE-NOT-A-REAL-TOKEN',
      'JIRA_API_TOKEN=ATATT3xFfGF0{{base64url:60}}={{HEX:8}}',
      'BITBUCKET_TOKEN=ATCTT3xFfGN0{{base64url:171}}={{HEX:8}}',
    ],
    fix: {
      env: 'ATLASSIAN_API_TOKEN',
      provider: 'Atlassian',
      rotate,
      docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    },
    guide,
  },
  {
    id: 'atlassian-legacy-api-token',
    title: 'Atlassian API token (legacy 24-character format)',
    severity: 'high',
    keywords: [],
    near: { words: ['atlassian', 'jira', 'confluence'], lines: 2 },
    pattern: `(?:token|password|passwd)${ASSIGN}(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])`,
    flags: 'i',
    entropy: 3.6,
    examples: [
      'JIRA_API_TOKEN={{base62:24}}',
      "confluence = Confluence(url='https://acme.atlassian.net/wiki', username='dev@acme.io', password='{{base62:24}}')",
      'atlassian: { email: dev@acme.io, apiToken: {{base62:24}} }',
    ],
    negativeExamples: [
      'JIRA_PROJECT_KEY=PLATFORM',
      'JIRA_API_TOKEN=ATATT3xFfGF0{{base64url:171}}={{HEX:8}}',
      'JIRA_API_TOKEN={{base62:16}}',
      'SLACK_TOKEN={{base62:24}}',
      'JIRA_PASSWORD=aaaaaaaaaaaaaaaaaaaaaaaa',
    ],
    fix: {
      env: 'ATLASSIAN_API_TOKEN',
      provider: 'Atlassian',
      rotate,
      docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    },
    guide,
  },
];
