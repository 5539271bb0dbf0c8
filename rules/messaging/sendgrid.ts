// SendGrid API keys: https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
// `SG.` + 22-character key id + `.` + 43-character secret, both base64url.
import type { Rule } from '../schema.js';

export const sendgridRules: Rule[] = [
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    severity: 'high',
    keywords: ['sg.'],
    pattern: '(?<![A-Za-z0-9_.-])(?<secret>SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'SENDGRID_API_KEY=SG.{{base64url:22}}.{{base64url:43}}',
      "sgMail.setApiKey('SG.{{base64url:22}}.{{base64url:43}}');",
      'headers = {"Authorization": "Bearer SG.{{base64url:22}}.{{base64url:43}}"}',
    ],
    negativeExamples: [
      'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'key = "SG.{{base64url:22}}"',
      'msg.send(SG.{{alpha:10}}.{{alpha:12}})',
      'SENDGRID_API_KEY=SG.<key id>.<secret>',
    ],
    fix: {
      env: 'SENDGRID_API_KEY',
      provider: 'SendGrid',
      rotate: [
        'In SendGrid open Settings → API Keys and create a new key with only the permissions the service needs (e.g. Mail Send).',
        'Store it in your secrets manager or environment and redeploy every sender.',
        'Delete the leaked key on the same page.',
        'Review Activity Feed and Email Activity for messages you did not send, and Settings → Teammates / API Keys for additions.',
      ],
      docs: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
    },
    guide: {
      grants:
        'A SendGrid API key calls the Web API within its permissions: sending mail from your verified domains, and with full access also contacts, templates, settings and other keys.',
      risks:
        'An attacker can send phishing or spam from your authenticated domain (passing SPF/DKIM), export contact lists, and burn your sender reputation.',
      checkMisuse:
        "Check Email Activity and Statistics for unexpected volume or recipients, and the account's API key list and teammates for changes.",
    },
  },
];
