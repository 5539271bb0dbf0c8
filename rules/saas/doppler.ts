// Doppler tokens: https://docs.doppler.com/reference/api#authentication
// Every token type has its own prefix: `dp.pt.` personal, `dp.st.` service (optionally `dp.st.<config>.`),
// `dp.sa.` service account, `dp.ct.` CLI, `dp.scim.` SCIM and `dp.audit.` audit tokens, each followed by about
// 40–44 base62 characters.
import type { Rule } from '../schema.js';

// Length: 40–44 characters after the prefix in the tokens seen (Doppler documents the prefixes only):
// observed range.
const BODY = '[A-Za-z0-9]{40,44}';
const BEFORE = '(?<![A-Za-z0-9_.-])';
const AFTER = '(?![A-Za-z0-9_-])';

const docs = 'https://docs.doppler.com/reference/api#authentication';

const revoke = (where: string) => [
  `In the Doppler dashboard open ${where}.`,
  'Create a replacement token with the narrowest access that works, and copy it.',
  'Store it where the consumer reads it (CI secret, deployment platform, DOPPLER_TOKEN) and redeploy.',
  'Revoke the old token on the same page, then review the workplace Activity Logs for its recent use.',
];

const secretsGuide = (who: string) => ({
  grants: `${who} It authenticates the Doppler CLI and API, which hand out the secrets stored in Doppler configs.`,
  risks:
    'An attacker can download every secret the token can reach (database passwords, cloud keys, API tokens for other services) and, with write access, change them to break or hijack your deployments.',
  checkMisuse:
    'Doppler Activity Logs (workplace and per-project) record secret reads and changes with the token used; look for downloads from unfamiliar IPs and edits nobody made, then rotate the secrets it could read.',
});

