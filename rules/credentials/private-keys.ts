// Private keys in PEM and OpenSSH armour (RFC 7468, PKCS#1/#8, SEC1, OpenSSH's own format), and their base64 bodies
// without armour (pasted into a variable, or added between armour lines that were already committed).
// The secret is the body; public keys and certificates are public and are negative examples.
import type { Rule } from '../schema.js';

const fix = {
  env: 'PRIVATE_KEY',
  provider: 'the service that trusts this key',
  rotate: [
    'Generate a new key pair (e.g. `ssh-keygen -t ed25519` or `openssl genpkey -algorithm ed25519`).',
    "Install the new public key or certificate wherever the old one is trusted (servers' authorized_keys, TLS endpoints, signing services, deploy keys).",
    'Deploy the new private key from your secrets manager to the services that use it.',
    'Remove the old public key everywhere it is trusted, and revoke the old certificate if there is one.',
  ],
  docs: 'https://www.rfc-editor.org/rfc/rfc7468',
};

const guide = {
  grants:
    'A private key proves identity: it logs in over SSH, terminates TLS for your domains, signs tokens, packages or commits, or decrypts data encrypted to its public key.',
  risks:
    'Anyone with the key can impersonate the server or user it belongs to, log in where its public key is authorised, decrypt recorded traffic or data, and sign malicious releases.',
  checkMisuse:
    'Check the authentication logs of hosts that trust the key (e.g. sshd logs for its fingerprint), certificate transparency logs for your domains, and signatures made with it.',
};

export const privateKeyRules: Rule[] = [
  {
    id: 'private-key',
    title: 'Private key (PEM / OpenSSH)',
    severity: 'critical',
    keywords: ['private key'],
    pattern:
      // The body never holds "-----": it stops at the END line, and cannot run across other armour lines (an empty
      // block followed by code, or thousands of BEGIN lines, cost one pass).
      // Length: RFC 7468 sets none; an EC key body is about 160 characters, a 4096-bit RSA one about 3,200 plus
      // line breaks: 64–16384 is the observed range with room.
      '-----BEGIN (?:RSA |EC |DSA |ENCRYPTED |OPENSSH |SSH2 ENCRYPTED )?PRIVATE KEY-----(?<secret>(?:(?!-----)[A-Za-z0-9+/=\\s\\\\\'",:.-]){64,16384}?)-----END (?:RSA |EC |DSA |ENCRYPTED |OPENSSH |SSH2 ENCRYPTED )?PRIVATE KEY-----',
    entropy: 4,
    // A body, not a documentation snippet cut short: `MIIEpA…` announces 1,188 bytes and shows 50.
    verify: 'private-key-armoured',
    examples: ['{{pem:RSA PRIVATE KEY}}', '{{pem:OPENSSH PRIVATE KEY}}', 'const key = "{{pemEscaped:PRIVATE KEY}}";'],
    negativeExamples: [
      '{{pem:PUBLIC KEY}}',
      '{{pem:CERTIFICATE}}',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      'const header = "-----BEGIN PRIVATE KEY-----";',
      '/** the key as text, e.g. `-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA{{base64:52}} -----END RSA PRIVATE KEY-----` */',
      'const empty = "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----"; const next = "{{base64:80}}";',
    ],
    fix,
    guide,
  },
  {
    id: 'private-key-body',
    title: 'Private key (base64 body without its armour lines)',
    severity: 'critical',
    // The openings of private keys' base64 (DER: RSA PKCS#1 and PKCS#8 "MII…", EC SEC1 P-256 "MHcCAQEE" and
    // P-384 "MIGkAgEB", PKCS#8 EC "MIGHAgEA" and Ed25519 "MC4CAQAw"; OpenSSH "b3BlbnNzaC1rZXktdjE"). Certificates
    // and public keys also start with "MII": the verifier decodes the first bytes and tells them apart.
    keywords: ['mii', 'mhccaqee', 'migkageb', 'mighagea', 'mc4caqaw', 'b3blbnnzac1rzxktdje'],
    // Not right after armour (the private-key rule reports those), and lines of the body with whatever a file puts
    // between them (newlines, indentation, quotes, \n escapes).
    // Length: the same bodies without armour, from a short EC key (about 120 characters) to 12000: observed range.
    pattern:
      '(?<![A-Za-z0-9+/]|-----[\\s\\\\n"\']{0,12})(?<secret>(?:MII[A-Za-z0-9+/]{2}|MHcCAQEE|MIGkAgEB|MIGHAgEA|MC4CAQAw|b3BlbnNzaC1rZXktdjE)[A-Za-z0-9+/=\\s\\\\"\',]{55,12000}[A-Za-z0-9+/=])',
    verify: 'private-key-body',
    examples: [
      '{{derBody:pkcs8}}',
      '{{derBody:openssh}}',
      'PRIVATE_KEY_B64="{{derLine:pkcs1}}"',
      'signing_key: {{derLine:sec1}}',
    ],
    negativeExamples: [
      // Documentation that shows the first characters of a key and elides the rest.
      'domainSigningPrivateKey: "MIIJKAIBAAKCAgEA{{base64:48}}...",',
      '{{derBody:cert}}',
      'PUBLIC_KEY="{{derLine:spki}}"',
      'MII{{base64:200}}',
      '-----BEGIN PRIVATE KEY-----\n{{derBody:pkcs8}}\n-----END PRIVATE KEY-----',
    ],
    fix,
    guide,
  },
];
