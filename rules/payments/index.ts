// Payments and commerce rules: one file per provider beside this one.
import type { Rule } from '../schema.js';
import { stripeRules } from './stripe.js';
import { squareRules } from './square.js';
import { braintreeRules } from './braintree.js';
import { paypalRules } from './paypal.js';
import { adyenRules } from './adyen.js';
import { shopifyRules } from './shopify.js';
import { plaidRules } from './plaid.js';

export const paymentsRules: Rule[] = [
  ...stripeRules,
  ...squareRules,
  ...braintreeRules,
  ...paypalRules,
  ...adyenRules,
  ...shopifyRules,
  ...plaidRules,
];
