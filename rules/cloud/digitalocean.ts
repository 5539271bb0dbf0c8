// DigitalOcean API tokens: `dop_v1_` (personal access token), `doo_v1_` (OAuth access token) and `dor_v1_`
// (OAuth refresh token), each followed by 64 lowercase hex characters.
// https://docs.digitalocean.com/reference/api/create-personal-access-token/ and …/reference/api/oauth/
import type { Rule } from '../schema.js';

const HEX64 = '[a-f0-9]{64}';

const guide = (what: string) => ({
  grants: `${what} It calls the DigitalOcean API with the scopes it was given: Droplets, Kubernetes, databases, Spaces keys, DNS, load balancers and billing.`,
  risks:
    'An attacker can create Droplets for crypto-mining on your bill, snapshot and copy disks and databases, change DNS or firewalls, or destroy your infrastructure.',
  checkMisuse:
    "Control panel → Settings → Security history and each team's activity log list API actions; also look for Droplets, keys or tokens you did not create and for billing spikes.",
});

export const digitaloceanRules: Rule[] = [
  {
    id: 'digitalocean-personal-access-token',
    title: 'DigitalOcean personal access token',
    severity: 'critical',
    keywords: ['dop_v1_'],
    pattern: `(?<![A-Za-z0-9_])(?<secret>dop_v1_${HEX64})(?![A-Za-z0-9])`,
    entropy: 3,
    examples: [
      'DIGITALOCEAN_TOKEN=dop_v1_{{hex:64}}',
      'doctl auth init --access-token dop_v1_{{hex:64}}',
      'provider "digitalocean" { token = "dop_v1_{{hex:64}}" }',
    ],
    negativeExamples: [
      'DIGITALOCEAN_TOKEN=dop_v1_{{hex:40}}',
      'DIGITALOCEAN_TOKEN=dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'DIGITALOCEAN_TOKEN=dop_v1_{{HEX:64}}',
    ],
    fix: {
      env: 'DIGITALOCEAN_TOKEN',
      provider: 'DigitalOcean',
      rotate: [
        'In the DigitalOcean control panel open API → Tokens and generate a new token with only the scopes you need and an expiry.',
        'Deploy it to your CI secrets, Terraform variables or doctl contexts that used the old one.',
        'Delete the leaked token on the same page.',
        'Review Settings → Security history and your resources for changes made since the leak.',
      ],
      docs: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
    },
    guide: guide('A personal access token acts as the user who created it in that team.'),
  },
  {
    id: 'digitalocean-oauth-token',
    title: 'DigitalOcean OAuth access token',
    severity: 'high',
    keywords: ['doo_v1_'],
    pattern: `(?<![A-Za-z0-9_])(?<secret>doo_v1_${HEX64})(?![A-Za-z0-9])`,
    entropy: 3,
    examples: [
      'DO_ACCESS_TOKEN=doo_v1_{{hex:64}}',
      'Authorization: Bearer doo_v1_{{hex:64}}',
      '{"access_token": "doo_v1_{{hex:64}}", "token_type": "bearer"}',
    ],
    negativeExamples: [
      'Authorization: Bearer doo_v1_{{hex:20}}',
      'DO_ACCESS_TOKEN=doo_v1_<token>',
      'DO_ACCESS_TOKEN=dooo_v1_{{hex:64}}',
    ],
    fix: {
      env: 'DIGITALOCEAN_ACCESS_TOKEN',
      provider: 'DigitalOcean',
      rotate: [
        'Revoke the token with `POST https://cloud.digitalocean.com/v1/oauth/revoke` (token=…), or have the user remove the app under Settings → Applications & API.',
        'Obtain a fresh token through your OAuth flow and store it encrypted, not in the repository.',
        "Review the team's Security history for actions taken with the app's authorization.",
      ],
      docs: 'https://docs.digitalocean.com/reference/api/oauth/',
    },
    guide: guide('An OAuth access token acts for the user who authorised your OAuth application.'),
  },
  {
    id: 'digitalocean-refresh-token',
    title: 'DigitalOcean OAuth refresh token',
    severity: 'high',
    keywords: ['dor_v1_'],
    pattern: `(?<![A-Za-z0-9_])(?<secret>dor_v1_${HEX64})(?![A-Za-z0-9])`,
    entropy: 3,
    examples: [
      'DO_REFRESH_TOKEN=dor_v1_{{hex:64}}',
      '{"refresh_token": "dor_v1_{{hex:64}}", "expires_in": 2592000}',
      "refresh_token = 'dor_v1_{{hex:64}}'",
    ],
    negativeExamples: ['DO_REFRESH_TOKEN=dor_v1_{{hex:63}}', 'refresh_token = "dor_v1_..."', 'door_v1_{{hex:64}}'],
    fix: {
      env: 'DIGITALOCEAN_REFRESH_TOKEN',
      provider: 'DigitalOcean',
      rotate: [
        'Revoke the refresh token with `POST https://cloud.digitalocean.com/v1/oauth/revoke`, or have the user remove the app under Settings → Applications & API.',
        'Run the OAuth authorization again to obtain a new token pair and store it encrypted.',
        "Review the team's Security history for actions taken since the leak.",
      ],
      docs: 'https://docs.digitalocean.com/reference/api/oauth/',
    },
    guide: guide(
      'A refresh token mints new OAuth access tokens for the user who authorised your application, so it lasts much longer than one access token.',
    ),
  },
];
