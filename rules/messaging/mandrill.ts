// Mandrill (Mailchimp Transactional) API keys: https://mailchimp.com/developer/transactional/docs/authentication-and-account-info/
// Current keys are `md-` + 22 characters. The lookahead demands a digit or capital so CSS and Angular Material
// names such as `md-autocomplete-panel…` never qualify.
import type { Rule } from '../schema.js';

export const mandrillRules: Rule[] = [
  {
    id: 'mandrill-api-key',
    title: 'Mandrill (Mailchimp Transactional) API key',
    severity: 'high',
    keywords: ['md-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>md-(?=[a-z_-]{0,21}[A-Z0-9])[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'MANDRILL_API_KEY=md-{{base62:22}}',
      "const mailchimpTx = require('@mailchimp/mailchimp_transactional')('md-{{base62:22}}');",
      'mandrill_client = mandrill.Mandrill("md-{{base64url:22}}")',
    ],
    negativeExamples: [
      '<div class="col-md-6 col-lg-4">',
      'MANDRILL_API_KEY=md-xxxxxxxxxxxxxxxxxxxxxx',
      '<md-autocomplete-suggestions class="md-{{alpha:8}}">',
      'key = "md-{{base62:10}}"',
    ],
    fix: {
      env: 'MANDRILL_API_KEY',
      provider: 'Mailchimp Transactional (Mandrill)',
      rotate: [
        'In Mandrill open Settings → SMTP & API Info and create a new API key (restrict it to the calls you need).',
        'Store it in your secrets manager or environment and redeploy every sender.',
        'Delete the leaked key on the same page.',
        'Review Outbound → Activity for messages you did not send.',
      ],
      docs: 'https://mailchimp.com/developer/transactional/docs/authentication-and-account-info/',
    },
    guide: {
      grants:
        'A Mandrill API key sends transactional email from your verified domains and reads message content, templates, webhooks and sending stats.',
      risks:
        'An attacker can send phishing from your domain with your reputation, read past transactional messages (password resets, receipts), or alter templates.',
      checkMisuse:
        'Check Outbound → Activity and the API logs in Mandrill for sends, recipients or IPs you do not recognise, and templates or webhooks for changes.',
    },
  },
];
