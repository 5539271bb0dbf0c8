// AWS IAM credentials: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
// Access key ids are `AKIA` (long-term) or `ASIA` (temporary) + 16 base32 characters; the secret access key is
// 40 base64 characters with no prefix, so it counts only next to AWS context.
import type { Rule } from './schema.js';

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
    // An access key id on the same or a nearby line is AWS context too (credential constructors in Go, Java).
    near: { words: ['aws', 'secret_access_key', 'secretaccesskey', 'secret-access-key', 'akia', 'asia'], lines: 2 },
    pattern: '(?<![A-Za-z0-9/+])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])',
    entropy: 4.2,
    examples: [
      'AWS_SECRET_ACCESS_KEY={{base64:40}}',
      'aws_secret_access_key = {{base64:40}}',
      'new AWS.Credentials({ accessKeyId: id, secretAccessKey: "{{base64:40}}" })',
      'creds := credentials.NewStaticCredentials("AKIA{{base32:16}}", "{{base64:40}}", "")',
    ],
    negativeExamples: [
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_commit = "{{hex:40}}"',
      'token = "{{base64:40}}"',
      'AWS_SECRET_ACCESS_KEY={{base64:30}}',
    ],
    fix: {
      env: 'AWS_SECRET_ACCESS_KEY',
      provider: 'AWS',
      rotate,
      docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    },
    guide,
  },
];
