// Fly.io API tokens: https://fly.io/docs/security/tokens/
// Current tokens are macaroons: `fm2_` + base64 (several may be joined with commas), sent as `FlyV1 fm2_…`.
// Older user tokens from `fly auth token` are `fo1_` + 43 base64url characters.
import type { Rule } from '../schema.js';

const fix = {
  env: 'FLY_API_TOKEN',
  provider: 'Fly.io',
  rotate: [
    'Create a replacement with the narrowest scope that works, e.g. `fly tokens create deploy -a APP --expiry 720h`.',
    'Store it as the FLY_API_TOKEN secret of your CI and redeploy.',
    'Revoke the leaked token: `fly tokens list` to find it, then `fly tokens revoke ID` (for user tokens, log out everywhere from the dashboard).',
    "Check `fly releases -a APP` and the organization's audit log for deploys or changes you did not make.",
  ],
  docs: 'https://fly.io/docs/security/tokens/',
};
const guide = {
  grants:
    'A Fly.io token acts on the Machines and GraphQL APIs within its caveats: an org token reaches every app in the organization, a deploy token one app.',
  risks:
    'An attacker can deploy their own image to your app, read secrets at runtime from inside it, start Machines on your bill or destroy apps and volumes.',
  checkMisuse:
    "`fly releases`, `fly machines list` and the organization's activity/audit log show deploys and Machine changes; look for images or regions you do not use.",
};

export const flyRules: Rule[] = [
  {
    id: 'flyio-macaroon-token',
    title: 'Fly.io API token (macaroon)',
    severity: 'high',
    keywords: ['fm2_'],
    // Length: macaroons grow with their caveats and have no documented length; 64–4096 per part is the
    // observed range (several hundred characters today) with room.
    pattern:
      '(?<![A-Za-z0-9_])(?<secret>fm2_[A-Za-z0-9+/]{64,4096}={0,2}(?:,fm2_[A-Za-z0-9+/]{20,4096}={0,2})?)(?![A-Za-z0-9+/=])',
    entropy: 4.5,
    examples: [
      'FLY_API_TOKEN="FlyV1 fm2_lJPE{{base64:400}},fm2_lJPE{{base64:200}}"',
      'Authorization: FlyV1 fm2_{{base64:300}}',
      'fly_token = "fm2_lJPE{{base64:500}}"',
    ],
    negativeExamples: [
      'FLY_API_TOKEN="FlyV1 fm2_..."',
      'FLY_API_TOKEN="FlyV1 fm2_{{base64:30}}"',
      'fly_token = "${FLY_API_TOKEN}"',
    ],
    fix,
    guide,
  },
  {
    id: 'flyio-access-token',
    title: 'Fly.io access token (fo1_)',
    severity: 'high',
    keywords: ['fo1_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'FLY_API_TOKEN=fo1_{{base64url:43}}',
      'flyctl deploy --access-token fo1_{{base64url:43}}',
      '{"access_token": "fo1_{{base64url:43}}"}',
    ],
    negativeExamples: [
      'FLY_API_TOKEN=fo1_{{base64url:20}}',
      'FLY_API_TOKEN=fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'FLY_API_TOKEN=fo1_{{base64url:60}}',
    ],
    fix,
    guide,
  },
];
