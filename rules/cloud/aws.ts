// AWS credentials. IAM access keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
// Access key ids are `AKIA` (long-term) or `ASIA` (temporary) + 16 base32 characters; the secret access key is
// 40 base64 characters with no prefix, so it counts only next to AWS near words.
// Temporary credentials: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html
// The session token that comes with an `ASIA…` key pair from STS is a long base64 blob with no fixed prefix of
// its own (current ones start `IQoJb3JpZ2luX2Vj`, older ones `FwoGZXIvYXdz`), so the rule needs the variable or
// field name that carries it.
// Amazon Bedrock long-term API keys (https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html) are IAM
// service-specific credentials of an IAM user (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html),
// sent as a bearer token (AWS_BEARER_TOKEN_BEDROCK). AWS's guides do not print the key's shape: keys the console
// issues, and AWS Labs' git-secrets patterns, show `ABSK` + base64 of `<credential alias>:<secret>` (the alias is
// the IAM user name, `BedrockAPIKey-xxxx` when the console creates the user, + `-at-<account id>`).
import type { Rule } from '../schema.js';

const rotate = [
  'In the IAM console open Users → (the user) → Security credentials, or run `aws iam create-access-key --user-name USER`.',
  'Create a second access key and deploy it to every service and CI secret that uses the old one.',
  'Deactivate the old key (`aws iam update-access-key --status Inactive`) and watch for failures; then delete it.',
  'Check CloudTrail for calls made with the old key id since it was exposed.',
];

const guide = {
  grants:
    'An access key pair signs AWS API calls as the IAM user or role it belongs to, with all of its permissions, in every region.',
  risks:
    'Leaked AWS keys are found by bots within minutes: attackers read S3 data, start crypto-mining instances on your bill, create new users to keep access, or delete resources.',
  checkMisuse:
    'Search CloudTrail event history for the access key id (field userIdentity.accessKeyId); check IAM for users or keys you did not create and Billing for unexpected spend; AWS may also open a Support case if it sees the key in public.',
};

