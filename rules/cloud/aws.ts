// AWS temporary credentials: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html
// The session token that comes with an `ASIA…` key pair from STS is a long base64 blob with no fixed prefix of
// its own (current ones start `IQoJb3JpZ2luX2Vj`, older ones `FwoGZXIvYXdz`), so the rule needs the variable or
// field name that carries it. The access key id and secret access key rules live in rules/aws.ts.
import type { Rule } from '../schema.js';

export const awsCloudRules: Rule[] = [
  {
    id: 'aws-session-token',
    title: 'AWS session token (temporary credentials)',
    severity: 'high',
    keywords: ['session_token', 'sessiontoken', 'session-token', 'security-token', 'security_token'],
    flags: 'i',
    pattern:
      '(?:session[_-]?token|security[_-]token)[\\s"\'\\\\]{0,5}(?::|=>|=|,)[\\s"\'\\\\]{0,5}(?<secret>[A-Za-z0-9/+%]{100,4096}={0,2})(?![A-Za-z0-9/+%=])',
    entropy: 4,
    // AWS context, or the token's own recognisable base64 start.
    near: {
      words: ['aws', 'amz', 'sts', 'boto', 'iqojb3jpz2lux2vj', 'fwogzxivyxdz', 'fqogzxivyxdz', 'aqodyxdz'],
      lines: 3,
    },
    examples: [
      'aws_session_token = IQoJb3JpZ2luX2Vj{{base64:380}}',
      'AWS_SESSION_TOKEN=FwoGZXIvYXdzE{{base64:300}}',
      '"SessionToken": "IQoJb3JpZ2luX2Vj{{base64:600}}",',
    ],
    negativeExamples: [
      'AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}',
      'aws_session_token = IQoJb3JpZ2luX2Vj{{base64:40}}',
      'flask_session_token = "{{base64:200}}"',
      'AWS_SESSION_TOKEN=<paste the SessionToken from `aws sts get-session-token` here>',
    ],
    fix: {
      env: 'AWS_SESSION_TOKEN',
      provider: 'AWS',
      rotate: [
        'Find the role or user the token was issued for (`aws sts get-caller-identity` with the leaked credentials, or the ASIA key id in CloudTrail).',
        'For a role, open IAM → Roles → (the role) → Revoke sessions, which denies every session token issued before now.',
        "For an IAM user's session, deactivate the user's long-term access key that requested it, then issue new credentials.",
        'Stop storing session tokens: let the SDK obtain them from an instance or container role, SSO or `aws configure sso` at run time.',
      ],
      docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
    },
    guide: {
      grants:
        'Together with its ASIA access key id and secret, a session token signs AWS API calls with the permissions of the role or user it was issued to, until it expires (minutes to 36 hours).',
      risks:
        'Within its lifetime an attacker can read data, start resources or create persistent access (new users, keys or roles) if the role allows it; revoking only after expiry is too late.',
      checkMisuse:
        'Search CloudTrail for the ASIA access key id (userIdentity.accessKeyId) and the role session name, and look for calls from unfamiliar IP addresses or user agents.',
    },
  },
];
