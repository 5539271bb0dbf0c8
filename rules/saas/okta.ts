// Okta API tokens: https://developer.okta.com/docs/guides/create-an-api-token/
// `00` + 40 base64url characters, sent as `Authorization: SSWS <token>`. The `00` prefix alone is far too
// common, so a match needs Okta near words (the word okta or the SSWS scheme) nearby.
import type { Rule } from '../schema.js';

export const oktaRules: Rule[] = [
  {
    id: 'okta-api-token',
    title: 'Okta API token (SSWS)',
    severity: 'critical',
    keywords: [],
    near: { words: ['okta', 'ssws'], lines: 2 },
    pattern: '(?<![A-Za-z0-9_+/-])(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_+/=-])',
    entropy: 4,
    examples: [
      'OKTA_API_TOKEN=00{{base64url:40}}',
      'curl -H "Authorization: SSWS 00{{base64url:40}}" https://acme.okta.com/api/v1/users',
      "const client = new okta.Client({ orgUrl: 'https://acme.okta.com', token: '00{{base64url:40}}' });",
    ],
    negativeExamples: [
      'OKTA_CLIENT_ID=0oa{{base62:17}}',
      'okta_user_id = "00u{{base62:17}}"',
      'OKTA_API_TOKEN=00{{base64url:30}}',
      'OKTA_API_TOKEN=000000000000000000000000000000000000000000',
      'checksum = "00{{base64url:40}}"',
    ],
    fix: {
      env: 'OKTA_API_TOKEN',
      provider: 'Okta',
      rotate: [
        'In the Okta Admin Console open Security → API → Tokens.',
        'Create a new token while signed in as a dedicated, least-privileged admin account, and copy it.',
        'Store it in your secrets manager or environment and redeploy the integration.',
        'Revoke the old token on the same page, then search the System Log for events by the token.',
      ],
      docs: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
    },
    guide: {
      grants:
        'An Okta API token acts with the admin permissions of the user who created it on the Okta management APIs: users, groups, applications, policies and factors.',
      risks:
        'An attacker can create or take over accounts, reset passwords and MFA factors, assign themselves to any application behind Okta, or weaken sign-on policies: a path into everything Okta protects.',
      checkMisuse:
        "Search the Okta System Log for events with the token's id or its creator as actor (e.g. user.lifecycle, user.mfa.factor.reset, policy changes) and unfamiliar client IP addresses.",
    },
  },
];
