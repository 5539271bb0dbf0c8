// Tines webhook URLs: https://www.tines.com/docs/actions/types/webhook/ — by default a webhook action is called at
// `https://<tenant>.tines.com/webhook/<path>/<secret>`, and the secret in the URL is what authenticates the call
// (the secret can be sent in an Authorization header instead, which is not in the URL). Tines generates 32 hex for
// path and secret; both can be edited, so the rule accepts any path and a secret of 16–64 URL characters.
import type { Rule } from '../schema.js';

export const tinesRules: Rule[] = [
  {
    id: 'tines-webhook-url',
    title: 'Tines webhook URL (with its secret)',
    severity: 'medium',
    keywords: ['.tines.com/webhook/'],
    // Length: tenant label up to 63, path 1–100 URL characters, secret 16–64 (Tines generates 32 hex).
    pattern:
      '(?<secret>https://[a-z0-9-]{1,63}\\.tines\\.com/webhook/[A-Za-z0-9_-]{1,100}/[A-Za-z0-9_-]{16,64})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'TINES_WEBHOOK_URL=https://acme.tines.com/webhook/{{hex:32}}/{{hex:32}}',
      'curl -X POST "https://acme-secops.tines.com/webhook/alert-intake/{{hex:32}}" -H "Content-Type: application/json" -d @alert.json',
      '  webhook_url: https://tenant-eu.tines.com/webhook/{{hex:32}}/{{base62:40}}',
    ],
    negativeExamples: [
      // No secret in the URL: the call is authenticated another way (header, API key) or the webhook is public.
      'TINES_WEBHOOK_URL=https://acme.tines.com/webhook/{{hex:32}}',
      'Full webhook URL structure: https://your-tenant.tines.com/webhook/<path>/<secret>',
      'https://acme.tines.com/webhook/{{hex:32}}/0000000000000000000000000000000000',
    ],
    fix: {
      env: 'TINES_WEBHOOK_URL',
      provider: 'Tines',
      rotate: [
        'In Tines open the story, select the Webhook action and change its secret (and its path if the path is guessable).',
        'Update every sender with the new URL from your secrets manager, or send the secret in the Authorization header instead of the URL.',
        "Review the webhook action's events since the leak for requests your systems did not send.",
      ],
      docs: 'https://www.tines.com/docs/actions/types/webhook/',
    },
    guide: {
      grants:
        'Anyone with the URL can send events into the Tines story behind the webhook, which then runs its actions on them.',
      risks:
        'An attacker can feed forged alerts or data into your automation: trigger responses, open tickets, message people or run actions with the credentials the story holds.',
      checkMisuse:
        "Open the webhook action's events and the story's run history in Tines and look for events from unknown sources or at unusual times.",
    },
  },
];
