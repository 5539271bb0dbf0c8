// Intercom access tokens: https://developers.intercom.com/docs/build-an-integration/learn-more/authentication
// A token is base64 of `tok:<id>:1:0` (60 characters), so it always starts with `dG9rO` and decoding it proves
// what it is: no "intercom" nearby is needed, and look-alike base64 strings are rejected by the decode check.
import type { Rule } from '../schema.js';

export const intercomRules: Rule[] = [
  {
    id: 'intercom-access-token',
    title: 'Intercom access token',
    severity: 'high',
    keywords: ['dg9ro'],
    // Length: 60 characters today (base64 of `tok:<id>:1:0`): observed range 50–90 around it; the decode check
    // does the rest.
    pattern: '(?<![A-Za-z0-9+/])(?<secret>dG9rO[A-Za-z0-9+/]{50,90}={0,2})(?![A-Za-z0-9+/=])',
    verify: 'intercom-token',
    examples: [
      'INTERCOM_ACCESS_TOKEN={{intercom}}',
      'const client = new Client({ tokenAuth: { token: "{{intercom}}" } });',
      'Authorization: Bearer {{intercom}}',
    ],
    negativeExamples: [
      'INTERCOM_APP_ID=abc123de',
      'token = "dG9rOnBsYWNlaG9sZGVyOnRoaXMgaXMgbm90IGEgcmVhbCB0b2tlbiBhdCBhbGw="',
      'data = "dG9rZ{{base64:55}}"',
      'INTERCOM_ACCESS_TOKEN=<your-access-token>',
    ],
    fix: {
      env: 'INTERCOM_ACCESS_TOKEN',
      provider: 'Intercom',
      rotate: [
        'In Intercom open Settings → Integrations → Developer Hub.',
        'To rotate without a gap, create a new app for the integration with the same permissions (Configure → Authentication) and copy its access token.',
        'Store the new token in your secrets manager or environment and redeploy every service that uses the old one.',
        'Then delete the old app, or regenerate its token if you keep the app: either stops the old token at once.',
        "Confirm the old token is rejected (a call with it returns 401), then watch the new app's API usage.",
      ],
      docs: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
      rotationGap:
        'Intercom gives an app one access token per workspace, and regenerating it stops the old token at once: the two are never valid together. To avoid a gap, deploy the token of a second app with the same permissions before removing the first (the steps below); if you must regenerate in place, do it at a quiet hour with every deployment ready to take the new value at once.',
      leastPrivilege:
        'Give the app only the permissions the integration uses (Configure → Authentication → Edit); choose them before deploying, since changing them later means a new token.',
    },
    guide: {
      grants:
        "An access token calls the Intercom REST API as your workspace's app: contacts, companies, conversations, messages and articles, within the app's permissions.",
      risks:
        "An attacker can read your customers' conversations and contact details, message your users as your team, or change and delete data.",
      checkMisuse:
        "The Developer Hub shows the app's API request logs; look for calls from unknown IPs, bulk contact exports or messages your team did not send.",
    },
  },
];
