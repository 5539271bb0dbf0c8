// JSON Web Tokens (RFC 7519) in compact JWS form: base64url header `eyJ…` . payload . signature.
// Only tokens that carry a signature count (`jwt-signed` checks that header and payload decode to JSON and the
// algorithm is not `none`); unsigned tokens grant nothing. Severity is medium: most committed JWTs are short-lived
// test or session tokens, but long-lived service tokens (API keys issued as JWTs) exist too.
import type { Rule } from '../schema.js';

export const jwtRules: Rule[] = [
  {
    id: 'jwt-signed-token',
    title: 'Signed JSON Web Token (JWT)',
    severity: 'medium',
    keywords: ['eyj'],
    // The jwt.io documentation token is public and excluded by its signature.
    // Length: RFC 7519 sets none; header 8–2048, payload 8–8192 and signature 16–1024 (an RS4096 signature is 683
    // characters) are the observed range with room.
    pattern: String.raw`(?<secret>eyJ(?<![A-Za-z0-9_-]eyJ)[A-Za-z0-9_-]{8,2048}\.ey[A-Za-z0-9_-]{8,8192}\.(?!SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c)[A-Za-z0-9_-]{16,1024})(?![A-Za-z0-9_-])`,
    verify: 'jwt-signed',
    // jwt.io's example token (HS256, "John Doe", signed with `your-256-bit-secret`), in every tutorial: not a
    // finding. SHA-256 of it.
    documented: ['7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606'],
    examples: [
      'Authorization: Bearer {{jwt}}',
      'SERVICE_TOKEN={{jwt}}',
      'const token = "{{jwt}}";',
      'https://app.corp.io/callback#id_token={{jwt}}&state=af0ifjsldkj',
    ],
    negativeExamples: [
      // jwt.io's example (documented above).
      'const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";',
      'token = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0."',
      'token = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.{{base64url:43}}"',
      'token = "eyJ{{base64url:20}}.eyJ{{base64url:30}}.{{base64url:43}}"',
      'const example = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";',
      'header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"',
      'token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.short"',
    ],
    fix: {
      env: 'SERVICE_TOKEN',
      provider: 'the service that issued the token',
      rotate: [
        'Decode the token (header and payload are only base64url) to see its issuer (`iss`), subject (`sub`) and expiry (`exp`).',
        "If it has not expired, revoke it at the issuer (revoke the session, refresh token or API key it belongs to); if it cannot be revoked, rotate the issuer's signing key.",
        'Issue a new token and load it from your secrets manager or environment.',
        "Check the issuer's and the API's logs for requests made with the token.",
      ],
      docs: 'https://www.rfc-editor.org/rfc/rfc7519',
    },
    guide: {
      grants:
        'A signed JWT is accepted as proof of the identity and permissions in its payload by every service that trusts its issuer, until it expires.',
      risks:
        "An attacker replays the token to act as its subject; tokens without an expiry (`exp`) or with long lifetimes stay valid until the issuer's key is rotated.",
      checkMisuse:
        "Look for the token's subject and token id (`jti`) in the API gateway or service logs, and check requests from unknown addresses.",
    },
  },
];
