// Private keys in PEM and OpenSSH armour (RFC 7468, PKCS#1/#8, SEC1, OpenSSH's own format).
// The secret is the armoured body; public keys and certificates are public and are negative examples.
import type { Rule } from './schema.js';

export const privateKeyRules: Rule[] = [
  {
    id: 'private-key',
    title: 'Private key (PEM / OpenSSH)',
    severity: 'critical',
    keywords: ['private key'],
    pattern:
      '-----BEGIN (?:RSA |EC |DSA |ENCRYPTED |OPENSSH |SSH2 ENCRYPTED )?PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\\s\\\\\'",:.-]{64,16384}?)-----END (?:RSA |EC |DSA |ENCRYPTED |OPENSSH |SSH2 ENCRYPTED )?PRIVATE KEY-----',
    entropy: 4,
    examples: [
      '{{pem:RSA PRIVATE KEY}}',
      '{{pem:OPENSSH PRIVATE KEY}}',
      'const key = "{{pemEscaped:PRIVATE KEY}}";',
    ],
    negativeExamples: [
      '{{pem:PUBLIC KEY}}',
      '{{pem:CERTIFICATE}}',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      'const header = "-----BEGIN PRIVATE KEY-----";',
    ],
    fix: {
      env: 'PRIVATE_KEY',
      provider: 'the service that trusts this key',
      rotate: [
        'Generate a new key pair (e.g. `ssh-keygen -t ed25519` or `openssl genpkey -algorithm ed25519`).',
        'Install the new public key or certificate wherever the old one is trusted (servers\' authorized_keys, TLS endpoints, signing services, deploy keys).',
        'Deploy the new private key from your secrets manager to the services that use it.',
        'Remove the old public key everywhere it is trusted, and revoke the old certificate if there is one.',
      ],
      docs: 'https://www.rfc-editor.org/rfc/rfc7468',
    },
    guide: {
      grants:
        'A private key proves identity: it logs in over SSH, terminates TLS for your domains, signs tokens, packages or commits, or decrypts data encrypted to its public key.',
      risks:
        'Anyone with the key can impersonate the server or user it belongs to, log in where its public key is authorised, decrypt recorded traffic or data, and sign malicious releases.',
      checkMisuse:
        'Check the authentication logs of hosts that trust the key (e.g. sshd logs for its fingerprint), certificate transparency logs for your domains, and signatures made with it.',
    },
  },
];
