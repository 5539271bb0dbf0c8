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
];
