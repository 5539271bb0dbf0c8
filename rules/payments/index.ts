// payments rules: see the files beside this one.
import type { Rule } from '../schema.js';

export const paymentsRules: Rule[] = [];
