// Bitbucket Cloud credentials.
// App passwords (deprecated in favour of API tokens) start with `ATBB` followed by 32 alphanumerics:
// https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/
// Repository, project and workspace access tokens start with `ATCTT3xFfGN0` and end with `=` + 8 hex characters:
// https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/
import type { Rule } from '../schema.js';

const checkMisuse =
  "Workspace settings → Audit log (Premium) and each repository's commit, branch and pipeline history show changes; look for pushes, new deploy keys, webhooks or pipeline variables you did not add.";

export const bitbucketRules: Rule[] = [
  {
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    severity: 'high',
    keywords: ['atbb'],
    pattern: '(?<![A-Za-z0-9])(?<secret>ATBB[A-Za-z0-9]{32})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'BITBUCKET_APP_PASSWORD=ATBB{{base62:32}}',
      'git clone https://deploy-bot:ATBB{{base62:32}}@bitbucket.org/acme/api.git',
      'auth = ("deploy-bot", "ATBB{{base62:32}}")',
    ],
    negativeExamples: [
      'BITBUCKET_APP_PASSWORD=ATBB{{base62:12}}',
      'BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'status = "MATBB{{base62:32}}"',
    ],
    fix: {
      env: 'BITBUCKET_APP_PASSWORD',
      provider: 'Bitbucket',
      rotate: [
        'In Bitbucket open Personal settings → App passwords and revoke the leaked password.',
        'Create an API token (app passwords are being retired) or a repository/workspace access token with only the scopes needed.',
        'Deploy the replacement to the CI jobs and tools that used the app password.',
        'Review the repositories the account can reach for pushes and settings changes since the leak.',
      ],
      docs: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
    },
    guide: {
      grants:
        "With the account's username, an app password authenticates to the Bitbucket API and Git over HTTPS with the permissions chosen at creation, on every workspace the user belongs to.",
      risks:
        'An attacker can clone private repositories, push code, change pipelines and their variables, or administer repositories if admin scopes were granted.',
      checkMisuse,
    },
  },
  {
    id: 'bitbucket-access-token',
    title: 'Bitbucket repository, project or workspace access token',
    severity: 'high',
    keywords: ['atctt3xffgn0'],
    // Length: Atlassian documents the prefix and checksum, not the length: 100–400 is the observed range.
    pattern: '(?<![A-Za-z0-9])(?<secret>ATCTT3xFfGN0[A-Za-z0-9_-]{100,400}=[0-9A-F]{8})(?![A-Za-z0-9])',
    entropy: 4,
    examples: [
      'BITBUCKET_TOKEN=ATCTT3xFfGN0{{base64url:170}}={{HEX:8}}',
      'git clone https://x-token-auth:ATCTT3xFfGN0{{base64url:180}}={{HEX:8}}@bitbucket.org/acme/web.git',
      'curl -H "Authorization: Bearer ATCTT3xFfGN0{{base64url:175}}={{HEX:8}}" https://api.bitbucket.org/2.0/repositories/acme',
    ],
    negativeExamples: [
      'BITBUCKET_TOKEN=ATCTT3xFfGN0{{base64url:40}}={{HEX:8}}',
      'BITBUCKET_TOKEN=ATCTT3xFfGN0...',
      'JIRA_API_TOKEN=ATATT3xFfGF0{{base64url:180}}={{HEX:8}}',
    ],
    fix: {
      env: 'BITBUCKET_ACCESS_TOKEN',
      provider: 'Bitbucket',
      rotate: [
        'Open the repository, project or workspace settings → Access tokens and revoke the leaked token.',
        'Create a new access token with the narrowest scopes and an expiry.',
        'Deploy it to the CI or integration that used the old one.',
      ],
      docs: 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/',
    },
    guide: {
      grants:
        'An access token acts as a bot user on one repository, project or workspace with the scopes chosen at creation (read, write, admin, pipelines, pull requests…).',
      risks:
        'Within its scopes an attacker can read or push code, approve and merge pull requests, or change pipeline configuration and variables.',
      checkMisuse,
    },
  },
];
