// npm access tokens: https://docs.npmjs.com/about-access-tokens
// `npm_` + 30 base62 + a 6-character base62 CRC32 of the 30 (checked by the `npm-crc32` verifier).
import type { Rule } from '../schema.js';

export const npmRules: Rule[] = [
  {
    id: 'npm-access-token',
    title: 'npm access token',
    severity: 'critical',
    keywords: ['npm_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])',
    verify: 'npm-crc32',
    examples: ['//registry.npmjs.org/:_authToken={{npm}}', 'NPM_TOKEN={{npm}}', '  npmAuthToken: "{{npm}}"'],
    negativeExamples: [
      'NPM_TOKEN=npm_{{base62:36}}',
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      'NPM_TOKEN=npm_{{base62:20}}',
      'const config = require("npm_config_registry");',
    ],
    fix: {
      env: 'NPM_TOKEN',
      provider: 'npm',
      rotate: [
        'On npmjs.com open Access Tokens (or run `npm token list`) and delete the leaked token (`npm token revoke ID`).',
        'Create a granular access token limited to the packages and organizations needed, with an expiry, or switch CI to trusted publishing (OIDC).',
        'Put it in your CI secret store and reference it from .npmrc as ${NPM_TOKEN}, never literally.',
        "Check each package's version history for releases you did not publish and deprecate or unpublish them.",
      ],
      docs: 'https://docs.npmjs.com/about-access-tokens',
    },
    guide: {
      grants:
        'An npm token acts as its user on the registry: with publish rights it can release new versions of every package the user or token can write.',
      risks:
        'Stolen npm tokens are used for supply-chain attacks: a malicious version of your package runs on every install by your users and their CI.',
      checkMisuse:
        "Look at `npm view PACKAGE time` and the package pages for versions you did not publish, and at your account's security/audit activity on npmjs.com.",
    },
  },
];
