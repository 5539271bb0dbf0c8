// npm registry credentials in .npmrc / .yarnrc.yml: https://docs.npmjs.com/cli/v10/configuring-npm/npmrc
// `//registry/:_authToken=…` (a bearer token; legacy npm tokens are UUIDs), `_auth=` (base64 of user:password)
// and `_password=` (base64 of the password). Tokens with a provider prefix (`npm_`, `ghp_`, `glpat-`) are left to
// their provider's rule so that they are reported once, under the right name.
import type { Rule } from '../schema.js';

const VALUE_END = String.raw`(?=["'\x60\\\s]|$)`;
// Length: base64 of `user:password` or of a password: 8–2048, a design bound (npm documents none).
const B64 = String.raw`[A-Za-z0-9+/]{8,2048}={0,2}`;
// A key starts a line, follows a scope (`//host/:`) or an escaped newline (`\n`) in a string.
const KEY_START = String.raw`(?:^|[^A-Za-z0-9]|\\[nr])`;

const npmFix = (env: string) => ({
  env,
  provider: 'npm registry',
  rotate: [
    'Revoke the token at the registry (npmjs.com → Access Tokens, GitHub → Developer settings → Personal access tokens, or your Artifactory/Nexus user profile); change the password for `_auth` / `_password` entries.',
    'Create a new token with the narrowest scope (read-only for installs, granular and package-scoped for publishing).',
    `Reference it from the environment in .npmrc (\`//registry.npmjs.org/:_authToken=\${${env}}\`) and set ${env} in CI secrets.`,
    "Check the registry's audit or security log for publishes and downloads made with the old credential.",
  ],
  docs: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
});

const npmGuide = {
  grants:
    'The credential authenticates npm to the registry: it installs private packages and, depending on its scope, publishes new versions.',
  risks:
    'A publish-capable token lets an attacker push a malicious version of your packages to everyone who installs them; a read token exposes your private code.',
  checkMisuse:
    "Check the package versions and their publish times on the registry, and the account's security or audit log (npmjs.com → Account → Security, or your registry's access log).",
};

export const npmrcRules: Rule[] = [
  {
    id: 'npmrc-auth-token',
    title: 'npm registry auth token (.npmrc / .yarnrc.yml)',
    severity: 'high',
    keywords: ['_authtoken', 'npmauthtoken'],
    pattern:
      String.raw`(?::_authToken[ \t]{0,4}=|npmAuthToken["'\\]{0,2}[ \t]{0,4}:)[ \t]{0,4}["'\\]{0,2}` +
      // Length: registry tokens of any kind (npm's are 40, others differ): 16–2048 is the observed range with room.
      String.raw`(?!npm_|gh[pousr]_|github_pat_|glpat-)(?![$%{<])(?![A-Z_]{1,64}${VALUE_END})(?<secret>[A-Za-z0-9._~+/=:-]{16,2048})${VALUE_END}`,
    entropy: 3,
    examples: [
      '//registry.npmjs.org/:_authToken={{hex:8}}-{{hex:4}}-4{{hex:3}}-9{{hex:3}}-{{hex:12}}',
      '//artifactory.corp.io/artifactory/api/npm/npm-virtual/:_authToken={{base64url:64}}',
      '  npmAuthToken: "{{base62:40}}"',
    ],
    negativeExamples: [
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      '//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}',
      '//registry.npmjs.org/:_authToken=NPM_TOKEN',
      '//registry.npmjs.org/:_authToken=<your-token>',
      '//registry.npmjs.org/:_authToken={{npm}}',
      '@corp:registry=https://npm.corp.io/',
    ],
    fix: npmFix('NPM_TOKEN'),
    guide: npmGuide,
  },
  {
    id: 'npmrc-basic-auth',
    title: 'npm registry credentials (_auth in .npmrc)',
    severity: 'high',
    keywords: ['_auth'],
    flags: 'm',
    pattern: String.raw`_auth(?<=${KEY_START}_auth)[ \t]{0,4}=[ \t]{0,4}["'\\]{0,2}(?<secret>${B64})${VALUE_END}`,
    decode: 'base64',
    verify: 'generic-value',
    examples: [
      '_auth={{basicauth}}',
      '//nexus.corp.io/repository/npm-group/:_auth={{basicauth}}',
      'always-auth=true\\n_auth = "{{basicauth}}"',
      '//registry.corp.io/:_auth = "{{basicauth}}"',
    ],
    negativeExamples: [
      '_auth=${NPM_AUTH}',
      '_auth=dXNlcjpwYXNzd29yZA==',
      '_authToken=${NPM_TOKEN}',
      'always-auth=true',
    ],
    fix: npmFix('NPM_AUTH'),
    guide: npmGuide,
  },
  {
    id: 'npmrc-password',
    title: 'npm registry password (_password in .npmrc)',
    severity: 'high',
    keywords: ['_password'],
    flags: 'm',
    pattern: String.raw`_password(?<=${KEY_START}_password)[ \t]{0,4}=[ \t]{0,4}["'\\]{0,2}(?<secret>${B64})${VALUE_END}`,
    decode: 'base64',
    verify: 'generic-value',
    examples: [
      '//nexus.corp.io/repository/npm-group/:_password={{base64text:18}}',
      '_password={{base64text:20}}',
      '//pkgs.dev.azure.com/corp/_packaging/feed/npm/registry/:_password="{{base64text:28}}"',
    ],
    negativeExamples: [
      '//nexus.corp.io/repository/npm-group/:_password=${NPM_PASSWORD_B64}',
      '_password=cGFzc3dvcmQ=',
      '_password=cGFzc3dvcmQxMjM=',
      '//nexus.corp.io/:username=ci',
    ],
    fix: npmFix('NPM_PASSWORD'),
    guide: npmGuide,
  },
];
