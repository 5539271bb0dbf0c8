// Google AI Studio / Gemini API keys: https://ai.google.dev/gemini-api/docs/api-key
// They are Google API keys (`AIza` + 35 characters) like any other; the generic `gcp-api-key` rule reports every
// AIza key. This rule adds a Gemini-specific finding only where Gemini / Generative Language near words are, so
// the advice (AI Studio, generativelanguage.googleapis.com restrictions) fits.
// Since 2026 AI Studio creates "authorization (auth) keys" instead, bound to a service account and restricted to
// the Gemini API by default (https://ai.google.dev/gemini-api/docs/api-key). Google's page describes the key type
// but not its shape; Google's staff on its developer forum call them "Authentication Key (AQ)" keys, and the keys
// seen in public code are `AQ.` + 50 base64url characters (53 in all; those seen start `AQ.Ab`). The shape is
// therefore observed, not documented by the provider.
import type { Rule } from '../schema.js';

export const googleGeminiRules: Rule[] = [
  {
    id: 'google-gemini-api-key',
    title: 'Google Gemini API key',
    severity: 'high',
    keywords: ['aiza'],
    near: {
      words: ['gemini', 'generativelanguage', 'google_ai', 'googleai', 'generativeai', 'generative-ai', 'genai'],
      lines: 3,
    },
    pattern: '(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'GEMINI_API_KEY=AIza{{base64url:35}}',
      'genai.configure(api_key="AIza{{base64url:35}}")',
      'curl "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=AIza{{base64url:35}}"',
    ],
    negativeExamples: [
      'FIREBASE_API_KEY=AIza{{base64url:35}}',
      'GEMINI_API_KEY=AIza{{base64url:20}}',
      'GOOGLE_AI_API_KEY=AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GEMINI_API_KEY=${GEMINI_API_KEY}',
    ],
    fix: {
      env: 'GEMINI_API_KEY',
      provider: 'Google AI (Gemini API)',
      rotate: [
        'In Google AI Studio (API keys) or the Google Cloud console → APIs & Services → Credentials, create a new key restricted to the Generative Language API.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Delete the leaked key (or regenerate it) in the same place.',
        "Review the project's Generative Language API metrics and billing for traffic you did not send.",
      ],
      docs: 'https://ai.google.dev/gemini-api/docs/api-key',
    },
    guide: {
      grants:
        'The key calls the Gemini API (generativelanguage.googleapis.com) for its Google Cloud project, and any other API the key is not restricted from, billed to that project.',
      risks:
        'An attacker can run Gemini requests on your quota and bill, exhaust rate limits, and read files or cached content uploaded through the API for that project.',
      checkMisuse:
        'In the Google Cloud console check APIs & Services → Generative Language API → Metrics (per credential) and Billing reports for unexpected traffic.',
    },
  },
  {
    id: 'google-gemini-auth-key',
    title: 'Google Gemini API auth key (AQ.)',
    severity: 'high',
    keywords: ['aq.'],
    // Length: 50 characters after `AQ.` in every key seen; 40–80 leaves room for a change Google has not announced.
    // Not after a letter, digit, `.`, `_` or `-`: `FAQ.`, a version `V2.AQ.` or a dotted token's segment.
    pattern: '(?<![A-Za-z0-9_.-])(?<secret>AQ\\.[A-Za-z0-9_-]{40,80})(?![A-Za-z0-9_.-])',
    entropy: 4,
    examples: [
      'GEMINI_API_KEY=AQ.Ab{{base64url:48}}',
      'client = genai.Client(api_key="AQ.Ab{{base64url:48}}")',
      'curl -H "x-goog-api-key: AQ.Ab{{base64url:48}}" "https://generativelanguage.googleapis.com/v1beta/models"',
    ],
    negativeExamples: [
      'GEMINI_API_KEY=AQ.xxxxxxxxxxxx',
      'GEMINI_API_KEY=AQ.Ab{{base64url:20}}',
      'See the FAQ.{{base64url:50}} section',
      'GEMINI_API_KEY=AQ.Ab8RN...   # or use OPENAI_API_KEY',
    ],
    fix: {
      env: 'GEMINI_API_KEY',
      provider: 'Google AI (Gemini API)',
      rotate: [
        'In Google AI Studio (API keys) or the Google Cloud console → APIs & Services → Credentials, delete the leaked auth key.',
        'Create a new auth key bound to a service account that has only the Gemini API permission it needs.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        "Review the service account's activity and the project's Generative Language API metrics and billing for traffic you did not send.",
      ],
      docs: 'https://ai.google.dev/gemini-api/docs/api-key',
    },
    guide: {
      grants:
        "An auth key calls the Gemini API as the Google Cloud service account it is bound to, billed to its project, with that account's permissions.",
      risks:
        'An attacker can run Gemini requests on your quota and bill and read files or cached content uploaded through the API for the project.',
      checkMisuse:
        "Check the bound service account's audit logs and the project's Generative Language API metrics (per credential) and billing for unexpected traffic.",
    },
  },
];
