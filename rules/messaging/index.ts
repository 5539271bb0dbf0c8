// Messaging and email rules: chat tokens and webhook URLs, SMS and transactional/marketing email keys.
import type { Rule } from '../schema.js';
import { slackRules } from './slack.js';
import { discordRules } from './discord.js';
import { telegramRules } from './telegram.js';
import { teamsRules } from './teams.js';
import { twilioRules } from './twilio.js';
import { sendgridRules } from './sendgrid.js';
import { mailgunRules } from './mailgun.js';
import { mailchimpRules } from './mailchimp.js';
import { postmarkRules } from './postmark.js';
import { mandrillRules } from './mandrill.js';
import { natsRules } from './nats.js';

export const messagingRules: Rule[] = [
  ...slackRules,
  ...discordRules,
  ...telegramRules,
  ...teamsRules,
  ...twilioRules,
  ...sendgridRules,
  ...mailgunRules,
  ...mailchimpRules,
  ...postmarkRules,
  ...mandrillRules,
  ...natsRules,
];
