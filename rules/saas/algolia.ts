// Algolia API keys: https://www.algolia.com/doc/guides/security/api-keys/
// Every key is 32 hex with no prefix. The Admin API key (and custom write keys) can change and delete indices;
// the Search-only key and the Application ID are meant for the browser. They are told apart only by the name the
// value is assigned to, so this rule needs an admin/write key name and Algolia near words.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const algoliaRules: Rule[] = [
  {
    id: 'algolia-admin-api-key',
    title: 'Algolia Admin (or write) API key',
    severity: 'high',
    keywords: [],
    near: { words: ['algolia'], lines: 2 },
    pattern: `(?:admin|write)[_-]?(?:api[_-]?)?key${ASSIGN}(?<secret>[0-9a-f]{32})(?![0-9a-zA-Z])`,
    flags: 'i',
    entropy: 3,
    examples: [
      'ALGOLIA_ADMIN_API_KEY={{hex:32}}',
      "algolia: { appId: '{{upper:10}}', adminApiKey: '{{hex:32}}', indexName: 'products' }",
      'ALGOLIA_WRITE_KEY="{{hex:32}}"',
    ],
    negativeExamples: [
      'ALGOLIA_SEARCH_KEY={{hex:32}}',
      'NEXT_PUBLIC_ALGOLIA_SEARCH_ONLY_API_KEY={{hex:32}}',
      'ALGOLIA_APP_ID={{upper:10}}',
      "const client = algoliasearch('{{upper:10}}', '{{hex:32}}');",
      'ALGOLIA_ADMIN_API_KEY=${ALGOLIA_ADMIN_API_KEY}',
    ],
    fix: {
      env: 'ALGOLIA_ADMIN_API_KEY',
      provider: 'Algolia',
      rotate: [
        'In the Algolia dashboard open Settings → API Keys for the application.',
        'For the Admin API key choose "Regenerate"; for a custom write key, create a new key with only the indices and ACLs needed.',
        'Store the new key in your secrets manager or environment and redeploy the indexing jobs and back ends that use it.',
        'Delete the old custom key (a regenerated Admin key is revoked at once), then check the API logs for requests made with it.',
      ],
      docs: 'https://www.algolia.com/doc/guides/security/api-keys/',
    },
    guide: {
      grants:
        'The Admin API key controls the whole Algolia application: read, add and delete records, change index settings, manage API keys and read logs; write keys can at least add and delete records.',
      risks:
        'An attacker can wipe or replace your search indices, inject content that your site displays to users, read private records, and create new keys for lasting access.',
      checkMisuse:
        'Dashboard → Monitoring → API logs list recent requests with the key used and source IP; look for deleteIndex, clear, setSettings or key-management calls you did not make.',
    },
  },
];
