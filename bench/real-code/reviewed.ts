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
];
