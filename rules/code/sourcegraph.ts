// Sourcegraph access tokens: https://sourcegraph.com/docs/cli/how-tos/revoking_an_access_token ("Access tokens are
// tokens starting with sgp_"). The body is not in the documentation; Sourcegraph's published source
// (sourcegraph/sourcegraph-public-snapshot, internal/accesstoken) makes `sgp_` + an instance identifier (16 hex of
// an HMAC of the license key, or `local` on unlicensed and dev instances) + `_` + 20 random bytes as 40 hex, and
// older tokens are `sgp_` + 40 hex.
// Segment's Public API tokens share the `sgp_` prefix (rules/saas/segment.ts): theirs are 64 base62 characters,
// mixed case and never with `_`. A Sourcegraph token is lowercase hex, 40 after `sgp_` or after the `_` that ends
// its identifier, so no string is both: 40 hex then a boundary is not 64 base62, and Segment's body has no `_`.
import type { Rule } from '../schema.js';

export const sourcegraphRules: Rule[] = [
  {
    id: 'sourcegraph-access-token',
    title: 'Sourcegraph access token',
    severity: 'high',
    keywords: ['sgp_'],
    // Length: 16 hex of identifier and 40 hex of token, as the generator writes them.
    pattern: '(?<![A-Za-z0-9_])(?<secret>sgp_(?:(?:[0-9a-f]{16}|local)_)?[0-9a-f]{40})(?![A-Za-z0-9_])',
    entropy: 3,
    examples: [
      'SRC_ACCESS_TOKEN=sgp_{{hex:16}}_{{hex:40}}',
      'curl -H "Authorization: token sgp_local_{{hex:40}}" https://sourcegraph.example.com/.api/graphql',
      '  sourcegraph_token: sgp_{{hex:40}}',
    ],
    negativeExamples: [
      // Segment's Public API token: same prefix, 64 base62 characters.
      'SEGMENT_PUBLIC_API_TOKEN=sgp_{{base62:64}}',
      'SRC_ACCESS_TOKEN=sgp_{{hex:16}}_{{hex:20}}',
      'SRC_ACCESS_TOKEN=sgp_<token>',
      'SRC_ACCESS_TOKEN=sgp_0000000000000000000000000000000000000000',
    ],
    fix: {
      env: 'SRC_ACCESS_TOKEN',
      provider: 'Sourcegraph',
      rotate: [
        'On the Sourcegraph instance open your avatar → Settings → Access tokens and delete the leaked token.',
        'Generate a new token with the narrowest scope (user:all, not site-admin:sudo unless needed) and a short expiry.',
        'Store it in your CI or secrets manager as SRC_ACCESS_TOKEN and redeploy.',
        'Ask a site admin to review the instance logs for API calls made with the old token.',
      ],
      docs: 'https://sourcegraph.com/docs/cli/how-tos/revoking_an_access_token',
    },
    guide: {
      grants:
        "An access token calls the Sourcegraph API as its user: code search over every repository the user can see, and with site-admin:sudo, any user's access.",
      risks:
        'An attacker can search and read your private code, including secrets committed in it, and use batch changes or code host connections the user can reach.',
      checkMisuse:
        "Sourcegraph's security event logs (site admin → Audit logs) record access-token use; check the token's last-used time on the Access tokens page.",
    },
  },
];
