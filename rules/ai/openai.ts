// OpenAI API keys: https://platform.openai.com/docs/api-reference/authentication
// Every current key carries `T3BlbkFJ` (base64 of "OpenAI") between two random halves: project keys `sk-proj-…`,
// service-account keys `sk-svcacct-…`, admin keys `sk-admin-…`, and user keys `sk-None-…` or the original
// `sk-` + 20 + T3BlbkFJ + 20 (51 characters). Halves are 20 characters in older keys and ~74 in current ones.
import type { Rule } from '../schema.js';

// Length: each half is 20 characters in the original keys and about 74 in current ones; OpenAI documents no
// length, so 20–120 is the observed range with room to grow.
const HALF = '[A-Za-z0-9_-]{20,120}';
const MARKED = `${HALF}T3BlbkFJ${HALF}`;
const BEFORE = '(?<![A-Za-z0-9_-])';
const AFTER = '(?![A-Za-z0-9_-])';
const docs = 'https://platform.openai.com/docs/api-reference/authentication';

const rotate = (where: string): string[] => [
  `Open the OpenAI platform (${where}) and create a new key with the narrowest permissions and project it needs.`,
  'Store it in your secrets manager or environment and redeploy every service that uses it.',
  'Revoke (delete) the leaked key on the same page.',
  "Review the organisation's Usage dashboard and, for admin keys, the audit log for activity you did not expect.",
];

const guide = (what: string) => ({
  grants: what,
  risks:
    'An attacker can run requests billed to your organisation (often reselling access), exhaust rate limits and credits, and read files, assistants, vector stores or batches the key can reach.',
  checkMisuse:
    'Check the Usage dashboard for spikes by key and project, and Settings → Organization → Audit logs (if enabled) for key creation and other changes.',
});

export const openaiRules: Rule[] = [
  {
    id: 'openai-project-api-key',
    title: 'OpenAI project API key',
    severity: 'high',
    keywords: ['sk-proj-'],
    pattern: `${BEFORE}(?<secret>sk-proj-${MARKED})${AFTER}`,
    entropy: 4,
    examples: [
      'OPENAI_API_KEY=sk-proj-{{base64url:74}}T3BlbkFJ{{base64url:74}}',
      "const openai = new OpenAI({ apiKey: 'sk-proj-{{base62:20}}T3BlbkFJ{{base62:20}}' });",
      'curl https://api.openai.com/v1/models -H "Authorization: Bearer sk-proj-{{base64url:74}}T3BlbkFJ{{base64url:74}}"',
    ],
    negativeExamples: [
      'OPENAI_API_KEY=sk-proj-...',
      'OPENAI_API_KEY=sk-proj-{{base62:48}}',
      'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: { env: 'OPENAI_API_KEY', provider: 'OpenAI', rotate: rotate('Dashboard → API keys, in the project'), docs },
    guide: guide(
      'A project key calls the OpenAI API for one project, with the permissions chosen for it (all, restricted or read-only), billed to your organisation.',
    ),
  },
  {
    id: 'openai-service-account-key',
    title: 'OpenAI service account API key',
    severity: 'high',
    keywords: ['sk-svcacct-'],
    pattern: `${BEFORE}(?<secret>sk-svcacct-${MARKED})${AFTER}`,
    entropy: 4,
    examples: [
      'OPENAI_API_KEY=sk-svcacct-{{base64url:74}}T3BlbkFJ{{base64url:74}}',
      'client = OpenAI(api_key="sk-svcacct-{{base64url:74}}T3BlbkFJ{{base64url:74}}")',
      '  openai_key: sk-svcacct-{{base62:40}}T3BlbkFJ{{base62:40}}',
    ],
    negativeExamples: [
      'OPENAI_API_KEY=sk-svcacct-{{base62:60}}',
      'OPENAI_API_KEY=sk-svcacct-<service account key>',
      'service account keys start with sk-svcacct- and contain T3BlbkFJ',
    ],
    fix: { env: 'OPENAI_API_KEY', provider: 'OpenAI', rotate: rotate('Project settings → Service accounts'), docs },
    guide: guide(
      'A service account key belongs to a bot identity in one project rather than to a person, and keeps working when staff leave.',
    ),
  },
  {
    id: 'openai-admin-key',
    title: 'OpenAI admin API key',
    severity: 'critical',
    keywords: ['sk-admin-'],
    pattern: `${BEFORE}(?<secret>sk-admin-${MARKED})${AFTER}`,
    entropy: 4,
    examples: [
      'OPENAI_ADMIN_KEY=sk-admin-{{base64url:74}}T3BlbkFJ{{base64url:74}}',
      'curl https://api.openai.com/v1/organization/users -H "Authorization: Bearer sk-admin-{{base64url:74}}T3BlbkFJ{{base64url:74}}"',
      "adminKey: 'sk-admin-{{base62:40}}T3BlbkFJ{{base62:40}}'",
    ],
    negativeExamples: [
      'OPENAI_ADMIN_KEY=sk-admin-{{base62:60}}',
      'OPENAI_ADMIN_KEY=sk-admin-...',
      'OPENAI_API_KEY=sk-proj-{{base62:20}}T3BlbkFJ{{base62:20}}',
    ],
    fix: {
      env: 'OPENAI_ADMIN_KEY',
      provider: 'OpenAI',
      rotate: rotate('Settings → Organization → Admin keys'),
      docs: 'https://platform.openai.com/docs/api-reference/administration',
    },
    guide: {
      grants:
        'An admin key calls the Administration API for the whole organisation: users and invites, projects, service accounts, API keys, rate limits and audit logs.',
      risks:
        'An attacker can invite themselves, create projects and API keys for persistent access, remove your admins, and read usage and audit data.',
      checkMisuse:
        'Review Settings → Organization → Audit logs for invites, key creation and role changes, and the member and project lists for additions.',
    },
  },
  {
    id: 'openai-api-key',
    title: 'OpenAI user API key',
    severity: 'high',
    keywords: ['t3blbkfj'],
    // sk-None-… (user keys outside a project) and the original 51-character sk-… keys.
    pattern: `${BEFORE}(?<secret>sk-(?:None-${MARKED}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))${AFTER}`,
    entropy: 4,
    examples: [
      'OPENAI_API_KEY=sk-{{base62:20}}T3BlbkFJ{{base62:20}}',
      'openai.api_key = "sk-{{base62:20}}T3BlbkFJ{{base62:20}}"',
      "const key = 'sk-None-{{base64url:74}}T3BlbkFJ{{base64url:74}}';",
    ],
    negativeExamples: [
      'OPENAI_API_KEY=sk-{{base62:48}}',
      'OPENAI_API_KEY=sk-proj-{{base62:20}}T3BlbkFJ{{base62:20}}',
      'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: { env: 'OPENAI_API_KEY', provider: 'OpenAI', rotate: rotate('Dashboard → API keys'), docs },
    guide: guide("A user key calls the OpenAI API with the creating user's access to the organisation, billed to it."),
  },
];
