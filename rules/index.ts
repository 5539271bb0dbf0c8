// The built-in catalog: every rule the engine ships, in one explicit list.
import type { Rule } from './schema.js';
import { awsRules } from './aws.js';
import { customerioRules } from './customerio.js';
import { intercomRules } from './intercom.js';
import { klaviyoRules } from './klaviyo.js';
import { privateKeyRules } from './private-keys.js';
import { stripeRules } from './stripe.js';

export const builtinRules: readonly Rule[] = [
  ...stripeRules,
  ...klaviyoRules,
  ...intercomRules,
  ...customerioRules,
  ...awsRules,
  ...privateKeyRules,
];
