// Auth0 credentials: https://auth0.com/docs/get-started/applications/application-settings and
// https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens
// Application client secrets are 64 base64url characters without a prefix (the client id beside them is public).
// Management API tokens are ordinary JWTs: they count only next to Auth0 management near words (the
// `<tenant>.auth0.com/api/v2` audience, a ManagementClient, or an AUTH0_MANAGEMENT… name).
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const auth0Rules: Rule[] = [
  {
    id: 'auth0-client-secret',
    title: 'Auth0 application client secret',
    severity: 'high',
    keywords: [],
    near: { words: ['auth0'], lines: 3 },
    pattern: `client[_-]?secret${ASSIGN}(?<secret>[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])`,
    flags: 'i',
    entropy: 4,
    examples: [
      'AUTH0_CLIENT_SECRET={{base64url:64}}',
      "const auth0 = new AuthenticationClient({ domain: 'acme.eu.auth0.com', clientId: '{{base62:32}}', clientSecret: '{{base64url:64}}' });",
      'auth0_client_secret: "{{base64url:64}}"',
    ],
    negativeExamples: [
      'AUTH0_CLIENT_ID={{base62:32}}',
      'AUTH0_DOMAIN=acme.eu.auth0.com',
      'AUTH0_CLIENT_SECRET={{base64url:32}}',
      'GOOGLE_CLIENT_SECRET={{base64url:64}}',
    ],
    fix: {
      env: 'AUTH0_CLIENT_SECRET',
      provider: 'Auth0',
      rotate: [
        'In the Auth0 Dashboard open Applications → Applications and select the application.',
        'Under Settings → Client Secret choose "Rotate" (or use the Management API\'s rotate-secret endpoint) and copy the new secret.',
        'Store it in your secrets manager or environment and redeploy every service that authenticates as this application.',
        'Check Monitoring → Logs for token exchanges by this client from unfamiliar IP addresses.',
      ],
      docs: 'https://auth0.com/docs/get-started/applications/rotate-client-secret',
    },
    guide: {
      grants:
        'The client secret authenticates the application to Auth0: exchanging authorization codes for tokens and, for machine-to-machine apps, obtaining access tokens for the APIs it is authorized for (possibly the Management API).',
      risks:
        'An attacker can impersonate your application, mint access tokens for your APIs with its grants, and, if it is authorized for the Management API, read and change users and tenant settings.',
      checkMisuse:
        'In Auth0 Monitoring → Logs filter by the client id for "Success Exchange" (seccft) events and management operations from IP addresses you do not recognise.',
    },
  },
  {
    id: 'auth0-management-api-token',
    title: 'Auth0 Management API access token',
    severity: 'high',
    keywords: [],
    near: {
      words: [
        'auth0.com/api/v2',
        'auth0_management',
        'auth0_mgmt',
        'managementclient',
        'auth0_api_token',
        'auth0_token',
      ],
      lines: 3,
    },
    // Length: an RS256 JWT; RFC 7519 sets no length, so each part's bound is the observed range with room.
    pattern:
      '(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])',
    verify: 'jwt-signed',
    examples: [
      'AUTH0_MANAGEMENT_API_TOKEN={{jwt}}',
      "const management = new ManagementClient({ domain: 'acme.auth0.com', token: '{{jwt}}' });",
      'curl -H "Authorization: Bearer {{jwt}}" https://acme.auth0.com/api/v2/users',
    ],
    negativeExamples: [
      'AUTH0_ID_TOKEN={{jwt}}',
      'AUTH0_MANAGEMENT_API_TOKEN=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
      'curl -H "Authorization: Bearer {{jwt}}" https://api.acme.io/v1/orders',
      'AUTH0_MANAGEMENT_API_TOKEN=${AUTH0_MANAGEMENT_API_TOKEN}',
    ],
    fix: {
      env: 'AUTH0_MANAGEMENT_API_TOKEN',
      provider: 'Auth0',
      rotate: [
        'Do not store Management API tokens: let the service request short-lived tokens with the client-credentials grant at run time.',
        "If the token was issued from the API Explorer, go to Applications → APIs → Auth0 Management API → API Explorer and rotate that application's client secret.",
        'Redeploy the service with the client credentials stored in your secrets manager.',
        'Review Monitoring → Logs for Management API operations made while the token was valid.',
      ],
      docs: 'https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens',
    },
    guide: {
      grants:
        "A Management API token calls your tenant's /api/v2 endpoints with the scopes it was issued with: users, connections, applications, rules, actions and tenant settings.",
      risks:
        'Until it expires an attacker can read and export user profiles, change passwords and emails, add themselves as users or admins, and alter login flows to capture credentials.',
      checkMisuse:
        'Auth0 Monitoring → Logs records Management API operations (type "sapi") with the client id and IP; look for user exports, role grants or connection and action changes.',
    },
  },
];
