// Discord bot tokens and webhook URLs: https://discord.com/developers/docs/reference#authentication
// A bot token is three base64url parts: the bot's user id (a 17–20 digit snowflake, base64-encoded), a 6-character
// timestamp and an HMAC (27 characters in older tokens, 38 in current ones). Base64 of ASCII digits has a fixed
// shape per 4-character block ([MNO][DTjz][AEIMQUYcgk][w-z0-5]), so the first part is matched exactly; the rule
// still requires Discord near words because the other parts are plain base64url.
import type { Rule } from '../schema.js';

// base64 of 17–20 ASCII digits: 5–6 full blocks, then a 2- or 3-character tail for the leftover 1 or 2 digits.
// Length: snowflakes are 64-bit ids (discord.com/developers/docs/reference#snowflakes), 17–20 digits today.
const SNOWFLAKE_B64 = '(?:[MNO][DTjz][AEIMQUYcgk][w-z0-5]){5,6}(?:[MNO][AQgw]|[MNO][DTjz][AEIMQUYcgk])?';

export const discordRules: Rule[] = [
  {
    id: 'discord-bot-token',
    title: 'Discord bot token',
    severity: 'high',
    keywords: [],
    near: { words: ['discord'], lines: 3 },
    // Length: the HMAC part is 27 characters in older tokens and 38 in current ones: observed range.
    pattern: `(?<![A-Za-z0-9_.-])(?<secret>${SNOWFLAKE_B64}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])`,
    entropy: 3.5,
    examples: [
      // The first parts are base64 of made-up bot ids (public identifiers); the secret parts are placeholders.
      'DISCORD_BOT_TOKEN=MTE4Mzg0NzI2MTkzNDc1OTkzNg.G{{base64url:5}}.{{base64url:38}}',
      "const discordClient = new Client({ intents }); discordClient.login('OTg3NjU0MzIxMDk4NzY1NDMy.X{{base64url:5}}.{{base64url:27}}');",
      'headers = {"Authorization": "Bot ODQ3MTIzNDU2Nzg5MDEyMzQ.G{{base64url:5}}.{{base64url:38}}"}  # discord api',
    ],
    negativeExamples: [
      // Right shape, no Discord near words.
      'session = "MTE4Mzg0NzI2MTkzNDc1OTkzNg.G{{base64url:5}}.{{base64url:38}}"',
      // First part does not decode to a numeric id.
      'DISCORD_BOT_TOKEN={{alpha:24}}.{{base64url:6}}.{{base64url:38}}',
      // A JWT near the word discord is not a bot token.
      'discord_oauth_id_token = "{{jwt}}"',
      'DISCORD_BOT_TOKEN=your-discord-bot-token',
    ],
    fix: {
      env: 'DISCORD_BOT_TOKEN',
      provider: 'Discord',
      rotate: [
        'Open the Discord Developer Portal (https://discord.com/developers/applications), select the application and go to Bot.',
        'Choose "Reset Token" and copy the new token; this invalidates the old one immediately.',
        'Store the new token in your secrets manager or environment and restart the bot.',
        'Review the servers the bot is in and their audit logs for actions the bot did not take.',
      ],
      docs: 'https://discord.com/developers/docs/reference#authentication',
    },
    guide: {
      grants:
        'A bot token logs in as your bot with every permission it holds in every server it has joined, including privileged intents such as message content.',
      risks:
        'An attacker can read messages the bot sees, post spam or phishing links, kick or ban members and delete channels wherever the bot has those permissions.',
      checkMisuse:
        "Check each server's Audit Log for actions by the bot user, and the bot's message history for posts your code did not send.",
    },
  },
  {
    id: 'discord-webhook-url',
    title: 'Discord webhook URL',
    severity: 'medium',
    keywords: ['discord.com/api', 'discordapp.com/api'],
    // https://discord.com/api/webhooks/<webhook id>/<68-character token>, also on discordapp.com, canary. and ptb.
    // Length: a snowflake webhook id (17–20 digits, as above) and a token of 68 characters today: 60–80 is the
    // observed range.
    pattern:
      '(?<secret>https://(?:(?:canary|ptb)\\.)?discord(?:app)?\\.com/api(?:/v[0-9]{1,2})?/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/{{digits:19}}/{{base64url:68}}',
      "webhook = DiscordWebhook(url='https://discordapp.com/api/webhooks/{{digits:18}}/{{base64url:68}}')",
      'curl -X POST -H "Content-Type: application/json" https://canary.discord.com/api/v10/webhooks/{{digits:19}}/{{base64url:68}}',
    ],
    negativeExamples: [
      'DISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/{{digits:19}}/{{base64url:20}}',
      'GET https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
      'url = "https://discord.com/api/webhooks/{{digits:19}}"',
    ],
    fix: {
      env: 'DISCORD_WEBHOOK_URL',
      provider: 'Discord',
      rotate: [
        'In Discord open Server Settings → Integrations → Webhooks and select the webhook.',
        'Delete it and create a new webhook for the same channel, then copy its URL.',
        'Deploy the new URL from your secrets manager to every sender.',
        'Check the channel for messages the old webhook posted that your systems did not send.',
      ],
      docs: 'https://discord.com/developers/docs/resources/webhook',
    },
    guide: {
      grants:
        'The webhook URL lets anyone post messages, embeds and files to its channel under any name and avatar, and read or delete the webhook itself.',
      risks:
        'An attacker can post phishing links or malware as a trusted name in your server, spam the channel, or delete the webhook to break your alerts.',
      checkMisuse:
        'Look at the channel for webhook messages your systems did not send, and at the server Audit Log for webhook changes.',
    },
  },
];