export const awsRules: Rule[] = [
  {
    id: 'aws-access-key-id',
    title: 'AWS access key id',
    severity: 'high',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: '(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])',
    entropy: 3,
    examples: [
      'AWS_ACCESS_KEY_ID=AKIA{{base32:16}}',
      'aws_access_key_id = ASIA{{base32:16}}',
      '"accessKeyId": "AKIA{{base32:16}}"',
    ],
    negativeExamples: [
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'region = "asia-northeast1"',
      'AKIA{{base32:10}}',
      'id = "XAKIA{{base32:16}}"',
    ],
    fix: {
      env: 'AWS_ACCESS_KEY_ID',
      provider: 'AWS',
      rotate,
      docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    },
    guide,
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    severity: 'critical',
    keywords: [],
    // An access key id on the same or a nearby line is an AWS near word too (credential constructors in Go, Java).
    near: { words: ['aws', 'secret_access_key', 'secretaccesskey', 'secret-access-key', 'akia', 'asia'], lines: 2 },
    // In the AWS SDKs every line says "aws": the value must also follow a credential name or the key id.
    credentialWords: ['secret', 'key', 'credential', 'creds', 'akia', 'asia'],
    // Not the body of a prefixed key (`pk_<40>`, a Customer.io public key).
    pattern: '(?<![A-Za-z0-9/+_])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])',
    entropy: 4.2,
    examples: [
      'AWS_SECRET_ACCESS_KEY={{base64:40}}',
      'aws_secret_access_key = {{base64:40}}',
      'new AWS.Credentials({ accessKeyId: id, secretAccessKey: "{{base64:40}}" })',
      'creds := credentials.NewStaticCredentials("AKIA{{base32:16}}", "{{base64:40}}", "")',
    ],
    negativeExamples: [
      // A minified schema viewer's component names, a date-like version among words (`JSONSchema202012…`).
      '// aws\nKeywordTitle:He,JSONSchema202012KeywordDependentRequired:et,KeywordDefault:Xe',
      // The resource part of an ARN: 40 characters of names and slashes.
      'const apiKeyProviderArn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/abc123/apikeycredentialprovider/my-apikey";',
      // A prefixed key's body on an AWS credentials line.
      'aws_secret_access_key = pk_{{base62:40}}',
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_commit = "{{hex:40}}"',
      'token = "{{base64:40}}"',
      'AWS_SECRET_ACCESS_KEY={{base64:30}}',
      // API models and SDK types: operation, exception and type names, URL paths, next to "aws" and "key".
      '{"metadata": {"serviceId": "AWS Backup"}, "key": "ListBucketAnalyticsConfigurationsRequest"}',
      'aws.ec2.keyPairs = { requestUri: "12/DescribeReplicatedVolumeSnapshotsLogs" };',
      'secretsError = new aws.KinesisFirehoseDeliveryStreamLimitErrors();',
      '"ProjectArn": "arn:aws:kms:eu-west-1:123456789012:key/RotationSchedule/1700000000000",',
      // A random value next to "aws" with no credential name in front of it.
      'const awsRegionBanner = "{{base64:40}}";',
    ],
    fix: {
      env: 'AWS_SECRET_ACCESS_KEY',
      provider: 'AWS',
      rotate,
      docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    },
    guide,
  },
  {
    id: 'aws-session-token',
    title: 'AWS session token (temporary credentials)',
    severity: 'high',
    keywords: ['session_token', 'sessiontoken', 'session-token', 'security-token', 'security_token'],
    flags: 'i',
    // Length: AWS says the session token's size is not fixed and callers should not assume a maximum (STS API
    // reference, Credentials); 100–4096 is the observed range (several hundred today) with room to grow.
    pattern:
      '(?:session[_-]?token|security[_-]token)[\\s"\'\\\\]{0,5}(?::|=>|=|,)[\\s"\'\\\\]{0,5}(?<secret>[A-Za-z0-9/+%]{100,4096}={0,2})(?![A-Za-z0-9/+%=])',
    entropy: 4,
    // AWS near words, or the token's own recognisable base64 start.
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
  {
    id: 'aws-bedrock-api-key',
    title: 'Amazon Bedrock long-term API key',
    severity: 'high',
    keywords: ['absk'],
    // Length: base64 of `<alias>:<secret>`. The alias is at most 200 characters (ServiceCredentialAlias in the IAM
    // API) and the secret about 60; a console-made key is about 128 characters after ABSK. 96–360 covers a one-
    // letter user name up to the longest alias.
    pattern: '(?<![A-Za-z0-9+/])(?<secret>ABSK[A-Za-z0-9+/]{96,360}={0,2})(?![A-Za-z0-9+/=])',
    entropy: 4,
    examples: [
      'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS{{base64:106}}=',
      'os.environ["AWS_BEARER_TOKEN_BEDROCK"] = "ABSK{{base64:128}}"',
      "curl -H 'Authorization: Bearer ABSK{{base64:160}}' https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-sonnet-4/converse",
    ],
    negativeExamples: [
      'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS0...',
      'AWS_BEARER_TOKEN_BEDROCK=${api-key}',
      'AWS_BEARER_TOKEN_BEDROCK=ABSK{{base64:40}}',
      // The short-term key is a presigned URL, and only as good as the session that made it (up to 12 hours).
      'AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-{{base64:40}}',
    ],
    fix: {
      env: 'AWS_BEARER_TOKEN_BEDROCK',
      provider: 'AWS (Amazon Bedrock)',
      rotate: [
        'In the IAM console open Users → (the user, often BedrockAPIKey-xxxx) → Security credentials → API keys for Amazon Bedrock, or run `aws iam list-service-specific-credentials --service-name bedrock.amazonaws.com`.',
        'Deactivate, then delete, the leaked key (`aws iam delete-service-specific-credential`).',
        'Prefer short-term Bedrock API keys or role credentials; if a long-term key is unavoidable, create it with an expiry and only the Bedrock permissions needed.',
        "Check CloudTrail for Bedrock calls by the key's IAM user since the leak.",
      ],
      docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
    },
    guide: {
      grants:
        'A long-term Bedrock API key calls Amazon Bedrock as its IAM user (AmazonBedrockLimitedAccess by default, which covers most of Bedrock), until it expires or is deleted; some keys never expire.',
      risks:
        'An attacker can run model inference on your account and bill, often resold, and reach whatever Bedrock resources the user may manage: guardrails, custom models, knowledge bases.',
      checkMisuse:
        "Search CloudTrail for Bedrock events whose userIdentity is the key's IAM user, and check Billing and Bedrock invocation metrics for spend or regions you do not use.",
    },
  },
];
