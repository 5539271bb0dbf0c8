// HubSpot credentials: https://developers.hubspot.com/docs/api/private-apps and
// https://developers.hubspot.com/changelog/upcoming-api-key-sunset
// Private app access tokens are `pat-<region><n>-` + a UUID (e.g. `pat-na1-…`, `pat-eu1-…`). Legacy account API
// keys (sunset in 2022 but still found in old code) are bare UUIDs, so they need HubSpot near words: the `hapikey`
// query parameter or an API-key name near "hubspot".
import type { Rule } from '../schema.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const hubspotRules: Rule[] = [
  {
    id: 'hubspot-private-app-token',
    title: 'HubSpot private app access token',
    severity: 'high',
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    pattern: `(?<![A-Za-z0-9-])(?<secret>pat-(?:na|eu|ap)[0-9]-${UUID})(?![A-Za-z0-9-])`,
    entropy: 3,
    examples: [
      'HUBSPOT_ACCESS_TOKEN=pat-na1-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      "const hubspotClient = new hubspot.Client({ accessToken: 'pat-eu1-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}' });",
      'curl -H "Authorization: Bearer pat-na2-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}" https://api.hubapi.com/crm/v3/objects/contacts',
    ],
    negativeExamples: [
      'HUBSPOT_ACCESS_TOKEN=pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'HUBSPOT_ACCESS_TOKEN=pat-na1-{{hex:8}}-{{hex:4}}-{{hex:4}}',
      'ROUTE=/api/pat-na1-settings',
      'HUBSPOT_ACCESS_TOKEN=${HUBSPOT_ACCESS_TOKEN}',
    ],
    fix: {
      env: 'HUBSPOT_ACCESS_TOKEN',
      provider: 'HubSpot',
      rotate: [
        'In HubSpot open Settings → Integrations → Private Apps and select the app.',
        'On the Auth tab choose "Rotate", keep the old token valid for the grace period if needed, and copy the new token.',
        'Store the new token in your secrets manager or environment and redeploy every service that uses it.',
        "Expire the old token, then review the app's Logs tab for calls you did not make.",
      ],
      docs: 'https://developers.hubspot.com/docs/api/private-apps',
    },
    guide: {
      grants:
        'A private app token calls the HubSpot APIs for one account with the scopes chosen for the app: contacts, companies, deals, tickets, marketing email and more.',
      risks:
        "An attacker can export your CRM data (contacts, deals, notes), change or delete records, and send marketing email or workflows from your account within the app's scopes.",
      checkMisuse:
        "The private app's Logs tab lists its API calls; also check Settings → Account Management → Audit Logs for exports and bulk changes.",
    },
  },
  {
    id: 'hubspot-legacy-api-key',
    title: 'HubSpot legacy API key',
    severity: 'critical',
    keywords: [],
    near: { words: ['hubspot', 'hapikey', 'hubapi'], lines: 2 },
    pattern: `(?:hapikey=|api[_-]?key${ASSIGN})(?<secret>${UUID})(?![0-9a-zA-Z-])`,
    flags: 'i',
    entropy: 3,
    examples: [
      'HUBSPOT_API_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      'fetch(`https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}`)',
      "hubspot = HubSpot(api_key='{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}')",
    ],
    negativeExamples: [
      'HUBSPOT_PORTAL_ID=12345678',
      'hubspot_form_guid = "{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"',
      'SENDGRID_API_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      'HUBSPOT_API_KEY=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    ],
    fix: {
      env: 'HUBSPOT_ACCESS_TOKEN',
      provider: 'HubSpot',
      rotate: [
        'Create a private app in HubSpot (Settings → Integrations → Private Apps) with only the scopes the code needs.',
        'Replace the hapikey parameter with the private app token sent as a Bearer header, stored in your secrets manager.',
        'Deploy the change, then deactivate the legacy API key under Settings → Integrations → API key.',
        'Review Account Management → Audit Logs for activity made with the old key.',
      ],
      docs: 'https://developers.hubspot.com/docs/api/migrate-an-api-key-integration-to-a-private-app',
    },
    guide: {
      grants:
        "A legacy HubSpot API key had unrestricted access to the account's APIs: every CRM object, marketing tool and setting reachable through the API.",
      risks:
        'If the key is still active an attacker can export the whole CRM, modify or delete records and send email from the account; no scopes limit it.',
      checkMisuse:
        'Check whether the key is still active under Settings → Integrations → API key, then review the account Audit Logs and API call usage for unfamiliar activity.',
    },
  },
];
