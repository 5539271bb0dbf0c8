// Heroku Platform API credentials: https://devcenter.heroku.com/articles/authentication
// Newer API keys and OAuth tokens start with `HRKU-` (then `AA` and 58 base64url characters); older ones are a bare
// UUID, which counts only on a line that names a Heroku API key or token (app ids are UUIDs too).
import type { Rule } from '../schema.js';

const UUID = '{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}';

const fix = {
  env: 'HEROKU_API_KEY',
  provider: 'Heroku',
  rotate: [
    'For a dashboard API key: Account settings → API Key → Regenerate API Key; for an authorization: `heroku authorizations:rotate ID` or `heroku authorizations:revoke ID`.',
    'Create a long-lived, narrowly scoped token for automation with `heroku authorizations:create -s SCOPE -d "ci"`.',
    'Store it in your CI or secrets manager and redeploy the jobs that use it.',
    "Review each app's Activity tab and `heroku releases` for deploys, config changes or add-ons you did not make.",
  ],
  docs: 'https://devcenter.heroku.com/articles/authentication',
};
const guide = {
  grants:
    'A Heroku API key or OAuth token with global scope acts as the user on the Platform API: every app, config var, add-on, pipeline and team they can access.',
  risks:
    'An attacker can read config vars (database URLs and every other secret in them), deploy code to your apps, scale dynos on your bill or delete apps.',
  checkMisuse:
    "Each app's Activity feed and `heroku releases` show deploys and config changes; `heroku authorizations` lists tokens, and team audit trails (Enterprise) show API actions.",
};

export const herokuRules: Rule[] = [
  {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    severity: 'high',
    keywords: ['hrku-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>HRKU-[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'HEROKU_API_KEY=HRKU-AA{{base64url:58}}',
      'Authorization: Bearer HRKU-AA{{base64url:58}}',
      'const heroku = new Heroku({ token: "HRKU-AA{{base64url:58}}" });',
    ],
    negativeExamples: [
      'HEROKU_API_KEY=HRKU-AA{{base64url:20}}',
      'HEROKU_API_KEY=HRKU-<your-api-key>',
      'HEROKU_API_KEY=HRKU-AA{{base64url:70}}',
    ],
    fix,
    guide,
  },
  {
    id: 'heroku-api-key-legacy',
    title: 'Heroku API key (UUID format)',
    severity: 'high',
    keywords: ['heroku'],
    near: {
      words: [
        'heroku_api_key',
        'heroku_api_token',
        'heroku_auth_token',
        'heroku_oauth_token',
        'heroku_token',
        'herokuapikey',
        'heroku-api-key',
        'api.heroku.com',
      ],
      lines: 0,
    },
    pattern: '(?<![A-Za-z0-9-])(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])',
    entropy: 3,
    examples: [
      `HEROKU_API_KEY=${UUID}`,
      `machine api.heroku.com login ops@acme.io password ${UUID}`,
      `  heroku_api_key: "${UUID}"`,
    ],
    negativeExamples: [
      `HEROKU_APP_ID=${UUID}`,
      `heroku_app = { id: "${UUID}" }`,
      'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
    ],
    fix,
    guide,
  },
];
