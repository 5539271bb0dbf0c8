// Slack tokens and webhook URLs: https://api.slack.com/authentication/token-types
// Bot `xoxb-<team>-<bot user>-<24 alnum>`, user `xoxp-<ids>-<32 hex>`, app-level `xapp-1-A…-<digits>-<64 hex>`,
// legacy workspace-app access/refresh tokens `xoxa-`/`xoxr-` and `xoxs-` session tokens, rotating and app
// configuration tokens `xoxe.xoxp-1-…`/`xoxe.xoxb-1-…` with their `xoxe-1-…` refresh tokens, and the webhook URLs
// on hooks.slack.com (incoming webhooks, Workflow Builder workflows and triggers).
import type { Rule } from '../schema.js';

const BEFORE = '(?<![A-Za-z0-9_.-])';
const AFTER = '(?![A-Za-z0-9_-])';

const rotateToken = (where: string): string[] => [
  `Open https://api.slack.com/apps, select the app and go to ${where}.`,
  'Revoke the leaked token (auth.revoke, or "Revoke All OAuth Tokens" / reinstall the app) and issue a new one.',
  'Store the new token in your secrets manager or environment and redeploy every service that uses it.',
  "Check the workspace audit logs and the app's activity for calls made with the old token.",
];

const tokenDocs = 'https://api.slack.com/authentication/token-types';

