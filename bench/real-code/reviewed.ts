// Findings of the real-code benchmark that a reviewer agrees are credentials or test keys (published in the
// packages' own tests, docs or examples), each with why. Everything else the benchmark reports is a false positive.
// `file` is the path in the benchmark's scratch repository (`packages/<name>/…` or `own/…`); `line` pins one
// finding when a file has several. All of them are documentation examples: values shaped exactly like a live
// credential, under the name of one, that only a person who knows the page can tell from a real one. A repository
// that vendors these files under node_modules/ or vendor/ does not see them (generic rules are quiet there).
export interface ReviewedFinding {
  file: string;
  ruleId: string;
  line?: number;
  why: string;
}

const AWS_EXAMPLES = 'AWS API reference example (apis/*.examples.json): a credential-shaped sample value';

export const REVIEWED: readonly ReviewedFinding[] = [
  {
    file: 'packages/aws-sdk/apis/cognito-idp-2016-04-18.examples.json',
    ruleId: 'generic-secret',
    why: `${AWS_EXAMPLES}, a Cognito app client secret`,
  },
  {
    file: 'packages/aws-sdk/apis/iam-2010-05-08.examples.json',
    ruleId: 'generic-password',
    why: `${AWS_EXAMPLES}, an IAM user's console password`,
  },
  {
    file: 'packages/aws-sdk/apis/kms-2014-11-01.examples.json',
    ruleId: 'generic-secret',
    why: `${AWS_EXAMPLES}: KMS RawSecretAccessKey and a derived SharedSecret`,
  },
  {
    file: 'packages/aws-sdk/apis/kms-2014-11-01.examples.json',
    ruleId: 'generic-token',
    why: `${AWS_EXAMPLES}, a KMS grant token`,
  },
  {
    file: 'packages/aws-sdk/apis/sso-oidc-2019-06-10.examples.json',
    ruleId: 'jwt-signed-token',
    why: `${AWS_EXAMPLES}: signed ID tokens and a JWT bearer assertion`,
  },
  {
    file: 'packages/aws-sdk/clients/datasync.d.ts',
    ruleId: 'azure-sas-token',
    why: 'DataSync API docs: an example Azure Blob SAS token (signed, with its expiry in 2023)',
  },
  {
    file: 'packages/formstream/README.md',
    ruleId: 'generic-bearer-token',
    why: 'README example: a random-looking bearer token in an Authorization header',
  },
  {
    file: 'packages/@clerk/backend/dist/fixtures/index.d.ts',
    ruleId: 'jwt-signed-token',
    why: "Clerk's published test fixtures: signed session JWTs (valid, expired, tampered)",
  },
  {
    file: 'packages/@clerk/backend/dist/fixtures/index.d.ts',
    ruleId: 'private-key',
    why: "Clerk's published test fixtures: the RSA key that signs the fixture JWTs",
  },
  {
    file: 'packages/@clerk/backend/dist/fixtures/machine.d.ts',
    ruleId: 'jwt-signed-token',
    why: "Clerk's published test fixtures: signed OAuth access-token JWTs",
  },
  {
    file: 'packages/@clerk/backend/dist/fixtures/machine.d.ts',
    ruleId: 'generic-api-key',
    why: 'Clerk\'s published test fixtures: a machine API key (`api_key: "ak_…"`)',
  },
  {
    file: 'packages/aws-cdk-lib/aws-datasync/lib/datasync.generated.d.ts',
    ruleId: 'azure-sas-token',
    why: 'the same DataSync documentation example as in aws-sdk: an Azure Blob SAS token that expired in 2023',
  },
  {
    file: 'packages/hpagent/test/http-http.test.js',
    ruleId: 'generic-url-credentials',
    why: 'proxy tests: a test user and password in a proxy URL',
  },
  {
    file: 'packages/hpagent/test/https-https.test.js',
    ruleId: 'generic-url-credentials',
    why: 'proxy tests: a test user and password in a proxy URL',
  },
  {
    file: 'packages/next-auth/deps/openid-client/README.md',
    ruleId: 'generic-secret',
    why: 'README example: an OAuth client secret in a client registration',
  },
  {
    file: 'packages/oauth/examples/express-gdata/server.js',
    ruleId: 'generic-secret',
    why: 'an example app: a made-up session secret',
  },
  {
    file: 'packages/oauth/tests/oauthtests.js',
    ruleId: 'private-key',
    why: 'OAuth 1.0 tests: the RSA-SHA1 test key of the OAuth test vectors',
  },
  {
    file: 'packages/oidc-token-hash/README.md',
    ruleId: 'generic-token',
    why: 'README example: an access token whose at_hash the library computes',
  },
  {
    file: 'packages/@aws-sdk/client-iam/dist-types/commands/CreateLoginProfileCommand.d.ts',
    ruleId: 'generic-password',
    why: "IAM API reference example: a user's console password",
  },
  {
    file: 'packages/@mui/material/docs/material-ui/react-autocomplete.md',
    ruleId: 'gcp-api-key',
    why: "a real Google Maps API key published in Material UI's docs (restricted to their site by referrer)",
  },
  {
    file: 'packages/@pulumi/aws/datasync/locationAzureBlob.d.ts',
    ruleId: 'azure-sas-token',
    why: 'the same DataSync documentation example as in aws-sdk: an Azure Blob SAS token that expired in 2023',
  },
  {
    file: 'packages/@pulumi/aws/datasync/locationAzureBlob.js',
    ruleId: 'azure-sas-token',
    why: 'the same DataSync documentation example as in aws-sdk: an Azure Blob SAS token that expired in 2023',
  },
  ...['kms/ciphertext.d.ts', 'kms/ciphertext.js', 'kms/getCipherText.d.ts', 'kms/getCipherText.js'].map((file) => ({
    file: `packages/@pulumi/aws/${file}`,
    ruleId: 'generic-secret',
    why: 'KMS ciphertext documentation example: a client secret in the plaintext to encrypt',
  })),
  {
    file: 'packages/npm-registry-fetch/README.md',
    ruleId: 'generic-password',
    why: 'README example: a registry password in leetspeak ("t0k3n here")',
  },
];
