// RubyGems.org API keys: `rubygems_` + 48 lowercase hex. https://guides.rubygems.org/api-key-scopes/
import type { Rule } from '../schema.js';

export const rubygemsRules: Rule[] = [
  {
    id: 'rubygems-api-key',
    title: 'RubyGems.org API key',
    severity: 'critical',
    keywords: ['rubygems_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>rubygems_[0-9a-f]{48})(?![A-Za-z0-9_])',
    entropy: 3,
    examples: [
      'GEM_HOST_API_KEY=rubygems_{{hex:48}}',
      ':rubygems_api_key: rubygems_{{hex:48}}',
      'curl -H "Authorization: rubygems_{{hex:48}}" https://rubygems.org/api/v1/gems',
    ],
    negativeExamples: [
      'GEM_HOST_API_KEY=rubygems_{{hex:20}}',
      ':rubygems_api_key: ${GEM_HOST_API_KEY}',
      'GEM_HOST_API_KEY=rubygems_{{HEX:48}}',
    ],
    fix: {
      env: 'GEM_HOST_API_KEY',
      provider: 'RubyGems.org',
      rotate: [
        'On rubygems.org open Settings → API keys and delete the leaked key.',
        'Create a key limited to the push scope and to one gem, with MFA required, or configure a trusted publisher for CI.',
        'Store it as GEM_HOST_API_KEY in your CI secrets, not in ~/.gem/credentials in the repository.',
        "Check your gems' version lists for releases you did not push and yank them.",
      ],
      docs: 'https://guides.rubygems.org/api-key-scopes/',
    },
    guide: {
      grants:
        'An API key acts as the account on rubygems.org with its scopes: pushing and yanking gems, managing owners and webhooks.',
      risks:
        'An attacker can push a malicious version of your gem that runs on every `bundle install` by your users, or add themselves as owner.',
      checkMisuse:
        "Your rubygems.org dashboard and each gem's versions page show releases; the account's API key list shows last-used times.",
    },
  },
];
