// The real code the false-positive benchmark scans: public npm packages, pinned, whose code holds no credential.
// Chosen for the shapes that fooled context rules on real repositories: vendored cloud SDKs, where every line says
// "aws", "alibaba" or "azure" and API operation names, exception names and URL paths are long random-looking
// identifiers; big generated API clients (googleapis); SDKs of providers the catalog knows (Stripe, Twilio,
// Customer.io, Intercom, Slack), whose docs and tests spell out key shapes; and widely used framework and database
// code (connection-string examples, JWT helpers). Transitive versions are pinned by bench/real-code/package-lock.json.
export interface RealCodePackage {
  name: string;
  version: string;
  /** Why it is in the set. */
  why: string;
}

export const REAL_CODE_PACKAGES: readonly RealCodePackage[] = [
  {
    name: 'aws-sdk',
    version: '2.1693.0',
    why: 'AWS SDK v2: API models with every operation and exception name, "aws" on every line',
  },
  { name: '@aws-sdk/client-s3', version: '3.1178.0', why: 'AWS SDK v3, generated client and Smithy runtime' },
  { name: '@aws-sdk/client-dynamodb', version: '3.1178.0', why: 'AWS SDK v3, DynamoDB and its streams exceptions' },
  { name: '@alicloud/pop-core', version: '1.8.0', why: 'Alibaba Cloud POP core client (signing code)' },
  {
    name: '@alicloud/ecs20140526',
    version: '7.11.6',
    why: 'Alibaba Cloud ECS client: hundreds of long operation names',
  },
  { name: '@alicloud/alidns20150109', version: '4.6.1', why: 'Alibaba Cloud DNS client (DeleteSubDomainRecords…)' },
  { name: 'ali-oss', version: '6.23.0', why: 'Alibaba Cloud OSS client' },
  {
    name: '@azure/storage-blob',
    version: '12.34.0',
    why: 'Azure Storage: shared-key signing, SAS and connection strings',
  },
  { name: '@azure/identity', version: '4.14.1', why: 'Azure identity: client secrets and certificates by name' },
  { name: '@azure/arm-compute', version: '25.1.1', why: 'Azure Resource Manager generated client' },
  { name: '@azure/keyvault-secrets', version: '4.12.0', why: 'Azure Key Vault secrets client' },
  { name: '@azure/cosmos', version: '4.10.1', why: 'Azure Cosmos DB: master keys and resource tokens by name' },
  { name: '@azure/service-bus', version: '7.9.5', why: 'Azure Service Bus: SAS keys and connection strings' },
  { name: 'googleapis', version: '188.0.0', why: 'every Google API client, generated: the biggest body of API names' },
  { name: 'stripe', version: '23.2.0', why: 'Stripe SDK: key prefixes in code, docs and types' },
  { name: 'twilio', version: '6.3.1', why: 'Twilio SDK: Account SIDs and auth tokens by name' },
  { name: 'customerio-node', version: '5.2.0', why: 'Customer.io SDK: site ids and API keys by name' },
  { name: 'intercom-client', version: '7.0.3', why: 'Intercom SDK' },
  { name: '@slack/web-api', version: '8.2.0', why: 'Slack SDK: token prefixes in code and docs' },
  { name: 'jsonwebtoken', version: '9.0.3', why: 'JWT signing: jwt.sign(payload, secret) in docs' },
  { name: 'express', version: '5.3.0', why: 'web framework (session and cookie secrets in docs)' },
  { name: 'vue', version: '3.5.47', why: 'front-end framework, big bundles' },
  { name: '@sentry/node', version: '11.12.0', why: 'Sentry SDK: DSNs and tokens by name' },
  { name: 'pg', version: '8.23.1', why: 'PostgreSQL client: connection strings in docs' },
  { name: 'mongodb', version: '7.9.1', why: 'MongoDB driver: connection strings, SCRAM and AWS auth' },
  // Added after a wider look at real code found minified exports chains, source maps, ARNs and enum names taken
  // for values (docs/performance.md, "Real code").
  {
    name: 'aws-cdk-lib',
    version: '2.278.0',
    why: 'AWS CDK: minified generated code (`exports.CfnSecret=…`), CloudFormation docs, ARNs of secrets',
  },
  { name: 'next', version: '16.5.0', why: 'Next.js: compiled runtimes and their source maps (megabytes of mappings)' },
  { name: 'next-auth', version: '4.24.15', why: 'NextAuth: session secrets and OAuth client secrets in docs' },
  { name: '@clerk/backend', version: '3.25.0', why: 'Clerk SDK: test fixtures (JWTs, keys) and token constants' },
  {
    name: '@datadog/datadog-api-client',
    version: '1.64.0',
    why: 'Datadog API client: thousands of operation names, a Twilio integration',
  },
  { name: '@kubernetes/client-node', version: '2.0.1', why: 'Kubernetes client: Secrets, certificates, kubeconfig' },
  { name: 'firebase-admin', version: '13.10.0', why: 'Firebase Admin: service-account credentials by name' },
  { name: '@google-cloud/storage', version: '7.22.0', why: 'Google Cloud Storage: signed URLs, HMAC keys' },
  { name: '@octokit/rest', version: '22.0.1', why: 'GitHub REST client: token prefixes in docs' },
  { name: 'openai', version: '6.49.0', why: 'OpenAI SDK: `sk-` keys in docs and tests' },
  { name: '@anthropic-ai/sdk', version: '1.17.0', why: 'Anthropic SDK: `sk-ant-` keys in docs and tests' },
  { name: '@supabase/supabase-js', version: '2.109.0', why: 'Supabase client: anon JWTs in docs' },
  { name: 'nodemailer', version: '7.0.13', why: 'Nodemailer: SMTP passwords and OAuth2 in docs' },
  { name: 'sequelize', version: '6.37.8', why: 'Sequelize ORM: connection strings and dialect options' },
  { name: 'knex', version: '3.3.0', why: 'Knex: connection settings in types and docs' },
  { name: 'typeorm', version: '1.1.3', why: 'TypeORM: data source options, passwords by name' },
  { name: 'mysql2', version: '3.26.1', why: 'MySQL client: auth plugin names (`caching_sha2_password`) in types' },
  { name: 'ioredis', version: '5.11.1', why: 'Redis client: passwords in URLs and options' },
  { name: '@sendgrid/mail', version: '8.1.6', why: 'SendGrid SDK: `SG.` keys in docs' },
  { name: 'mailgun.js', version: '14.0.1', why: 'Mailgun SDK: API keys by name' },
  { name: 'dotenv', version: '18.0.10', why: 'dotenv: `.env` examples in docs and tests' },
  { name: 'node-gyp', version: '12.4.0', why: 'node-gyp: vendored gyp, Python code' },
  { name: 'pyright', version: '1.1.414', why: "Pyright: typeshed's Python stubs (type annotations after `passwd:`)" },
  {
    name: '@pulumi/aws',
    version: '7.48.0',
    why: 'Pulumi AWS: generated infrastructure code with documentation examples on every resource',
  },
  { name: 'firebase', version: '13.2.0', why: 'Firebase web SDK: minified bundles, Web Push keys, source maps' },
  { name: '@mui/material', version: '9.6.0', why: 'Material UI: component code and its Markdown docs' },
  { name: 'swagger-ui-dist', version: '5.36.0', why: 'Swagger UI: one big minified bundle of component names' },
  { name: 'serverless', version: '4.47.0', why: 'Serverless Framework: YAML and provider settings, a big bundle' },
  { name: 'pdfjs-dist', version: '5.6.205', why: 'PDF.js: encoded font and character-map data' },
  { name: 'three', version: '0.187.0', why: 'three.js: examples with embedded base64 data' },
  { name: 'moment', version: '2.31.0', why: 'Moment: locale tables' },
  { name: 'highlight.js', version: '11.12.0', why: 'highlight.js: grammars of 190 languages (keyword lists)' },
  {
    name: '@aws-sdk/client-secrets-manager',
    version: '3.1178.0',
    why: 'AWS Secrets Manager client: ARNs and secret names in docs',
  },
  { name: '@aws-sdk/client-iam', version: '3.1178.0', why: 'AWS IAM client: access keys and passwords in docs' },
  { name: '@aws-sdk/client-sts', version: '3.1178.0', why: 'AWS STS client: temporary credentials in docs' },
  { name: '@azure/msal-node', version: '7.2.4', why: 'Microsoft identity library: client secrets and certificates' },
  { name: 'passport', version: '0.7.0', why: 'Passport: session and strategy code' },
  { name: 'passport-google-oauth20', version: '2.0.0', why: 'Passport Google strategy: client secrets in docs' },
  { name: 'jsforce', version: '3.10.16', why: 'Salesforce client: OAuth2 and session ids by name' },
];
