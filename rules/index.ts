// The built-in catalog: every rule the engine ships, in one explicit list.
import type { Rule } from './schema.js';
import { awsRules } from './aws.js';
import { customerioRules } from './customerio.js';
import { intercomRules } from './intercom.js';
import { klaviyoRules } from './klaviyo.js';
import { privateKeyRules } from './private-keys.js';
import { stripeRules } from './stripe.js';
import { cloudRules } from './cloud/index.js';
import { codeRules } from './code/index.js';
import { messagingRules } from './messaging/index.js';
import { paymentsRules } from './payments/index.js';
import { aiRules } from './ai/index.js';
import { saasRules } from './saas/index.js';
import { credentialsRules } from './credentials/index.js';
import { genericRules } from './generic/index.js';

export const builtinRules: readonly Rule[] = [
  ...stripeRules,
  ...klaviyoRules,
  ...intercomRules,
  ...customerioRules,
  ...awsRules,
  ...privateKeyRules,
  ...cloudRules,
  ...codeRules,
  ...messagingRules,
  ...paymentsRules,
  ...aiRules,
  ...saasRules,
  ...credentialsRules,
  // Generic rules last: a provider rule's finding on the same text wins.
  ...genericRules,
];
