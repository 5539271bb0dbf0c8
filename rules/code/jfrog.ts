// JFrog Platform / Artifactory credentials: https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens
// Legacy API keys: `AKCp` + 69 alphanumerics. Reference tokens (also used for identity tokens): base64 of
// "reftkn:01:<expiry>:<random>", so they start `cmVmdGtuOjAxOj`. Access tokens are RS256 JWTs whose header starts
// {"ver":"2", (`eyJ2ZXIiOiIy`); those count only next to JFrog names.
import type { Rule } from '../schema.js';

// {"ver":"2","typ":"JWT","alg":"RS256","kid":"Xq3vWj0fS2kYtL9mN4pR7cB1dE6gH8aK"}
const JWT_HEADER =
  'eyJ2ZXIiOiIyIiwidHlwIjoiSldUIiwiYWxnIjoiUlMyNTYiLCJraWQiOiJYcTN2V2owZlMya1l0TDltTjRwUjdjQjFkRTZnSDhhSyJ9';
// {"sub":"jfac@01h8z3k2q9/users/deployer","scp":"applied-permissions/user","aud":"*@*","iss":"jfac@01h8z3k2q9",…}
const JWT_PAYLOAD =
  'eyJzdWIiOiJqZmFjQDAxaDh6M2sycTkvdXNlcnMvZGVwbG95ZXIiLCJzY3AiOiJhcHBsaWVkLXBlcm1pc3Npb25zL3VzZXIiLCJhdWQiOiIqQCoiLCJpc3MiOiJqZmFjQDAxaDh6M2sycTkiLCJleHAiOjE4OTM0NTYwMDAsImlhdCI6MTcwMDAwMDAwMCwianRpIjoiNWQwYzRlN2EtMmIxZi00YzNlLTlhOGQtNmY3ZTFiMmMzZDRlIn0';

const rotate = [
  'In the JFrog Platform open Administration → User Management → Access Tokens (or your profile for identity tokens and API keys) and revoke the leaked credential.',
  'Create a scoped access token with an expiry for the job that needs it (API keys are deprecated).',
  'Update CI secrets, .npmrc/settings.xml/pip.conf and `jf config` profiles that used the old value.',
  'Review the Artifactory access and request logs for use of the credential since the leak.',
];
const checkMisuse =
  "Artifactory's access log and request log (or the Platform's audit trail / log analytics) show which user or token downloaded, deployed or deleted artifacts and from which IP address.";

export const jfrogRules: Rule[] = [
  {
    id: 'jfrog-api-key',
    title: 'JFrog Artifactory API key',
    severity: 'high',
    keywords: ['akcp'],
    pattern: '(?<![A-Za-z0-9])(?<secret>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9])',
    entropy: 4,
    examples: [
      'ARTIFACTORY_API_KEY=AKCp8{{base62:68}}',
      'curl -H "X-JFrog-Art-Api: AKCp5{{base62:68}}" https://acme.jfrog.io/artifactory/api/repositories',
      '<password>AKCp8{{base62:68}}</password>',
    ],
    negativeExamples: [
      'ARTIFACTORY_API_KEY=AKCp{{base62:20}}',
      'ARTIFACTORY_API_KEY=${ARTIFACTORY_API_KEY}',
      'ARTIFACTORY_API_KEY=AKCp{{base62:80}}',
    ],
    fix: {
      env: 'ARTIFACTORY_API_KEY',
      provider: 'JFrog',
      rotate,
      docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    },
    guide: {
      grants:
        "An API key authenticates as its user to Artifactory's REST API and package clients, with all of that user's permissions.",
      risks:
        'An attacker can download private artifacts and deploy or overwrite packages and images that your builds and servers pull.',
      checkMisuse,
    },
  },
  {
    id: 'jfrog-reference-token',
    title: 'JFrog reference or identity token',
    severity: 'high',
    keywords: ['cmvmdgtuojaxoj'],
    // Length: JFrog documents the prefix, not the length: 40–60 after it is the observed range.
    pattern: '(?<![A-Za-z0-9+/])(?<secret>cmVmdGtuOjAxOj[A-Za-z0-9+/]{40,60}={0,2})(?![A-Za-z0-9+/=])',
    entropy: 4,
    examples: [
      'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj{{base62:50}}',
      'jf config add prod --url=https://acme.jfrog.io --access-token=cmVmdGtuOjAxOj{{base62:50}}',
      '//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=cmVmdGtuOjAxOj{{base62:50}}',
    ],
    negativeExamples: [
      'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj{{base62:10}}',
      'JFROG_ACCESS_TOKEN=${JFROG_ACCESS_TOKEN}',
      'JFROG_ACCESS_TOKEN=cmVmdGtu',
    ],
    fix: {
      env: 'JFROG_ACCESS_TOKEN',
      provider: 'JFrog',
      rotate,
      docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    },
    guide: {
      grants:
        "A reference token (the short form of an access or identity token) authenticates to the JFrog Platform with the scope of the token it refers to, usually a user's full permissions.",
      risks:
        'An attacker can read private repositories and deploy malicious packages or images into repositories your builds trust.',
      checkMisuse,
    },
  },
  {
    id: 'jfrog-access-token',
    title: 'JFrog access token (JWT)',
    severity: 'high',
    keywords: ['eyj2zxiioiiy'],
    near: { words: ['jfrog', 'artifactory', 'jfac@'], lines: 3 },
    // Length: an RS256 JWT (a 342-character signature for 2048-bit keys); its parts' bounds are the observed
    // range with room, as RFC 7519 sets none.
    pattern:
      '(?<![A-Za-z0-9_-])(?<secret>eyJ2ZXIiOiIy[A-Za-z0-9_-]{20,400}\\.eyJ[A-Za-z0-9_-]{20,2000}\\.[A-Za-z0-9_-]{40,1000})(?![A-Za-z0-9_-])',
    verify: 'jwt-signed',
    examples: [
      `JFROG_ACCESS_TOKEN=${JWT_HEADER}.${JWT_PAYLOAD}.{{base64url:342}}`,
      `curl -H "Authorization: Bearer ${JWT_HEADER}.${JWT_PAYLOAD}.{{base64url:342}}" https://acme.jfrog.io/artifactory/api/system/ping`,
      `artifactory_token: "${JWT_HEADER}.${JWT_PAYLOAD}.{{base64url:342}}"`,
    ],
    negativeExamples: [
      `id_token = "${JWT_HEADER}.${JWT_PAYLOAD}.{{base64url:342}}"`,
      'JFROG_ACCESS_TOKEN={{jwt}}',
      `JFROG_ACCESS_TOKEN=${JWT_HEADER}.${JWT_PAYLOAD}.`,
    ],
    fix: {
      env: 'JFROG_ACCESS_TOKEN',
      provider: 'JFrog',
      rotate,
      docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    },
    guide: {
      grants:
        "An access token authenticates to the JFrog Platform with the scope in its `scp` claim (a user's permissions, a group's, or admin) until it expires or is revoked.",
      risks:
        'An attacker can read private repositories and deploy or delete artifacts; admin-scoped tokens can also create users and more tokens.',
      checkMisuse,
    },
  },
];
