// Cohere API keys: https://docs.cohere.com/docs/rate-limits — 40 alphanumeric characters with no prefix, so
// Cohere near words are required (cohere, or the SDK's CO_API_KEY). A capital letter is required too, so a
// 40-hex SHA-1 (a pinned git commit, say) next to the word cohere is never reported.
import type { Rule } from '../schema.js';

export const cohereRules: Rule[] = [
  {
    id: 'cohere-api-key',
    title: 'Cohere API key',
    severity: 'high',
    keywords: [],
    near: { words: ['cohere', 'co_api_key'], lines: 2 },
    pattern: '(?<![A-Za-z0-9_-])(?<secret>(?=[0-9a-z]{0,39}[A-Z])[A-Za-z0-9]{40})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'COHERE_API_KEY={{base62:40}}',
      'co = cohere.ClientV2(api_key="{{base62:40}}")',
      'CO_API_KEY={{base62:40}}',
    ],
    negativeExamples: [
      'cohere @ git+https://github.com/cohere-ai/cohere-python@{{hex:40}}',
      'COHERE_API_KEY={{base62:32}}',
      'session_key = "{{base62:40}}"',
      'COHERE_API_KEY=<your-cohere-api-key>',
    ],
    fix: {
      env: 'COHERE_API_KEY',
      provider: 'Cohere',
      rotate: [
        'In the Cohere dashboard open API Keys (https://dashboard.cohere.com/api-keys) and create a new production key.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Delete the leaked key on the same page.',
        "Review the dashboard's usage and billing for calls you did not make.",
      ],
      docs: 'https://docs.cohere.com/docs/rate-limits',
    },
    guide: {
      grants:
        "A Cohere API key calls Cohere's models (chat, embed, rerank) and fine-tuning and dataset APIs for your organisation; production keys are billed.",
      risks:
        'An attacker can run inference at your expense, exhaust rate limits, and read or delete datasets, fine-tuned models and connectors in the account.',
      checkMisuse:
        'Check usage and billing in the Cohere dashboard for spikes, and the datasets, models and connectors lists for changes you did not make.',
    },
  },
];
