// Mistral AI API keys: https://docs.mistral.ai/getting-started/quickstart/ — 32 alphanumeric characters with no
// prefix, so Mistral near words are required; a capital letter is also required, which rules out hex digests.
import type { Rule } from '../schema.js';

export const mistralRules: Rule[] = [
  {
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    severity: 'high',
    keywords: [],
    near: { words: ['mistral'], lines: 2 },
    pattern: '(?<![A-Za-z0-9_-])(?<secret>(?=[0-9a-z]{0,31}[A-Z])[A-Za-z0-9]{32})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'MISTRAL_API_KEY={{base62:32}}',
      'client = Mistral(api_key="{{base62:32}}")',
      "const mistral = new Mistral({ apiKey: '{{base62:32}}' });",
    ],
    negativeExamples: [
      'mistral_model_sha = "{{hex:32}}"',
      'MISTRAL_API_KEY={{base62:40}}',
      'csrf_token = "{{base62:32}}"',
      'MISTRAL_API_KEY=your_mistral_api_key_here',
    ],
    fix: {
      env: 'MISTRAL_API_KEY',
      provider: 'Mistral AI',
      rotate: [
        "In Mistral's La Plateforme console open API Keys and create a new key (with an expiry if possible).",
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Delete the leaked key on the same page.',
        "Review the workspace's usage and billing for requests you did not make.",
      ],
      docs: 'https://docs.mistral.ai/getting-started/quickstart/',
    },
    guide: {
      grants:
        'A Mistral API key calls La Plateforme for its workspace: chat, embeddings, agents, fine-tuning jobs and files, billed to the workspace.',
      risks:
        'An attacker can run models at your expense, exhaust rate limits, and read or delete uploaded files, fine-tuned models and agents.',
      checkMisuse:
        'Check usage and billing in the Mistral console for spikes, and the files, fine-tuning jobs and agents for ones you did not create.',
    },
  },
];