export const dopplerRules: Rule[] = [
  {
    id: 'doppler-personal-token',
    title: 'Doppler personal token',
    severity: 'critical',
    keywords: ['dp.pt.'],
    pattern: `${BEFORE}(?<secret>dp\\.pt\\.${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'DOPPLER_TOKEN=dp.pt.{{base62:43}}',
      'doppler secrets download --token dp.pt.{{base62:43}} --no-file',
      'curl -u "dp.pt.{{base62:43}}:" https://api.doppler.com/v3/workplace',
    ],
    negativeExamples: [
      'DOPPLER_TOKEN=dp.pt.xxxxxxxx',
      'DOPPLER_TOKEN=dp.pt.{{base62:20}}',
      'DOPPLER_TOKEN=dp.pt.YOUR_TOKEN',
    ],
    fix: { env: 'DOPPLER_TOKEN', provider: 'Doppler', rotate: revoke('Tokens → Personal'), docs },
    guide: secretsGuide(
      'A personal token has read and write access to everything its user can reach in the workplace.',
    ),
  },
  {
    id: 'doppler-service-token',
    title: 'Doppler service token',
    severity: 'high',
    keywords: ['dp.st.'],
    pattern: `${BEFORE}(?<secret>dp\\.st\\.(?:[a-z0-9_-]{1,40}\\.)?${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'DOPPLER_TOKEN=dp.st.{{base62:40}}',
      'docker run -e DOPPLER_TOKEN="dp.st.prd.{{base62:40}}" acme/api:latest',
      'kubectl create secret generic doppler-token --from-literal=serviceToken=dp.st.dev_eu.{{base62:40}}',
    ],
    negativeExamples: [
      'DOPPLER_TOKEN=dp.st.prd.xxxxxxxxxxxxxxxx',
      'DOPPLER_TOKEN="dp.st.xxx"',
      'if [[ ! "$DOPPLER_TOKEN" =~ ^dp\\.st\\. ]]; then echo personal; fi',
      'DOPPLER_TOKEN=dp.st.dev.{{base62:20}}',
    ],
    fix: {
      env: 'DOPPLER_TOKEN',
      provider: 'Doppler',
      rotate: revoke('the project → config → Access → Service Tokens'),
      docs,
    },
    guide: secretsGuide(
      'A service token reads (and, if created with write access, changes) the secrets of one Doppler config.',
    ),
  },
  {
    id: 'doppler-service-account-token',
    title: 'Doppler service account token',
    severity: 'high',
    keywords: ['dp.sa.'],
    pattern: `${BEFORE}(?<secret>dp\\.sa\\.${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'DOPPLER_TOKEN=dp.sa.{{base62:43}}',
      'provider "doppler" { doppler_token = "dp.sa.{{base62:43}}" }',
      'token: dp.sa.{{base62:43}}',
    ],
    negativeExamples: [
      'DOPPLER_TOKEN=dp.sa.{{base62:12}}',
      'DOPPLER_TOKEN=dp.sa.<service-account-token>',
      'see dp.sa.docs for details',
    ],
    fix: {
      env: 'DOPPLER_TOKEN',
      provider: 'Doppler',
      rotate: revoke('Team → Service Accounts → the account → API Tokens'),
      docs,
    },
    guide: secretsGuide('A service account token has the workplace and project roles granted to its service account.'),
  },
  {
    id: 'doppler-cli-token',
    title: 'Doppler CLI token',
    severity: 'critical',
    keywords: ['dp.ct.'],
    pattern: `${BEFORE}(?<secret>dp\\.ct\\.${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'export DOPPLER_TOKEN="dp.ct.{{base62:43}}"',
      'token: dp.ct.{{base62:43}}',
      '"doppler_token": "dp.ct.{{base62:40}}"',
    ],
    negativeExamples: [
      'export DOPPLER_TOKEN="dp.ct.xxxx..."',
      'DOPPLER_TOKEN=dp.ct.{{base62:16}}',
      'DOPPLER_TOKEN=dp.ct.${TOKEN}',
    ],
    fix: {
      env: 'DOPPLER_TOKEN',
      provider: 'Doppler',
      rotate: revoke('Tokens → CLI (or run `doppler logout --yes` on the machine that owns it)'),
      docs,
    },
    guide: secretsGuide(
      'A CLI token is created by `doppler login` and acts as the logged-in user with full read and write access.',
    ),
  },
  {
    id: 'doppler-scim-token',
    title: 'Doppler SCIM token',
    severity: 'high',
    keywords: ['dp.scim.'],
    pattern: `${BEFORE}(?<secret>dp\\.scim\\.${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'DOPPLER_SCIM_TOKEN=dp.scim.{{base62:40}}',
      'curl -H "Authorization: Bearer dp.scim.{{base62:40}}" https://api.doppler.com/scim/v2/Users',
      'scim_bearer_token: "dp.scim.{{base62:40}}"',
    ],
    negativeExamples: [
      'DOPPLER_SCIM_TOKEN=dp.scim.{{base62:10}}',
      'DOPPLER_SCIM_TOKEN=dp.scim.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SCIM_URL=https://api.doppler.com/scim/v2',
    ],
    fix: {
      env: 'DOPPLER_SCIM_TOKEN',
      provider: 'Doppler',
      rotate: revoke("Settings → SCIM (or your identity provider's Doppler provisioning settings)"),
      docs,
    },
    guide: {
      grants: 'A SCIM token manages the users and groups of the Doppler workplace through the SCIM API.',
      risks:
        'An attacker can provision a user for themselves and add it to groups with access to secrets, or deprovision your team members.',
      checkMisuse:
        'Review the workplace member list and group memberships, and Activity Logs for SCIM-provisioned users you do not recognise.',
    },
  },
  {
    id: 'doppler-audit-token',
    title: 'Doppler audit API token',
    severity: 'medium',
    keywords: ['dp.audit.'],
    pattern: `${BEFORE}(?<secret>dp\\.audit\\.${BODY})${AFTER}`,
    entropy: 4,
    examples: [
      'DOPPLER_AUDIT_TOKEN=dp.audit.{{base62:40}}',
      'curl -H "Authorization: Bearer dp.audit.{{base62:40}}" https://api.doppler.com/v3/workplace',
      'auditToken: "dp.audit.{{base62:40}}"',
    ],
    negativeExamples: [
      'DOPPLER_AUDIT_TOKEN=dp.audit.{{base62:12}}',
      'DOPPLER_AUDIT_TOKEN=dp.audit.<token>',
      'log.info("dp.audit.enabled")',
    ],
    fix: {
      env: 'DOPPLER_AUDIT_TOKEN',
      provider: 'Doppler',
      rotate: revoke('Tokens → Audit'),
      docs: 'https://docs.doppler.com/reference/audit-api-reference',
    },
    guide: {
      grants:
        "An audit token has read-only access to one workplace's audit information: users, groups and their access.",
      risks:
        'An attacker learns who has access to which projects and configs, useful for targeting the people and tokens that can read production secrets.',
      checkMisuse:
        'Doppler does not expose much about audit-token reads; revoke it and review the workplace Activity Logs around the time it was exposed.',
    },
  },
];
