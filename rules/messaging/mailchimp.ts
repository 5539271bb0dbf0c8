// Mailchimp Marketing API keys: https://mailchimp.com/help/about-api-keys/
// 32 hex characters followed by the account's datacenter, e.g. `-us21`.
import type { Rule } from '../schema.js';

export const mailchimpRules: Rule[] = [
  {
    id: 'mailchimp-api-key',
    title: 'Mailchimp Marketing API key',
    severity: 'high',
    keywords: ['-us'],
    // Anchored on the `-usN` datacenter suffix, the key read backwards by a lookbehind: a pattern that starts with
    // [0-9a-f]{32} would be tried at every position of every file that says "-use".
    // Length: the datacenter is `us` + 1–2 digits (us1, us21, …): observed range.
    pattern: '-us[0-9]{1,2}(?![0-9A-Za-z])(?<=(?<![0-9A-Za-z])(?<secret>[0-9a-f]{32}-us[0-9]{1,2}))',
    entropy: 3,
    examples: [
      'MAILCHIMP_API_KEY={{hex:32}}-us21',
      "mailchimp.setConfig({ apiKey: '{{hex:32}}-us6', server: 'us6' });",
      'client.set_config({"api_key": "{{hex:32}}-us14", "server": "us14"})',
    ],
    negativeExamples: [
      'MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us21',
      'bucket = "{{hex:32}}-us-east-1"',
      'MAILCHIMP_SERVER_PREFIX=us21',
      'list_id = "{{hex:10}}-us6"',
    ],
    fix: {
      env: 'MAILCHIMP_API_KEY',
      provider: 'Mailchimp',
      rotate: [
        'In Mailchimp open Profile → Extras → API keys and create a new key.',
        'Store it in your secrets manager or environment and redeploy the integration.',
        'Disable (then delete) the leaked key on the same page.',
        "Review the account's audiences, exports and campaigns for changes you did not make.",
      ],
      docs: 'https://mailchimp.com/help/about-api-keys/',
    },
    guide: {
      grants:
        'A Mailchimp API key has the full access of the user who created it on the Marketing API: audiences and their contacts, campaigns, templates and reports.',
      risks:
        "An attacker can export your subscribers' personal data, send campaigns to your audience from your brand, or delete contacts and lists.",
      checkMisuse:
        "Check the account's Account → Settings → Activity (logins and exports), recent campaigns and audience changes for anything you did not do.",
    },
  },
];
