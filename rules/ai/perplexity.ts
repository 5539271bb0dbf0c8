// Perplexity API keys: https://docs.perplexity.ai/guides/getting-started — `pplx-` + 48 alphanumeric characters.
import type { Rule } from '../schema.js';

export const perplexityRules: Rule[] = [
  {
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    severity: 'high',
    keywords: ['pplx-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'PERPLEXITY_API_KEY=pplx-{{base62:48}}',
      'client = OpenAI(api_key="pplx-{{base62:48}}", base_url="https://api.perplexity.ai")',
      "headers: { Authorization: 'Bearer pplx-{{base62:48}}' }",
    ],
    negativeExamples: [
      'PERPLEXITY_API_KEY=pplx-...',
      'PERPLEXITY_API_KEY=pplx-{{base62:24}}',
      'npm install pplx-{{lower:8}}',
    ],
    fix: {
      env: 'PERPLEXITY_API_KEY',
      provider: 'Perplexity',
      rotate: [
        'In Perplexity open Settings → API (API Keys) and generate a new key.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Revoke the leaked key on the same page.',
        'Review API usage and credit balance for requests you did not make.',
      ],
      docs: 'https://docs.perplexity.ai/guides/getting-started',
    },
    guide: {
      grants:
        "A Perplexity API key calls the Sonar models and search APIs, spending the account's prepaid API credits.",
      risks:
        'An attacker can drain your API credits and trigger auto top-ups on the attached card, or exhaust rate limits your product depends on.',
      checkMisuse:
        "Check API usage and the credit/billing history in Perplexity's API settings for consumption you cannot explain.",
    },
  },
];
