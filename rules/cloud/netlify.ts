// Netlify personal access tokens: `nfp_` + 40 alphanumerics (36 random + a 4-character check suffix in tokens seen
// in the wild). https://docs.netlify.com/api/get-started/#authentication
import type { Rule } from '../schema.js';

export const netlifyRules: Rule[] = [
  {
    id: 'netlify-personal-access-token',
    title: 'Netlify personal access token',
    severity: 'high',
    keywords: ['nfp_'],
    // Length: 40 in the tokens seen (Netlify documents no length): observed range 36–48.
    pattern: '(?<![A-Za-z0-9_])(?<secret>nfp_[A-Za-z0-9]{36,48})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'NETLIFY_AUTH_TOKEN=nfp_{{base62:36}}{{hex:4}}',
      'netlify deploy --prod --auth nfp_{{base62:36}}{{hex:4}}',
      'const client = new NetlifyAPI("nfp_{{base62:36}}{{hex:4}}");',
    ],
    negativeExamples: [
      'NETLIFY_AUTH_TOKEN=nfp_{{base62:16}}',
      'NETLIFY_AUTH_TOKEN=nfp_<your-token>',
      'NETLIFY_SITE_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
    ],
    fix: {
      env: 'NETLIFY_AUTH_TOKEN',
      provider: 'Netlify',
      rotate: [
        'In Netlify open User settings → Applications → Personal access tokens and create a new token with an expiry.',
        'Deploy it to your CI secrets in place of the old one.',
        'Revoke the leaked token on the same page.',
        "Review the team audit log and your sites' deploy logs for deploys or setting changes you did not make.",
      ],
      docs: 'https://docs.netlify.com/api/get-started/#authentication',
    },
    guide: {
      grants:
        'A personal access token calls the Netlify API as the user on every team they belong to: sites, deploys, environment variables, domains, DNS and forms.',
      risks:
        'An attacker can deploy their own content to your sites, read environment variables and form submissions, change DNS records or delete sites.',
      checkMisuse:
        "Team settings → Audit log and each site's Deploys list show who changed what; check for new deploy keys, hooks, domains and environment variable changes.",
    },
  },
];
