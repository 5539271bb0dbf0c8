// Contentful tokens: https://www.contentful.com/developers/docs/references/authentication/
// Content Management API personal access tokens start with `CFPAT-` (43 characters follow). Delivery and Preview
// API tokens are 43 base64url characters without a prefix: they need Contentful near words and a token name, and are
// less severe because they only read published (or draft) content.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const contentfulRules: Rule[] = [
  {
    id: 'contentful-management-token',
    title: 'Contentful Content Management API token',
    severity: 'high',
    keywords: ['cfpat-'],
    pattern: '(?<![A-Za-z0-9_-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
    entropy: 4,
    examples: [
      'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{{base64url:43}}',
      "const client = contentful.createClient({ accessToken: 'CFPAT-{{base64url:43}}' });",
      'contentful space import --management-token CFPAT-{{base64url:43}} --content-file export.json',
    ],
    negativeExamples: [
      'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{{base64url:20}}',
      'CONTENTFUL_SPACE_ID={{lower:12}}',
    ],
    fix: {
      env: 'CONTENTFUL_MANAGEMENT_TOKEN',
      provider: 'Contentful',
      rotate: [
        "In Contentful open Settings → CMA tokens (account settings) as the token's owner.",
        'Generate a new personal access token with an expiry, and copy it.',
        'Store it in your secrets manager or environment and redeploy the migration scripts and CI jobs that use it.',
        'Revoke the old token, then review entry and content-type history in your spaces for changes made with it.',
      ],
      docs: 'https://www.contentful.com/developers/docs/references/authentication/#the-content-management-api',
    },
    guide: {
      grants:
        'A CMA personal access token acts as its user on the Content Management API: create, edit, publish and delete entries, assets, content types and environments in every space the user can reach.',
      risks:
        'An attacker can deface or delete published content, inject malicious links or scripts into entries your site renders, and delete whole environments.',
      checkMisuse:
        "Check entry and asset version history and the space's audit logs (Enterprise) for changes by the token owner; unexpected publishes or deletions are the signal.",
    },
  },
  {
    id: 'contentful-delivery-token',
    title: 'Contentful Delivery or Preview API token',
    severity: 'medium',
    keywords: [],
    near: { words: ['contentful'], lines: 2 },
    pattern: `(?:delivery|preview|access)[_-]?(?:api[_-]?)?(?:token|key)${ASSIGN}(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`,
    flags: 'i',
    entropy: 4,
    examples: [
      'CONTENTFUL_DELIVERY_TOKEN={{base64url:43}}',
      "const client = contentful.createClient({ space: '{{lower:12}}', accessToken: '{{base64url:43}}' });",
      'CONTENTFUL_PREVIEW_ACCESS_TOKEN="{{base64url:43}}"',
    ],
    negativeExamples: [
      'CONTENTFUL_SPACE_ID={{lower:12}}',
      'CONTENTFUL_ACCESS_TOKEN=CFPAT-{{base64url:43}}',
      'CONTENTFUL_DELIVERY_TOKEN={{base64url:20}}',
      'GHOST_CONTENT_API_KEY={{hex:26}}',
    ],
    fix: {
      env: 'CONTENTFUL_DELIVERY_TOKEN',
      provider: 'Contentful',
      rotate: [
        'In Contentful open Settings → API keys and select the key the token belongs to.',
        'Create a new API key for the same environments and copy its Delivery (and Preview) token.',
        'Deploy the new token to your site or app builds.',
        'Delete the old API key once nothing uses it.',
      ],
      docs: 'https://www.contentful.com/developers/docs/references/authentication/#the-content-delivery-and-preview-api',
    },
    guide: {
      grants:
        'A Delivery token reads published content from the chosen environments; a Preview token also reads unpublished drafts.',
      risks:
        'With a Preview token an attacker can read drafts and embargoed content before launch; either token lets them consume your API quota.',
      checkMisuse: "Watch API usage in Contentful's usage dashboard for spikes and requests from unexpected sources.",
    },
  },
];
