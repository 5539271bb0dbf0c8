// Microsoft Teams webhook URLs.
// Incoming webhooks (Microsoft 365 connectors, being retired):
//   https://<tenant>.webhook.office.com/webhookb2/<group>@<tenant id>/IncomingWebhook/<32 hex>/<owner>[/V2<token>]
//   (older: https://outlook.office.com/webhook/…)
// Workflows (Power Automate / Logic Apps "When a Teams webhook request is received"): an HTTP trigger URL whose
// `sig=` query parameter is a SAS signature, on *.logic.azure.com or *.environment.api.powerplatform.com.
import type { Rule } from '../schema.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_EXAMPLE = '{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}';

export const teamsRules: Rule[] = [
  {
    id: 'microsoft-teams-incoming-webhook-url',
    title: 'Microsoft Teams incoming webhook URL',
    severity: 'medium',
    keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
    // Length: the V2 token and the ids (UUIDs, 32 hex) of the connector URL; the token's 20–80 is the observed
    // range.
    pattern: `(?<secret>https://(?:[a-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/[0-9a-f]{32}/${UUID}(?:/V2[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
    entropy: 3.5,
    examples: [
      `TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/${UUID_EXAMPLE}@${UUID_EXAMPLE}/IncomingWebhook/{{hex:32}}/${UUID_EXAMPLE}/V2{{base64url:43}}`,
      `requests.post("https://fabrikam.webhook.office.com/webhookb2/${UUID_EXAMPLE}@${UUID_EXAMPLE}/IncomingWebhook/{{hex:32}}/${UUID_EXAMPLE}", json=card)`,
      `  teams_webhook: https://outlook.office.com/webhook/${UUID_EXAMPLE}@${UUID_EXAMPLE}/IncomingWebhook/{{hex:32}}/${UUID_EXAMPLE}`,
    ],
    negativeExamples: [
      'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>',
      `url = "https://contoso.webhook.office.com/webhookb2/${UUID_EXAMPLE}@${UUID_EXAMPLE}/IncomingWebhook/{{hex:12}}"`,
      'Incoming webhooks post to https://<tenant>.webhook.office.com/webhookb2/…',
    ],
    fix: {
      env: 'TEAMS_WEBHOOK_URL',
      provider: 'Microsoft Teams',
      rotate: [
        'In Teams open the channel → Manage channel → Connectors (or Workflows) and find the Incoming Webhook.',
        'Remove the leaked webhook and create a replacement (Microsoft recommends a Workflows webhook, as connectors are being retired).',
        'Deploy the new URL from your secrets manager to every sender.',
        'Check the channel for cards or messages your systems did not post.',
      ],
      docs: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    },
    guide: {
      grants:
        'Anyone with the URL can post messages and cards into the Teams channel the webhook was configured for, without signing in.',
      risks:
        "An attacker can post phishing links or fake alerts that look like they come from your integration, inside your organisation's Teams.",
      checkMisuse:
        'Review the channel for connector posts that none of your systems sent, and the Teams admin audit log for connector changes.',
    },
  },
  {
    id: 'microsoft-teams-workflow-webhook-url',
    title: 'Microsoft Teams workflow webhook URL (Power Automate / Logic Apps, signed)',
    severity: 'medium',
    keywords: ['logic.azure.com', 'powerplatform.com'],
    // The `sig` query parameter is the SAS signature that authorises the call; without it the URL is harmless.
    // Length: `sig` is a SAS signature (HMAC-SHA256, 43 base64url characters, more when URL-encoded): observed
    // range 30–100.
    pattern:
      '(?<secret>https://[A-Za-z0-9.-]{1,120}\\.(?:logic\\.azure\\.com|environment\\.api\\.powerplatform\\.com)(?::443)?/[A-Za-z0-9/_.-]{1,200}/triggers/[A-Za-z0-9_.-]{1,80}/paths/invoke\\?[A-Za-z0-9_.%=&-]{0,300}sig=[A-Za-z0-9_%-]{30,100})(?![A-Za-z0-9_%-])',
    entropy: 3.5,
    examples: [
      'TEAMS_WORKFLOW_URL=https://prod-{{digits:2}}.westeurope.logic.azure.com:443/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={{base64url:43}}',
      'webhook_url: "https://default{{hex:32}}.{{hex:2}}.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={{base64url:43}}"',
      "await fetch('https://prod-{{digits:2}}.eastus.logic.azure.com/workflows/{{hex:32}}/triggers/When_a_Teams_webhook_request_is_received/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2FWhen_a_Teams_webhook_request_is_received%2Frun&sv=1.0&sig={{base64url:43}}', { method: 'POST' })",
    ],
    negativeExamples: [
      // No signature: the URL alone does not authorise a call.
      'url = "https://prod-{{digits:2}}.westeurope.logic.azure.com:443/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=2016-06-01"',
      'TEAMS_WORKFLOW_URL=https://prod-00.westeurope.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?sig=<signature>',
      'management: https://management.azure.com/subscriptions/{{hex:8}}/providers/Microsoft.Logic/workflows?api-version=2016-06-01',
    ],
    fix: {
      env: 'TEAMS_WORKFLOW_URL',
      provider: 'Microsoft Teams / Power Automate',
      rotate: [
        'For a Logic App, open it in the Azure portal → Settings → Access keys and regenerate the key that signs the trigger URL; for a Power Automate flow, delete and recreate the webhook trigger.',
        'Copy the new trigger URL (with its new sig) and deploy it from your secrets manager to every sender.',
        'Confirm the old URL now returns an authorisation error.',
        "Review the flow's or Logic App's run history for runs you did not start.",
      ],
      docs: 'https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app',
    },
    guide: {
      grants:
        'The signed trigger URL lets anyone start the workflow with a body of their choosing; the workflow then posts to Teams and runs any other actions it contains.',
      risks:
        'An attacker can post fake alerts or phishing cards into Teams through your flow, or feed crafted input into later steps (emails, tickets, data writes).',
      checkMisuse:
        "Open the flow's run history (Power Automate) or the Logic App's Runs history in the Azure portal and look for runs from unknown client IPs or with unexpected bodies.",
    },
  },
];
