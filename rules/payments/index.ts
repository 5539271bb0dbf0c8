// Payments and commerce rules (Stripe lives in rules/stripe.ts).
import type { Rule } from '../schema.js';
import { squareRules } from './square.js';
import { braintreeRules } from './braintree.js';
import { paypalRules } from './paypal.js';
import { adyenRules } from './adyen.js';
import { shopifyRules } from './shopify.js';
import { plaidRules } from './plaid.js';

export const paymentsRules: Rule[] = [
  ...squareRules,
  ...braintreeRules,
  ...paypalRules,
  ...adyenRules,
  ...shopifyRules,
  ...plaidRules,
];
