// Shopify app credentials: https://shopify.dev/docs/apps/build/authentication-authorization
// `shpat_` Admin API access tokens, `shpca_` custom-app tokens, `shppa_` legacy private-app passwords, `shpss_`
// app shared secrets: each a prefix + 32 hex characters.
import type { Rule } from '../schema.js';

const BEFORE = '(?<![A-Za-z0-9_])';
const AFTER = '(?![A-Za-z0-9])';
const docs =
  'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin';

const rotateToken = [
  'In the Shopify admin open Settings → Apps and sales channels → Develop apps (or the Partner Dashboard for public apps) and select the app.',
  'Rotate the credential: uninstall/reinstall the custom app or use "Rotate" to issue a new Admin API access token.',
  'Store the new token in your secrets manager or environment and redeploy every service that uses it.',
  "Review the store's orders, customers, products and staff activity for changes you did not make.",
];

const tokenGuide = (what: string) => ({
  grants: `${what} It calls the store's Admin API with the scopes granted to the app: orders, customers, products, discounts, themes and more.`,
  risks:
    'An attacker can export customers and orders (personal data), change prices or create discounts, edit themes to inject scripts, and cancel or refund orders.',
  checkMisuse:
    "Check the store's activity log (Settings → Users and permissions / app history), recent orders, discounts and theme changes for anything you did not do.",
});

export const shopifyRules: Rule[] = [
  {
    id: 'shopify-access-token',
    title: 'Shopify Admin API access token',
    severity: 'critical',
    keywords: ['shpat_'],
    pattern: `${BEFORE}(?<secret>shpat_[0-9a-f]{32})${AFTER}`,
    entropy: 3,
    examples: [
      'SHOPIFY_ACCESS_TOKEN=shpat_{{hex:32}}',
      "headers: { 'X-Shopify-Access-Token': 'shpat_{{hex:32}}' }",
      'session = shopify.Session("shop.myshopify.com", "2024-07", "shpat_{{hex:32}}")',
    ],
    negativeExamples: [
      'SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SHOPIFY_ACCESS_TOKEN=shpat_{{hex:16}}',
      'SHOPIFY_API_KEY={{hex:32}}',
    ],
    fix: { env: 'SHOPIFY_ACCESS_TOKEN', provider: 'Shopify', rotate: rotateToken, docs },
    guide: tokenGuide('An Admin API access token acts as the installed app on one store.'),
  },
  {
    id: 'shopify-custom-app-access-token',
    title: 'Shopify custom app access token',
    severity: 'critical',
    keywords: ['shpca_'],
    pattern: `${BEFORE}(?<secret>shpca_[0-9a-f]{32})${AFTER}`,
    entropy: 3,
    examples: [
      'SHOPIFY_ADMIN_TOKEN=shpca_{{hex:32}}',
      "const client = createAdminApiClient({ storeDomain, apiVersion: '2024-07', accessToken: 'shpca_{{hex:32}}' });",
      'shopify_token: "shpca_{{hex:32}}"',
    ],
    negativeExamples: ['SHOPIFY_ADMIN_TOKEN=shpca_{{hex:20}}', 'shpca_<token>', 'SHOPIFY_ADMIN_TOKEN=shpca_${TOKEN}'],
    fix: { env: 'SHOPIFY_ACCESS_TOKEN', provider: 'Shopify', rotate: rotateToken, docs },
    guide: tokenGuide('A custom app token is issued to an app built for one store.'),
  },
  {
    id: 'shopify-private-app-password',
    title: 'Shopify private app password (legacy access token)',
    severity: 'critical',
    keywords: ['shppa_'],
    pattern: `${BEFORE}(?<secret>shppa_[0-9a-f]{32})${AFTER}`,
    entropy: 3,
    examples: [
      'SHOPIFY_PASSWORD=shppa_{{hex:32}}',
      'shop_url = "https://{{hex:32}}:shppa_{{hex:32}}@shop.myshopify.com/admin"',
      "'X-Shopify-Access-Token': 'shppa_{{hex:32}}'",
    ],
    negativeExamples: [
      'SHOPIFY_PASSWORD=shppa_{{hex:8}}',
      'SHOPIFY_PASSWORD=shppa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SHOPIFY_API_KEY={{hex:32}}',
    ],
    fix: {
      env: 'SHOPIFY_ACCESS_TOKEN',
      provider: 'Shopify',
      rotate: [
        'Private apps are retired: create a custom app in Settings → Apps and sales channels → Develop apps with only the scopes needed.',
        'Deploy its Admin API access token from your secrets manager in place of the private app password.',
        'Delete the private app, which revokes its password.',
        "Review the store's orders, customers and theme changes for anything you did not do.",
      ],
      docs,
    },
    guide: tokenGuide('A private app password is a legacy Admin API token for one store.'),
  },
  {
    id: 'shopify-shared-secret',
    title: 'Shopify app shared secret (API secret key)',
    severity: 'high',
    keywords: ['shpss_'],
    pattern: `${BEFORE}(?<secret>shpss_[0-9a-f]{32})${AFTER}`,
    entropy: 3,
    examples: [
      'SHOPIFY_API_SECRET=shpss_{{hex:32}}',
      "shopifyApi({ apiKey: '{{hex:32}}', apiSecretKey: 'shpss_{{hex:32}}', scopes })",
      'SHOPIFY_WEBHOOK_SECRET: "shpss_{{hex:32}}"',
    ],
    negativeExamples: [
      'SHOPIFY_API_KEY={{hex:32}}',
      'SHOPIFY_API_SECRET=shpss_{{hex:16}}',
      'SHOPIFY_API_SECRET=shpss_<secret>',
    ],
    fix: {
      env: 'SHOPIFY_API_SECRET',
      provider: 'Shopify',
      rotate: [
        "In the Partner Dashboard (or Develop apps for a custom app) open the app's API access / Client credentials.",
        'Generate a new client secret; Shopify keeps the old one valid for a short overlap.',
        'Deploy the new secret to the services that run OAuth and verify webhook and App Proxy HMACs.',
        'Revoke the old secret and watch for HMAC verification failures or installs you did not expect.',
      ],
      docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/client-secrets/rotate-revoke-client-credentials',
    },
    guide: {
      grants:
        'The shared secret authenticates your app during OAuth and signs the HMACs on webhooks, App Proxy requests and session tokens.',
      risks:
        'An attacker can forge webhooks and App Proxy requests your app will trust, forge session tokens, and in OAuth flows impersonate your app to merchants.',
      checkMisuse:
        "Compare webhooks your app processed with Shopify's delivery logs, and review installs and token exchanges for stores that did not install you.",
    },
  },
];
