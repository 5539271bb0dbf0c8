// Replicate API tokens: https://replicate.com/docs/topics/security/api-tokens — `r8_` + 37 alphanumeric characters.
import type { Rule } from '../schema.js';

export const replicateRules: Rule[] = [
  {
    id: 'replicate-api-token',
    title: 'Replicate API token',
    severity: 'high',
    keywords: ['r8_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>r8_[A-Za-z0-9]{37})(?![A-Za-z0-9_])',
    entropy: 3.8,
    examples: [
      'REPLICATE_API_TOKEN=r8_{{base62:37}}',
      "const replicate = new Replicate({ auth: 'r8_{{base62:37}}' });",
      'curl -H "Authorization: Bearer r8_{{base62:37}}" https://api.replicate.com/v1/predictions',
    ],
    negativeExamples: [
      'REPLICATE_API_TOKEN=r8_...',
      'REPLICATE_API_TOKEN=r8_{{base62:20}}',
      'register_r8_{{base62:37}}',
    ],
    fix: {
      env: 'REPLICATE_API_TOKEN',
      provider: 'Replicate',
      rotate: [
        'On replicate.com open Account settings → API tokens and create a new token.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Delete the leaked token on the same page.',
        "Review the dashboard's predictions, trainings and deployments for runs you did not start, and your billing.",
      ],
      docs: 'https://replicate.com/docs/topics/security/api-tokens',
    },
    guide: {
      grants:
        'A Replicate token acts as your account: runs predictions and trainings billed to you, and manages your models, deployments and their hardware.',
      risks:
        "An attacker can run expensive GPU workloads on your bill, read your predictions' inputs and outputs, and push new versions of your private models.",
      checkMisuse:
        "Check the dashboard's prediction and training history and the billing page for runs and spend you do not recognise.",
    },
  },
];
