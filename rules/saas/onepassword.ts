// 1Password automation credentials: https://developer.1password.com/docs/service-accounts/ and
// https://developer.1password.com/docs/connect/
// Service account tokens are `ops_` + base64 JSON (`eyJ…`, several hundred characters). Connect server access
// tokens are JWTs with no marker of their own: counted only next to 1Password Connect near words (OP_CONNECT_…).
import type { Rule } from '../schema.js';

export const onepasswordRules: Rule[] = [
  {
    id: 'onepassword-service-account-token',
    title: '1Password service account token',
    severity: 'critical',
    keywords: ['ops_eyj'],
    // Length: base64 JSON of several hundred characters (1Password documents no length): observed range
    // 100–4000.
    pattern: '(?<![A-Za-z0-9_])(?<secret>ops_eyJ[A-Za-z0-9+/_-]{100,4000}={0,2})(?![A-Za-z0-9+/=_-])',
    entropy: 4.5,
    examples: [
      'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{{base64url:860}}',
      "env: { OP_SERVICE_ACCOUNT_TOKEN: 'ops_eyJ{{base64:900}}' }",
      'op_client = await Client.authenticate(auth="ops_eyJ{{base64url:840}}", integration_name="deploy", integration_version="1.0")',
    ],
    negativeExamples: [
      'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...',
      'OP_SERVICE_ACCOUNT_TOKEN=ops_your_token',
      'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{{base64url:40}}',
      'OP_SERVICE_ACCOUNT_TOKEN=op://Infra/ci-token/credential',
    ],
    fix: {
      env: 'OP_SERVICE_ACCOUNT_TOKEN',
      provider: '1Password',
      rotate: [
        'In 1Password open Developer → Service Accounts (or Integrations → Directory) and select the service account.',
        'Choose "Rotate token" (or create a new service account with access to only the vaults it needs) and copy the new token.',
        'Store it in your CI or platform secret store and redeploy the jobs that use it.',
        "Revoke the old token, then review the service account's activity and the vault item usage reports.",
      ],
      docs: 'https://developer.1password.com/docs/service-accounts/manage-service-accounts/',
    },
    guide: {
      grants:
        'A service account token signs in to 1Password as the service account and reads (or writes) the items in every vault that account was granted.',
      risks:
        'An attacker can fetch every password, API key and certificate in those vaults: usually the credentials that unlock your production systems.',
      checkMisuse:
        "In 1Password, the service account's Activity and the Usage Reports / Events API show which items it read and from which IP; rotate every item it could read if access looks foreign.",
    },
  },
  {
    id: 'onepassword-connect-token',
    title: '1Password Connect server access token',
    severity: 'critical',
    keywords: [],
    near: { words: ['op_connect', 'op-connect', '1password', 'onepassword'], lines: 3 },
    // Length: a JWT; RFC 7519 sets no length, so each part's bound is the observed range with room.
    pattern:
      '(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])',
    verify: 'jwt-signed',
    examples: [
      'OP_CONNECT_TOKEN={{jwt}}',
      'client = new_client("http://op-connect:8080", "{{jwt}}")',
      "onepassword: { connectHost: 'https://connect.acme.internal', connectToken: '{{jwt}}' }",
    ],
    negativeExamples: [
      'OP_CONNECT_HOST=http://localhost:8080',
      'SESSION_JWT={{jwt}}',
      'OP_CONNECT_TOKEN=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
      'OP_CONNECT_TOKEN=${OP_CONNECT_TOKEN}',
    ],
    fix: {
      env: 'OP_CONNECT_TOKEN',
      provider: '1Password',
      rotate: [
        'In 1Password open Developer → Connect servers (or Integrations → Directory) and select the Connect server.',
        'Issue a new access token limited to the vaults the consumer needs, and copy it.',
        'Store it in your platform secret store and redeploy the applications that talk to the Connect server.',
        "Revoke the old token on the Connect server's page, then review the vault items it could read.",
      ],
      docs: 'https://developer.1password.com/docs/connect/manage-connect/',
    },
    guide: {
      grants:
        'A Connect access token authenticates requests to your 1Password Connect server, which serves the items of the vaults the token was granted.',
      risks:
        'Anyone who can reach the Connect server with the token can read (and with write access, change) the secrets in those vaults.',
      checkMisuse:
        "Check the Connect server's logs and the 1Password activity for the Connect integration for item reads from unexpected clients; rotate the items if in doubt.",
    },
  },
];
