// Amplitude credentials: https://amplitude.com/docs/apis/keys-and-tokens
// A project has an API key and a secret key, both 32 hex. The API key ships in every client SDK and is public by
// design; only the secret key is a finding, recognised by the name it is assigned to plus Amplitude near words.
import type { Rule } from '../schema.js';

const ASSIGN = String.raw`[\s'"\\:=>,]{1,16}`;

export const amplitudeRules: Rule[] = [
  {
    id: 'amplitude-secret-key',
    title: 'Amplitude project secret key',
    severity: 'high',
    keywords: [],
    near: { words: ['amplitude'], lines: 2 },
    pattern: `secret(?:[_-]?key)?${ASSIGN}(?<secret>[0-9a-f]{32})(?![0-9a-zA-Z])`,
    flags: 'i',
    entropy: 3,
    examples: [
      'AMPLITUDE_SECRET_KEY={{hex:32}}',
      'amplitude: { apiKey: "{{hex:32}}", secretKey: "{{hex:32}}" }',
      'amplitude_secret = "{{hex:32}}"',
    ],
    negativeExamples: [
      'AMPLITUDE_API_KEY={{hex:32}}',
      "amplitude.init('{{hex:32}}', { defaultTracking: true });",
      'AMPLITUDE_SECRET_KEY={{hex:24}}',
      'SESSION_SECRET_KEY={{hex:32}}',
    ],
    fix: {
      env: 'AMPLITUDE_SECRET_KEY',
      provider: 'Amplitude',
      rotate: [
        'In Amplitude open Organization settings → Projects, select the project and open its General tab.',
        'Create a new API key and secret key pair for the project and copy the secret key.',
        'Store it in your secrets manager or environment and redeploy the jobs that call the Export, Dashboard REST or User Privacy APIs.',
        'Delete the old key pair once nothing uses it, and review recent exports and deletions for the project.',
      ],
      docs: 'https://amplitude.com/docs/apis/keys-and-tokens',
    },
    guide: {
      grants:
        "The secret key, paired with the project API key, authenticates Amplitude's server APIs: raw event export, dashboard queries, cohorts and user privacy deletions.",
      risks:
        "An attacker can export your complete raw event history and user properties, download cohorts, or submit deletion requests that erase users' data.",
      checkMisuse:
        "Review the project's export and user privacy API activity and the organization's audit log for requests you did not make.",
    },
  },
];