export const slackRules: Rule[] = [
  {
    id: 'slack-bot-token',
    title: 'Slack bot token',
    severity: 'high',
    keywords: ['xoxb-'],
    // Length: team and bot-user ids of 8–14 digits and a secret of 24 characters in current tokens, up to 34:
    // observed range (Slack documents the layout, not the lengths).
    pattern: `${BEFORE}(?<secret>xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{24,34})${AFTER}`,
    entropy: 3.5,
    examples: [
      'SLACK_BOT_TOKEN=xoxb-{{digits:12}}-{{digits:13}}-{{base62:24}}',
      "const app = new App({ token: 'xoxb-{{digits:11}}-{{digits:12}}-{{base62:24}}', signingSecret });",
      'client = WebClient(token="xoxb-{{digits:12}}-{{base62:24}}")',
    ],
    negativeExamples: [
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
      'SLACK_BOT_TOKEN=xoxb-{{digits:12}}-{{digits:13}}-XXXXXXXXXXXXXXXXXXXXXXXX',
      'token = "xoxb-{{digits:12}}-{{digits:13}}-{{base62:10}}"',
      'SLACK_BOT_TOKEN=${SLACK_BOT_TOKEN}',
    ],
    fix: {
      env: 'SLACK_BOT_TOKEN',
      provider: 'Slack',
      rotate: rotateToken('OAuth & Permissions'),
      docs: tokenDocs,
    },
    guide: {
      grants:
        "A bot token acts as the app's bot user with every scope granted at install: typically posting messages, reading channels the bot is in, and listing users.",
      risks:
        "An attacker can read conversations the bot can see, post phishing messages as your bot, upload files and enumerate the workspace's members.",
      checkMisuse:
        "Review the workspace audit logs (Enterprise Grid) or Access Logs and the app's messages for posts and API calls your service did not make.",
    },
  },
  {
    id: 'slack-user-token',
    title: 'Slack user token',
    severity: 'critical',
    keywords: ['xoxp-'],
    // Length: ids of 8–14 digits (observed range) and a 32-hex secret.
    pattern: `${BEFORE}(?<secret>xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[0-9a-f]{32})${AFTER}`,
    entropy: 3,
    examples: [
      'SLACK_USER_TOKEN=xoxp-{{digits:12}}-{{digits:12}}-{{digits:13}}-{{hex:32}}',
      "slack = Slack::Web::Client.new(token: 'xoxp-{{digits:10}}-{{digits:11}}-{{digits:12}}-{{hex:32}}')",
      'curl -H "Authorization: Bearer xoxp-{{digits:12}}-{{digits:12}}-{{digits:13}}-{{hex:32}}" https://slack.com/api/auth.test',
    ],
    negativeExamples: [
      'SLACK_USER_TOKEN=xoxp-{{digits:12}}-{{digits:12}}-{{digits:13}}-{{hex:20}}',
      'token: xoxp-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SLACK_TOKEN=xoxe.xoxp-1-{{base62:140}}',
    ],
    fix: {
      env: 'SLACK_USER_TOKEN',
      provider: 'Slack',
      rotate: rotateToken('OAuth & Permissions'),
      docs: tokenDocs,
    },
    guide: {
      grants:
        "A user token acts as the person who installed the app, with that person's access and the user scopes granted: channels, private conversations and direct messages.",
      risks:
        'An attacker can read private channels and DMs, search the whole message history, post as the user and exfiltrate files shared in the workspace.',
      checkMisuse:
        "Check the workspace Access Logs and audit logs for API sessions from unknown IPs, and the user's sent messages and file downloads.",
    },
  },
  {
    id: 'slack-app-level-token',
    title: 'Slack app-level token',
    severity: 'high',
    keywords: ['xapp-'],
    // Length: version 1–2 digits, app id 9–12 and a 10–14-digit id (observed range), then 64 hex.
    pattern: `${BEFORE}(?<secret>xapp-[0-9]{1,2}-[A-Z0-9]{9,12}-[0-9]{10,14}-[0-9a-f]{64})${AFTER}`,
    entropy: 3,
    examples: [
      'SLACK_APP_TOKEN=xapp-1-A{{upper:10}}-{{digits:13}}-{{hex:64}}',
      "const app = new App({ socketMode: true, appToken: 'xapp-1-A{{upper:10}}-{{digits:13}}-{{hex:64}}' });",
      'handler = SocketModeHandler(app, "xapp-1-A{{upper:8}}-{{digits:12}}-{{hex:64}}")',
    ],
    negativeExamples: [
      'SLACK_APP_TOKEN=xapp-1-A{{upper:10}}-{{digits:13}}-{{hex:32}}',
      'SLACK_APP_TOKEN=xapp-your-app-level-token',
      'appToken: process.env.SLACK_APP_TOKEN // xapp-…',
    ],
    fix: {
      env: 'SLACK_APP_TOKEN',
      provider: 'Slack',
      rotate: [
        'Open https://api.slack.com/apps, select the app and go to Basic Information → App-Level Tokens.',
        'Generate a new app-level token with the same scopes (e.g. connections:write).',
        'Deploy the new token wherever Socket Mode connects, then revoke the old token on the same page.',
        "Check the app's event deliveries for connections you did not open.",
      ],
      docs: 'https://api.slack.com/authentication/token-types#app-level',
    },
    guide: {
      grants:
        "An app-level token represents the app across organizations; with connections:write it opens Socket Mode connections that receive the app's events.",
      risks:
        'An attacker can open a Socket Mode connection and receive the events meant for your app, including message content, or read authorizations.',
      checkMisuse:
        'Look for Socket Mode connections your service did not open and for missing or delayed events in your app; revoke the token if in doubt.',
    },
  },
  {
    id: 'slack-legacy-token',
    title: 'Slack legacy workspace-app or session token',
    severity: 'high',
    keywords: ['xoxa-', 'xoxr-', 'xoxs-'],
    // Workspace apps (xoxa- access, xoxr- refresh) and xoxs- session tokens: retired formats with no published
    // layout beyond `<prefix>-<digits>-…`, so the body is kept loose and the entropy check does the filtering.
    // Length: legacy and session tokens vary (observed range 20–250 after the id).
    pattern: `${BEFORE}(?<secret>xox[ars]-[0-9]{1,14}-[A-Za-z0-9-]{20,250}[A-Za-z0-9])${AFTER}`,
    entropy: 3.5,
    examples: [
      'SLACK_TOKEN=xoxa-2-{{digits:12}}-{{digits:12}}-{{digits:12}}-{{hex:64}}',
      'refresh_token = "xoxr-{{digits:12}}-{{digits:13}}-{{base62:40}}"',
      "slack_session: 'xoxs-{{digits:11}}-{{digits:12}}-{{digits:12}}-{{hex:64}}'",
    ],
    negativeExamples: [
      'Workspace apps used xoxa- tokens and xoxr- refresh tokens.',
      'SLACK_TOKEN=xoxa-2-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'token = "xoxs-{{digits:11}}-{{hex:8}}"',
    ],
    fix: {
      env: 'SLACK_TOKEN',
      provider: 'Slack',
      rotate: [
        'Revoke the token with auth.revoke or by removing the legacy app / signing the session out in Slack.',
        'Migrate the integration to a current Slack app with a bot token and only the scopes it needs.',
        'Deploy the new token from your secrets manager and delete the legacy one everywhere it is configured.',
        'Review the workspace Access Logs for sessions and API calls made with the old token.',
      ],
      docs: tokenDocs,
    },
    guide: {
      grants:
        'Legacy workspace-app tokens and session tokens act on a workspace with broad, often user-level, permissions that predate granular scopes.',
      risks:
        'An attacker can read channels and messages, post as the app or user, and for session tokens use Slack as the signed-in person.',
      checkMisuse:
        'Check the workspace Access Logs (Settings → Access Logs) and audit logs for unknown devices, IP addresses and API calls.',
    },
  },
  {
    id: 'slack-configuration-token',
    title: 'Slack app configuration or rotating access token',
    severity: 'high',
    keywords: ['xoxe.xoxp-', 'xoxe.xoxb-'],
    // App configuration tokens and rotation-enabled access tokens: `xoxe.xoxp-1-…` / `xoxe.xoxb-1-…`, valid 12 h.
    // Length: Slack documents no length for rotating tokens: 40–400 is the observed range with room.
    pattern: `${BEFORE}(?<secret>xoxe\\.xox[bp]-[0-9]{1,2}-[A-Za-z0-9_-]{40,400})${AFTER}`,
    entropy: 3.5,
    examples: [
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-{{base62:150}}',
      'slack apps manifest update --token "xoxe.xoxp-1-{{base62:160}}"',
      '{ "access_token": "xoxe.xoxb-1-{{base62:140}}", "token_type": "bot" }',
    ],
    negativeExamples: [
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-...',
      'token: xoxe.xoxp-1-{{base62:20}}',
      'rotated tokens look like xoxe.xoxp-<version>-<body>',
    ],
    fix: {
      env: 'SLACK_CONFIG_TOKEN',
      provider: 'Slack',
      rotate: [
        'Open https://api.slack.com/apps → "Your App Configuration Tokens" (or the app\'s OAuth page for rotating tokens).',
        'Revoke the leaked token and generate a new one (or exchange the refresh token with tooling.tokens.rotate).',
        'Store the new token and its refresh token in your secrets manager and redeploy the tooling that uses them.',
        "Review your apps' manifests and settings for changes you did not make.",
      ],
      docs: 'https://api.slack.com/authentication/config-tokens',
    },
    guide: {
      grants:
        'A configuration token manages the manifests of every app in the workspace you created it for; a rotating xoxe.xoxp/xoxe.xoxb token is a bot or user token that expires after 12 hours.',
      risks:
        "An attacker can change an app's scopes, redirect URLs and event endpoints to capture data, or act as the bot or user until the token expires.",
      checkMisuse:
        "Compare each app's manifest (scopes, redirect URLs, event subscription URL) with what you deployed, and check the audit logs for manifest changes.",
    },
  },
  {
    id: 'slack-refresh-token',
    title: 'Slack refresh token (token rotation or configuration)',
    severity: 'high',
    keywords: ['xoxe-'],
    // Length: as rotating tokens (observed range).
    pattern: `${BEFORE}(?<secret>xoxe-[0-9]{1,2}-[A-Za-z0-9_-]{40,400})${AFTER}`,
    entropy: 3.5,
    examples: [
      'SLACK_REFRESH_TOKEN=xoxe-1-{{base62:140}}',
      'slack_refresh_token: "xoxe-1-{{base62:146}}"',
      'client.tooling_tokens_rotate(refresh_token="xoxe-1-{{base62:150}}")',
    ],
    negativeExamples: [
      'refresh_token: xoxe-1-abcdefg',
      'SLACK_REFRESH_TOKEN=xoxe-1-{{base62:16}}',
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-xxxx',
    ],
    fix: {
      env: 'SLACK_REFRESH_TOKEN',
      provider: 'Slack',
      rotate: [
        'Exchange the refresh token once (oauth.v2.access with grant_type=refresh_token, or tooling.tokens.rotate) so the leaked one is consumed.',
        "If it may already have been used, revoke the app's tokens from the app settings and reinstall or regenerate configuration tokens.",
        'Store the new refresh token only in your secrets manager and redeploy.',
        'Check the audit logs for tokens issued to sessions you do not run.',
      ],
      docs: 'https://api.slack.com/authentication/rotation',
    },
    guide: {
      grants:
        'A refresh token mints new short-lived access tokens (bot, user or configuration) for as long as it stays valid.',
      risks:
        'An attacker turns one leaked refresh token into a stream of fresh access tokens, keeping access after the 12-hour tokens expire.',
      checkMisuse:
        'A refresh token is single-use: if your service suddenly fails to refresh (invalid_refresh_token), someone else used it. Check the audit logs too.',
    },
  },
  {
    id: 'slack-incoming-webhook-url',
    title: 'Slack incoming webhook URL',
    severity: 'medium',
    keywords: ['hooks.slack.com/services/', 'hooks.slack-gov.com/services/'],
    // Length: workspace and bot ids of 8–12 characters (observed range) and a 24-character secret.
    pattern:
      '(?<secret>https://hooks\\.slack(?:-gov)?\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})(?![A-Za-z0-9])',
    entropy: 3.5,
    examples: [
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{{upper:10}}/B{{upper:10}}/{{base62:24}}',
      "requests.post('https://hooks.slack.com/services/T{{upper:8}}/B{{upper:9}}/{{base62:24}}', json=payload)",
      '  webhook_url: https://hooks.slack-gov.com/services/T{{upper:10}}/B{{upper:11}}/{{base62:24}}',
    ],
    negativeExamples: [
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'url = "https://hooks.slack.com/services/T{{upper:10}}/B{{upper:10}}/{{base62:12}}"',
      'See https://api.slack.com/messaging/webhooks to create a webhook.',
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/${TEAM}/${CHANNEL}/${TOKEN}',
    ],
    fix: {
      env: 'SLACK_WEBHOOK_URL',
      provider: 'Slack',
      rotate: [
        'Open https://api.slack.com/apps → your app → Incoming Webhooks and add a new webhook for the channel.',
        'Deploy the new URL from your secrets manager to every sender.',
        'Remove the old webhook on the same page (or revoke it), which makes its URL stop working.',
        'Check the channel for messages your systems did not send.',
      ],
      docs: 'https://api.slack.com/messaging/webhooks',
    },
    guide: {
      grants:
        'Anyone holding an incoming webhook URL can post messages into the one channel it was created for, with no other authentication.',
      risks:
        'An attacker can post convincing phishing messages or fake alerts into your channel, or spam it until the webhook is revoked.',
      checkMisuse:
        "Look in the target channel for messages posted by the webhook's app that none of your systems sent.",
    },
  },
  {
    id: 'slack-workflow-webhook-url',
    title: 'Slack Workflow Builder webhook URL',
    severity: 'medium',
    keywords: ['hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
    // Legacy workflows: /workflows/T…/A…/<digits>/<alnum>; current webhook triggers: /triggers/T…/<digits>/<hex>.
    // Length: ids of 8–12 characters and 10–20 digits, secrets of 20–40 characters: observed range.
    pattern:
      '(?<secret>https://hooks\\.slack\\.com/(?:workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{10,20}/[A-Za-z0-9]{20,40}|triggers/T[A-Z0-9]{8,12}/[0-9]{10,20}/[0-9a-f]{30,40}))(?![A-Za-z0-9])',
    entropy: 3.5,
    examples: [
      'SLACK_WORKFLOW_WEBHOOK=https://hooks.slack.com/triggers/T{{upper:10}}/{{digits:13}}/{{hex:32}}',
      'webhook: "https://hooks.slack.com/workflows/T{{upper:9}}/A{{upper:10}}/{{digits:18}}/{{base62:24}}"',
      "fetch('https://hooks.slack.com/triggers/T{{upper:11}}/{{digits:13}}/{{hex:32}}', { method: 'POST' })",
    ],
    negativeExamples: [
      'webhook: https://hooks.slack.com/triggers/T0123456789/3141592653589/...',
      'url = "https://hooks.slack.com/triggers/T{{upper:10}}/{{digits:13}}/{{hex:8}}"',
      'Workflow webhooks live under https://hooks.slack.com/workflows/ and /triggers/.',
    ],
    fix: {
      env: 'SLACK_WORKFLOW_WEBHOOK_URL',
      provider: 'Slack',
      rotate: [
        'In Slack open Workflow Builder, select the workflow and its webhook step.',
        'Delete the webhook trigger (or the workflow) and add a new webhook trigger to get a new URL.',
        'Deploy the new URL from your secrets manager to every system that starts the workflow.',
        "Review the workflow's activity for runs you did not start.",
      ],
      docs: 'https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack',
    },
    guide: {
      grants:
        'Anyone holding the URL can start the workflow with data of their choosing; the workflow then posts messages, creates records or calls connectors as configured.',
      risks:
        'An attacker can run your workflow at will: post fake messages, open requests or tickets, and feed crafted input into any connected steps.',
      checkMisuse:
        "Check the workflow's activity history in Workflow Builder for runs whose input your systems did not send.",
    },
  },
];
