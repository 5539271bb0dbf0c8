// Twilio Segment credentials: https://segment.com/docs/api/public-api/ and
// https://segment.com/docs/connections/find-writekey/
// Public API tokens are `sgp_` + 64 base62 characters (Segment is a GitHub secret-scanning partner for them).
// Source write keys have no prefix (32 base62): counted only when assigned to a write-key name with Segment
// near words. The key pasted into the browser snippet (`analytics.load("…")`) is public by design and not matched.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>]{1,16}`;

export const segmentRules: Rule[] = [
  {
    id: 'segment-public-api-token',
    title: 'Segment Public API token',
    severity: 'high',
    keywords: ['sgp_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>sgp_[A-Za-z0-9]{64})(?![A-Za-z0-9_])',
    entropy: 4,
    examples: [
      'SEGMENT_PUBLIC_API_TOKEN=sgp_{{base62:64}}',
      'curl -H "Authorization: Bearer sgp_{{base62:64}}" https://api.segmentapis.com/workspaces',
      'const segment = new PublicApiClient({ token: "sgp_{{base62:64}}" });',
    ],
    negativeExamples: [
      'SEGMENT_PUBLIC_API_TOKEN=sgp_{{base62:40}}',
      'SRC_ACCESS_TOKEN=sgp_{{hex:16}}_{{hex:40}}',
      'SEGMENT_PUBLIC_API_TOKEN=sgp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SELECT * FROM sgp_gateway_payments WHERE id = 1',
    ],
    fix: {
      env: 'SEGMENT_PUBLIC_API_TOKEN',
      provider: 'Segment',
      rotate: [
        'In Segment open Settings → Workspace settings → Access Management → Tokens.',
        'Create a new Public API token with the narrowest role the integration needs and copy it (it is shown once).',
        'Store it in your secrets manager or environment and redeploy the scripts or services that call the Public API.',
        'Revoke the old token on the same page, then review the workspace audit trail for changes made with it.',
      ],
      docs: 'https://segment.com/docs/api/public-api/',
    },
    guide: {
      grants:
        'A Public API token manages a Segment workspace: sources, destinations, warehouses, tracking plans and users, within its role.',
      risks:
        'An attacker can read source write keys and destination credentials, add a destination that copies your customer event stream to them, or delete sources and break your data pipeline.',
      checkMisuse:
        "Segment's Audit Trail (Settings → Audit Trail) lists every workspace change with the token that made it; look for new destinations, changed settings or deleted sources.",
    },
  },
  {
    id: 'segment-write-key',
    title: 'Segment source write key',
    severity: 'medium',
    keywords: [],
    near: { words: ['segment', 'analytics'], lines: 2 },
    pattern: `write[_-]?key${ASSIGN}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])`,
    flags: 'i',
    entropy: 3.8,
    examples: [
      'SEGMENT_WRITE_KEY={{base62:32}}',
      "const analytics = new Analytics({ writeKey: '{{base62:32}}' });",
      'analytics.write_key = "{{base62:32}}"',
    ],
    negativeExamples: [
      'analytics.load("{{base62:32}}");',
      'SEGMENT_WRITE_KEY=${SEGMENT_WRITE_KEY}',
      'KAFKA_WRITE_KEY={{base62:32}}',
      'SEGMENT_WRITE_KEY={{base62:20}}',
    ],
    fix: {
      env: 'SEGMENT_WRITE_KEY',
      provider: 'Segment',
      rotate: [
        'In Segment open Connections → Sources, select the source and go to Settings → API Keys.',
        'Generate a new write key for the source and copy it.',
        'Deploy the new key to every server or app that sends events to this source.',
        "Revoke the old write key, then watch the source's Debugger for events still arriving with it.",
      ],
      docs: 'https://segment.com/docs/connections/find-writekey/',
    },
    guide: {
      grants:
        'A write key lets anyone send track, identify and group calls into one Segment source, which forwards them to every connected destination.',
      risks:
        'An attacker can flood the source with fake events and profiles, poisoning analytics, marketing audiences and any downstream tool that reacts to events, and run up your event volume.',
      checkMisuse:
        "Open the source's Debugger and Event Delivery views in Segment; look for unfamiliar event names, user ids or a volume spike, and check your MTU usage.",
    },
  },
];
