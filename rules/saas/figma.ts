// Figma personal access tokens: https://www.figma.com/developers/api#access-tokens
// `figd_` + 40 base64url characters, sent in the X-Figma-Token header.
import type { Rule } from '../schema.js';

export const figmaRules: Rule[] = [
  {
    id: 'figma-personal-access-token',
    title: 'Figma personal access token',
    severity: 'high',
    keywords: ['figd_'],
    // Length: 40 characters after `figd_` in the tokens seen (Figma documents no length): observed range 40–48.
    pattern: '(?<![A-Za-z0-9_])(?<secret>figd_[A-Za-z0-9_-]{40,48})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'FIGMA_TOKEN=figd_{{base64url:40}}',
      'curl -H "X-Figma-Token: figd_{{base64url:40}}" https://api.figma.com/v1/me',
      "const figma = new FigmaApi({ personalAccessToken: 'figd_{{base64url:40}}' });",
    ],
    negativeExamples: [
      'FIGMA_TOKEN=figd_xxxxxxxxxxxx',
      'FIGMA_TOKEN=figd_{{base64url:20}}',
      'FIGMA_FILE_KEY={{base62:22}}',
      'export FIGMA_TOKEN=figd_...',
    ],
    fix: {
      env: 'FIGMA_TOKEN',
      provider: 'Figma',
      rotate: [
        'In Figma open Settings → Security → Personal access tokens.',
        'Generate a new token with an expiry and only the scopes the script needs (e.g. File content: read-only), and copy it.',
        'Store it in your secrets manager or environment and redeploy the script or plugin backend.',
        'Revoke the old token on the same page.',
      ],
      docs: 'https://www.figma.com/developers/api#access-tokens',
    },
    guide: {
      grants:
        'A Figma personal access token calls the Figma REST API as its user, with the scopes chosen at creation: files, comments, projects and dev resources the user can open.',
      risks:
        'An attacker can download your design files and unreleased product designs, read and post comments as the user, and manage webhooks or variables if the scopes allow.',
      checkMisuse:
        'Organization and Enterprise admins can review the activity log for file access by the user; otherwise look for comments and webhooks nobody on the team created.',
    },
  },
];
