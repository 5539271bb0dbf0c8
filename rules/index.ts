// The built-in catalog: every rule the engine ships, in one explicit list of families. Each family's index lists
// its providers' files; a rule file imports only ./schema.ts.
import type { Rule } from './schema.js';
import { paymentsRules } from './payments/index.js';
import { saasRules } from './saas/index.js';
import { cloudRules } from './cloud/index.js';
import { credentialsRules } from './credentials/index.js';
import { codeRules } from './code/index.js';
import { messagingRules } from './messaging/index.js';
import { aiRules } from './ai/index.js';
import { genericRules } from './generic/index.js';

export const builtinRules: readonly Rule[] = [
  // The first providers lead their families: Stripe (payments), Klaviyo, Intercom and Customer.io (saas), AWS
  // (cloud), private keys (credentials).
  ...paymentsRules,
  ...saasRules,
  ...cloudRules,
  ...credentialsRules,
  ...codeRules,
  ...messagingRules,
  ...aiRules,
  // Generic rules last: a provider rule's finding on the same text wins.
  ...genericRules,
];
