// Anthropic API keys: https://docs.anthropic.com/en/api/getting-started
// `sk-ant-api03-` + 93 base64url characters + `AA` (108 in all); Admin API keys use `sk-ant-admin01-`.
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
];
