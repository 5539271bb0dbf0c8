// Groq API keys: https://console.groq.com/docs/quickstart — `gsk_` + 52 alphanumeric characters.
import type { Rule } from '../schema.js';

export const groqRules: Rule[] = [
  {
    id: 'groq-api-key',
    title: 'Groq API key',
    severity: 'high',
    keywords: ['gsk_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9_])',
    entropy: 4,
    examples: [
      'GROQ_API_KEY=gsk_{{base62:52}}',
      'client = Groq(api_key="gsk_{{base62:52}}")',
      "const groq = new Groq({ apiKey: 'gsk_{{base62:52}}' });",
    ],
    negativeExamples: [
      'GROQ_API_KEY=gsk_...',
      'GROQ_API_KEY=gsk_{{base62:30}}',
      'GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: {
      env: 'GROQ_API_KEY',
      provider: 'Groq',
      rotate: [
        'In the GroqCloud console open API Keys (https://console.groq.com/keys) and create a new key.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Delete the leaked key on the same page.',
        "Review the console's usage and billing pages for traffic you did not send.",
      ],
      docs: 'https://console.groq.com/docs/quickstart',
    },
    guide: {
      grants:
        'A Groq API key calls the GroqCloud inference API (chat, audio, batch) for your organisation, billed to it.',
      risks:
        'An attacker can run inference at your expense, exhaust your rate limits so your product fails, and read batch jobs and files stored in the account.',
      checkMisuse:
        'Check GroqCloud usage and billing for spikes per key and model, and the list of batches and files for ones you did not create.',
    },
  },
];
