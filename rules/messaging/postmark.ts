// Postmark API tokens: https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens
// Server and Account tokens are UUIDs sent in X-Postmark-Server-Token / X-Postmark-Account-Token. Postmark also
// uses UUIDs for message ids, so only names that mean "token" count as near words. `POSTMARK_API_TEST` is the
// documented test token and is not a UUID.
import type { Rule } from '../schema.js';

export const postmarkRules: Rule[] = [
  {
    id: 'postmark-api-token',
    title: 'Postmark server or account API token',
    severity: 'high',
    keywords: [],
    near: {
      words: [
        'postmark_server_token',
        'postmark_account_token',
        'postmark_api_token',
        'postmark_api_key',
        'postmark_token',
        'postmark_key',
        'x-postmark-server-token',
        'x-postmark-account-token',
        'postmark.serverclient',
        'postmark.accountclient',
        'postmarkclient',
        'postmark::apiclient',
        'postmark::accountapiclient',
        'postmark_settings',
        'postmark+api://',
        'postmark+smtp://',
        'postmarkservertoken',
        'postmarkapitoken',
      ],
      lines: 2,
    },
    pattern: '(?<![0-9A-Za-z-])(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9A-Za-z-])',
    entropy: 3,
    examples: [
      'POSTMARK_SERVER_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      'const client = new postmark.ServerClient("{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}");',
      'curl -H "X-Postmark-Account-Token: {{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}" https://api.postmarkapp.com/servers',
    ],
    negativeExamples: [
      'POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST',
      'postmark response: { "MessageID": "{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}" }',
      'request_id = "{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"',
      'POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000',
    ],
    fix: {
      env: 'POSTMARK_SERVER_TOKEN',
      provider: 'Postmark',
      rotate: [
        'In Postmark open the server → API Tokens (server token) or Account → API Tokens (account token) and generate a new token.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Delete the leaked token on the same page.',
        "Review the server's Activity for messages you did not send, and the account for new servers, domains or sender signatures.",
      ],
      docs: 'https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens',
    },
    guide: {
      grants:
        'A server token sends email and reads messages, bounces and stats for one Postmark server; an account token manages every server, domain and sender signature in the account.',
      risks:
        'An attacker can send phishing from your verified senders, read the content of messages you sent (password resets, receipts), or reconfigure servers and domains.',
      checkMisuse:
        "Check each server's Activity and message streams for unexpected sends, and the account's servers, domains and sender signatures for changes.",
    },
  },
];
