// Anthropic API keys: https://docs.anthropic.com/en/api/getting-started
// `sk-ant-api03-` + 93 base64url characters + `AA` (108 in all); Admin API keys use `sk-ant-admin01-`.
// Claude Code's OAuth tokens (`claude setup-token` prints a one-year token for CLAUDE_CODE_OAUTH_TOKEN:
// https://code.claude.com/docs/en/authentication) are `sk-ant-oat01-…`, their refresh tokens `sk-ant-ort01-…`.
// Anthropic's documentation names the command and the variable but not the token's shape: the prefixes are the
// ones observed in public code and tools that handle these tokens, not documented by the provider. (The page's
// address is taken from the Claude Code documentation index; its text was read through copies, not first-hand.)
import type { Rule } from '../schema.js';

const BODY = '[A-Za-z0-9_-]{93}AA';
const AFTER = '(?![A-Za-z0-9_-])';
const BEFORE = '(?<![A-Za-z0-9_-])';

export const anthropicRules: Rule[] = [
  {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    severity: 'high',
    keywords: ['sk-ant-api'],
    pattern: `${BEFORE}(?<secret>sk-ant-api0[0-9]-${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'ANTHROPIC_API_KEY=sk-ant-api03-{{base64url:93}}AA',
      'client = anthropic.Anthropic(api_key="sk-ant-api03-{{base64url:93}}AA")',
      "curl https://api.anthropic.com/v1/messages -H 'x-api-key: sk-ant-api03-{{base64url:93}}AA'",
    ],
    negativeExamples: [
      'ANTHROPIC_API_KEY=sk-ant-api03-...',
      'ANTHROPIC_API_KEY=sk-ant-api03-{{base64url:40}}',
      'ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA',
    ],
    fix: {
      env: 'ANTHROPIC_API_KEY',
      provider: 'Anthropic',
      rotate: [
        'In the Anthropic Console open Settings → API keys and create a new key in the right workspace.',
        'Store it in your secrets manager or environment and redeploy every service that uses it.',
        'Disable, then delete, the leaked key on the same page.',
        'Review Usage and Cost in the Console for traffic on the old key you did not send.',
      ],
      docs: 'https://docs.anthropic.com/en/api/getting-started',
    },
    guide: {
      grants:
        'An API key calls the Claude API for its workspace, billed to your organisation: messages, batches, files and other workspace resources.',
      risks:
        'An attacker can run requests at your expense (often resold), exhaust rate limits and spend limits, and read files or batch results stored in the workspace.',
      checkMisuse:
        "Check the Console's Usage and Cost pages broken down by API key for spikes, and the workspace's files and batches for ones you did not create.",
    },
  },
  {
    id: 'anthropic-admin-key',
    title: 'Anthropic Admin API key',
    severity: 'critical',
    keywords: ['sk-ant-admin'],
    pattern: `${BEFORE}(?<secret>sk-ant-admin0[0-9]-${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-{{base64url:93}}AA',
      'curl https://api.anthropic.com/v1/organizations/users -H "x-api-key: sk-ant-admin01-{{base64url:93}}AA"',
      "adminKey: 'sk-ant-admin01-{{base64url:93}}AA'",
    ],
    negativeExamples: [
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-...',
      'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-{{base64url:30}}',
      'ANTHROPIC_API_KEY=sk-ant-api03-{{base64url:93}}AA',
    ],
    fix: {
      env: 'ANTHROPIC_ADMIN_KEY',
      provider: 'Anthropic',
      rotate: [
        'In the Anthropic Console open Settings → Admin keys (organization admins only) and create a new admin key.',
        'Deploy it to the tooling that manages your organisation, then delete the leaked admin key.',
        'Review organisation members, invites, workspaces and API keys for entries you did not create, and revoke them.',
      ],
      docs: 'https://docs.anthropic.com/en/api/administration-api',
    },
    guide: {
      grants:
        "An Admin API key manages the organisation: members and invites, workspaces and their members, and the organisation's API keys.",
      risks:
        'An attacker can invite themselves, create workspaces and API keys for persistent access, and remove or demote your own members.',
      checkMisuse:
        'Review Settings → Members, Workspaces and API keys in the Console for additions or role changes you did not make.',
    },
  },
  {
    id: 'anthropic-oauth-token',
    title: 'Anthropic OAuth token (Claude subscription, sk-ant-oat / sk-ant-ort)',
    severity: 'high',
    keywords: ['sk-ant-oat', 'sk-ant-ort'],
    // Length: not documented; observed tokens are about as long as API keys (108 characters), so 80–200 base64url
    // characters after the versioned prefix leave room either way.
    pattern: `${BEFORE}(?<secret>sk-ant-o[ar]t0[0-9]-[A-Za-z0-9_-]{80,200})${AFTER}`,
    entropy: 4,
    examples: [
      'CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-{{base64url:93}}AA',
      '        claude_code_oauth_token: sk-ant-oat01-{{base64url:95}}',
      '{"claudeAiOauth": {"accessToken": "sk-ant-oat01-{{base64url:93}}AA", "refreshToken": "sk-ant-ort01-{{base64url:93}}AA"}}',
    ],
    negativeExamples: [
      'CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-...',
      "setup_token = 'sk-ant-oat01-TEST_SETUP_TOKEN_NOT_REAL'",
      'CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-{{base64url:40}}',
      'CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ANTHROPIC_API_KEY=sk-ant-api03-{{base64url:93}}AA',
    ],
    fix: {
      env: 'CLAUDE_CODE_OAUTH_TOKEN',
      provider: 'Anthropic (Claude)',
      rotate: [
        'Sign in at claude.ai → Settings and revoke the session or connected app the token belongs to (or log out everywhere).',
        'Run `claude setup-token` again to mint a new token, and store it as a CI secret, not in the repository.',
        'Check your Claude usage for activity you did not cause, and prefer an API key scoped to a workspace for automation.',
      ],
      docs: 'https://code.claude.com/docs/en/authentication',
    },
    guide: {
      grants:
        "The OAuth token acts as the Claude account it was issued to: it runs Claude Code and model requests on that account's Pro, Max, Team or Enterprise subscription.",
      risks:
        "An attacker can use your subscription's quota and rate limits for their own work, and read what the account's sessions can reach.",
      checkMisuse:
        "Look at the account's usage and active sessions on claude.ai (and your organisation's Claude Code analytics) for sessions, devices or usage you do not recognise.",
    },
  },
];
