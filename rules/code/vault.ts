// HashiCorp Vault tokens: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
// Since Vault 1.10: `hvs.` service tokens, `hvb.` batch tokens, `hvr.` recovery tokens (base64url bodies, 90+
// characters for current service tokens). Older service tokens are `s.` + 24 alphanumerics, which is too short a
// prefix to stand alone: those count only next to Vault names.
import type { Rule } from '../schema.js';

const DOCS = 'https://developer.hashicorp.com/vault/docs/concepts/tokens';
const rotate = [
  'Revoke the token: `vault token revoke TOKEN` (or `vault token revoke -accessor ACCESSOR` if you only have its accessor).',
  'Issue a new token with the narrowest policies and a short TTL, or move the client to an auth method (AppRole, Kubernetes, OIDC/JWT) that needs no stored token.',
  'Rotate any secrets the token could read, starting with the most sensitive paths its policies allow.',
  "Search the audit device logs for the token's accessor (auth.accessor) to see what it read or changed.",
];
const checkMisuse =
  "Vault's audit device logs record every request with the token's HMAC and accessor; look up the accessor (`vault token lookup`) and search the audit log for it, especially reads of secret paths.";
const grants = (what: string) =>
  `${what} It reads and writes the secrets, and performs the operations, allowed by the policies attached to it until its TTL ends or it is revoked.`;
const risks =
  'An attacker can read every secret its policies allow (database credentials, cloud keys, certificates), and with broad policies create more tokens or change Vault itself.';

export const vaultRules: Rule[] = [
  {
    id: 'vault-service-token',
    title: 'HashiCorp Vault service token',
    severity: 'critical',
    keywords: ['hvs.'],
    // Length: 90+ characters in current service tokens, 24 in the pre-1.10 body; Vault documents the prefixes, not
    // a maximum: observed range with room (namespaced tokens are longer).
    pattern: '(?<![A-Za-z0-9_.-])(?<secret>hvs\\.[A-Za-z0-9_-]{24,1024})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'VAULT_TOKEN=hvs.CAESI{{base64url:90}}',
      'vault login hvs.{{base62:24}}',
      'curl -H "X-Vault-Token: hvs.CAESI{{base64url:90}}" https://vault.acme.internal:8200/v1/secret/data/app',
    ],
    negativeExamples: [
      'VAULT_TOKEN=hvs.{{base62:10}}',
      'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx',
      'VAULT_TOKEN=${VAULT_TOKEN}',
      'Tokens now start with hvs. instead of s.',
    ],
    fix: { env: 'VAULT_TOKEN', provider: 'HashiCorp Vault', rotate, docs: DOCS },
    guide: {
      grants: grants('A service token is a renewable Vault token that can have child tokens.'),
      risks,
      checkMisuse,
    },
  },
  {
    id: 'vault-batch-token',
    title: 'HashiCorp Vault batch token',
    severity: 'high',
    keywords: ['hvb.'],
    // Length: batch tokens are encrypted blobs, longer than service tokens and without a documented maximum:
    // observed range with room.
    pattern: '(?<![A-Za-z0-9_.-])(?<secret>hvb\\.[A-Za-z0-9_-]{24,2048})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'VAULT_TOKEN=hvb.AAAAAQ{{base64url:140}}',
      'export VAULT_TOKEN="hvb.AAAAAQ{{base64url:160}}"',
      'client.token = "hvb.AAAAAQ{{base64url:150}}"',
    ],
    negativeExamples: ['VAULT_TOKEN=hvb.{{base62:8}}', 'VAULT_TOKEN=hvb.<token>', 'path = "archive/hvb.tar.gz"'],
    fix: {
      env: 'VAULT_TOKEN',
      provider: 'HashiCorp Vault',
      rotate: [
        'Batch tokens cannot be revoked one by one: revoke their parent token or lease (`vault token revoke` on the parent), or wait for the short TTL.',
        ...rotate.slice(1),
      ],
      docs: DOCS,
    },
    guide: {
      grants: grants('A batch token is a lightweight, non-renewable Vault token, often short-lived.'),
      risks,
      checkMisuse,
    },
  },
  {
    id: 'vault-recovery-token',
    title: 'HashiCorp Vault recovery token',
    severity: 'critical',
    keywords: ['hvr.'],
    // Length: as service tokens (observed range).
    pattern: '(?<![A-Za-z0-9_.-])(?<secret>hvr\\.[A-Za-z0-9_-]{24,1024})(?![A-Za-z0-9_-])',
    entropy: 3.8,
    examples: [
      'VAULT_TOKEN=hvr.{{base62:24}}',
      'vault operator raft snapshot restore -token hvr.{{base62:40}} backup.snap',
      'recovery_token = "hvr.{{base64url:32}}"',
    ],
    negativeExamples: ['VAULT_TOKEN=hvr.{{base62:6}}', 'VAULT_TOKEN=hvr.<recovery-token>', 'file = "cache/hvr.bin"'],
    fix: {
      env: 'VAULT_TOKEN',
      provider: 'HashiCorp Vault',
      rotate: [
        'Revoke the recovery token while Vault is in recovery mode, or restart Vault normally, which ends recovery mode.',
        'Generate any further recovery token only when needed, with the unseal/recovery key holders present.',
        'Review the storage backend for changes made during recovery mode.',
      ],
      docs: 'https://developer.hashicorp.com/vault/docs/concepts/recovery-mode',
    },
    guide: {
      grants:
        "A recovery token works while Vault runs in recovery mode and gives raw access to Vault's storage backend through the sys/raw endpoint.",
      risks:
        "An attacker can read or rewrite Vault's encrypted storage entries directly, corrupting or tampering with secrets and configuration.",
      checkMisuse:
        'Check when Vault was last started in recovery mode, who held recovery keys, and the storage backend for entries changed during that window.',
    },
  },
  {
    id: 'vault-service-token-legacy',
    title: 'HashiCorp Vault service token (legacy s. format)',
    severity: 'critical',
    keywords: [],
    near: { words: ['vault'], lines: 2 },
    pattern: '(?<![A-Za-z0-9_.-])(?<secret>s\\.[A-Za-z0-9]{24})(?![A-Za-z0-9_.-])',
    entropy: 3.8,
    examples: [
      'VAULT_TOKEN=s.{{base62:24}}',
      'vault login s.{{base62:24}}',
      'client = hvac.Client(url="https://vault.acme.internal:8200", token="s.{{base62:24}}")',
    ],
    negativeExamples: [
      'token = "s.{{base62:24}}"',
      'VAULT_TOKEN=s.{{base62:10}}',
      'vault_config = "settings.{{base62:24}}"',
    ],
    fix: { env: 'VAULT_TOKEN', provider: 'HashiCorp Vault', rotate, docs: DOCS },
    guide: {
      grants: grants('A service token from Vault before 1.10 (or a Vault configured for legacy tokens).'),
      risks,
      checkMisuse,
    },
  },
];
