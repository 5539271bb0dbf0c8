// Telegram Bot API tokens: https://core.telegram.org/bots/api#authorizing-your-bot
// `<bot id>:<35-character secret>`; the secret part issued by @BotFather starts with `AA`, which makes the shape
// distinctive enough without surrounding context.
import type { Rule } from '../schema.js';

export const telegramRules: Rule[] = [
  {
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    severity: 'high',
    keywords: [':aa'],
    // Length: bot ids of 8–10 digits (observed range) and a 35-character secret (the tokens @BotFather issues).
    pattern: '(?<![0-9])(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'TELEGRAM_BOT_TOKEN={{digits:10}}:AA{{base64url:33}}',
      "bot = telebot.TeleBot('{{digits:9}}:AA{{base64url:33}}')",
      'curl https://api.telegram.org/bot{{digits:10}}:AA{{base64url:33}}/getMe',
    ],
    negativeExamples: [
      'TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'token = "{{digits:10}}:AA{{base64url:20}}"',
      'ratio = {{digits:10}}:{{base64url:35}}',
      'TELEGRAM_BOT_TOKEN=<bot_id>:<token>',
    ],
    fix: {
      env: 'TELEGRAM_BOT_TOKEN',
      provider: 'Telegram',
      rotate: [
        'In Telegram, message @BotFather, send /revoke and pick the bot: the old token stops working and a new one is issued.',
        'Store the new token in your secrets manager or environment and redeploy the bot.',
        'Re-register your webhook (setWebhook) if the bot uses one, and check getWebhookInfo for a URL you did not set.',
      ],
      docs: 'https://core.telegram.org/bots/features#botfather',
    },
    guide: {
      grants:
        "The token is the bot's full credential: it reads every update sent to the bot and sends messages in all chats and channels the bot belongs to.",
      risks:
        'An attacker can read messages users send to your bot, message your users as the bot, hijack its webhook to intercept updates, and post in channels it administers.',
      checkMisuse:
        'Call getWebhookInfo to check the webhook URL has not been changed, and review the chats and channels the bot administers for posts you did not make.',
    },
  },
];
