// Linear API credentials: https://linear.app/developers/graphql#authentication and
// https://linear.app/developers/oauth-2-0-authentication
// Personal API keys are `lin_api_` + 40 base62; OAuth access tokens are `lin_oauth_` + 64 hex.
import type { Rule } from '../schema.js';

const guide = {
  grants:
    "The token calls Linear's GraphQL API as its user or OAuth app: issues, projects, cycles, comments and team settings in the workspace, within its scopes.",
  risks:
    'An attacker can read every issue and comment (roadmaps, incident notes, customer names), create or edit issues, post comments as the user and, with admin scope, change workspace settings.',
  checkMisuse:
    'In Linear, Settings → Administration → Audit log (Enterprise) and the API key list show recent use; also look for issues, comments or webhooks you did not create.',
};

export const linearRules: Rule[] = [
  {
    id: 'linear-api-key',
    title: 'Linear personal API key',
    severity: 'high',
    keywords: ['lin_api_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9_])',
    entropy: 4,
    examples: [
      'LINEAR_API_KEY=lin_api_{{base62:40}}',
      "const linear = new LinearClient({ apiKey: 'lin_api_{{base62:40}}' });",
      'curl -H "Authorization: lin_api_{{base62:40}}" https://api.linear.app/graphql',
    ],
    negativeExamples: [
      'LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'LINEAR_API_KEY=lin_api_{{base62:24}}',
      'def lin_api_client_factory(settings):',
      'LINEAR_API_KEY=${LINEAR_API_KEY}',
    ],
    fix: {
      env: 'LINEAR_API_KEY',
      provider: 'Linear',
      rotate: [
        'In Linear open Settings → Account → Security & access → Personal API keys.',
        'Create a new key with only the permissions and teams the integration needs, and copy it.',
        'Store it in your secrets manager or environment and redeploy the integration.',
        'Revoke the old key on the same page and review recent activity in the workspace.',
      ],
      docs: 'https://linear.app/docs/api-and-webhooks',
    },
    guide,
  },
  {
    id: 'linear-oauth-access-token',
    title: 'Linear OAuth access token',
    severity: 'high',
    keywords: ['lin_oauth_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>lin_oauth_[a-f0-9]{64})(?![A-Za-z0-9_])',
    entropy: 3.5,
    examples: [
      'LINEAR_OAUTH_TOKEN=lin_oauth_{{hex:64}}',
      'headers = {"Authorization": "Bearer lin_oauth_{{hex:64}}"}',
      '"accessToken": "lin_oauth_{{hex:64}}",',
    ],
    negativeExamples: [
      'LINEAR_OAUTH_TOKEN=lin_oauth_xxx',
      'LINEAR_OAUTH_TOKEN=lin_oauth_{{hex:40}}',
      'LINEAR_OAUTH_CLIENT_ID={{hex:32}}',
    ],
    fix: {
      env: 'LINEAR_OAUTH_TOKEN',
      provider: 'Linear',
      rotate: [
        "Revoke the token through Linear's OAuth revoke endpoint (or have the user remove the app under Settings → Account → Security & access).",
        'Run the OAuth flow again to obtain a new access token and store it encrypted, never in the repository.',
        "If the app's client secret was exposed alongside it, rotate the secret in Settings → API → OAuth applications.",
        'Review issues, comments and webhooks created by the app for anything unexpected.',
      ],
      docs: 'https://linear.app/developers/oauth-2-0-authentication',
    },
    guide,
  },
];
