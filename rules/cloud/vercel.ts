// Vercel credentials: https://vercel.com/docs/accounts/access-tokens
// Since 2025 credentials carry a type prefix (https://vercel.com/changelog/new-token-formats-and-secret-scanning):
// `vcp_` personal access token, `vci_` integration token, `vca_` app access token, `vcr_` app refresh token,
// `vck_` API key. Older access tokens are 24 alphanumerics with no prefix: they count only on a line that names
// a Vercel token (team and project ids have their own `team_`/`prj_` prefixes and are not secrets).
import type { Rule } from '../schema.js';

const fix = {
  env: 'VERCEL_TOKEN',
  provider: 'Vercel',
  rotate: [
    'In Vercel open Account Settings → Tokens and create a new token scoped to the team or single project that needs it, with an expiry.',
    "Deploy it to your CI secrets (or switch GitHub Actions to Vercel's OIDC federation and drop the token).",
    'Delete the leaked token on the same page.',
    "Review the team's Activity log and recent deployments for actions you did not take, and rotate environment variables the token could read.",
  ],
  docs: 'https://vercel.com/docs/accounts/access-tokens',
};
const guide = {
  grants:
    'A Vercel token calls the REST API and CLI as its owner within its scope: deployments, domains, DNS, and the environment variables of every project it can reach.',
  risks:
    'An attacker can read environment variables (often every backend secret), deploy their own code to your domains, change DNS, or delete projects.',
  checkMisuse:
    "The team's Activity log and each project's Deployments list show who deployed or changed what; also check for new domains, env var reads and integrations.",
};

export const vercelRules: Rule[] = [
  {
    id: 'vercel-token',
    title: 'Vercel access token or API key',
    severity: 'high',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    // Length: Vercel's changelog gives the prefixes, not the length: 24–100 is the observed range.
    pattern: '(?<![A-Za-z0-9_])(?<secret>vc[piakr]_[A-Za-z0-9]{24,100})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'VERCEL_TOKEN=vcp_{{base62:56}}',
      'vercel deploy --prod --token vcp_{{base62:56}}',
      'AI_GATEWAY_API_KEY=vck_{{base62:56}}',
    ],
    negativeExamples: ['VERCEL_TOKEN=vcp_xxx', 'VERCEL_TOKEN=vcp_{{base62:12}}', 'VERCEL_PROJECT_ID=prj_{{base62:28}}'],
    fix,
    guide,
  },
  {
    id: 'vercel-token-legacy',
    title: 'Vercel access token (unprefixed)',
    severity: 'high',
    keywords: ['vercel'],
    near: {
      words: [
        'vercel_token',
        'vercel_api_token',
        'vercel_access_token',
        'vercel_auth_token',
        'verceltoken',
        'vercel --token',
        'vercel deploy',
        '--token',
      ],
      lines: 0,
    },
    pattern: '(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'VERCEL_TOKEN={{base62:24}}',
      'npx vercel deploy --prod --token={{base62:24}}',
      '  "vercelToken": "{{base62:24}}",',
    ],
    negativeExamples: [
      'VERCEL_ORG_ID=team_{{base62:24}}',
      'VERCEL_PROJECT_ID=prj_{{base62:28}}',
      'VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}',
      'VERCEL_ORG_ID={{base62:24}}',
    ],
    fix,
    guide,
  },
];
