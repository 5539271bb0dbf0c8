// Private keys in formats other than PEM / OpenSSH (those are rules/credentials/private-keys.ts):
// - PuTTY .ppk (versions 2 and 3): https://the.earth.li/~sgtatham/putty/latest/htmldoc/AppendixC.html
//   Header lines, the public key, then `Private-Lines: N`, N lines of base64 (encrypted when `Encryption:` is not
//   `none`, still sensitive: the passphrase can be guessed offline), then `Private-MAC:`.
// - OpenPGP transferable secret keys, ASCII-armoured (RFC 4880 §6.2): `-----BEGIN PGP PRIVATE KEY BLOCK-----`.
// - age X25519 identities (https://age-encryption.org/v1): `AGE-SECRET-KEY-1` + 58 upper-case Bech32 characters.
// The patterns accept real newlines and `\n` escapes (keys pasted into JSON or env strings).
import type { Rule } from '../schema.js';

export const keyFormatRules: Rule[] = [
  {
    id: 'putty-private-key',
    title: 'PuTTY private key (.ppk)',
    severity: 'critical',
    keywords: ['putty-user-key-file-'],
    // The line count takes all its digits (four at most), so that it and the body, which may begin with digits too,
    // cannot trade them back and forth (src/engine/linear-time.ts, adjacent ranges).
    // Length: PuTTY documents the layout, not a maximum: 16–16384 is the observed range with room for 4096-bit keys.
    pattern: String.raw`PuTTY-User-Key-File-[23]:[\s\S]{1,8192}?Private-Lines:[ \t]{0,4}(?:[0-9]{4}|[0-9]{1,3}(?![0-9]))(?<secret>[A-Za-z0-9+/=\s\\]{16,16384}?)Private-MAC:`,
    entropy: 4,
    examples: [
      'PuTTY-User-Key-File-3: ssh-ed25519\\nEncryption: none\\nComment: deploy@build-01\\nPublic-Lines: 2\\n{{base64:64}}\\n{{base64:4}}\\nPrivate-Lines: 1\\n{{base64:44}}\\nPrivate-MAC: {{hex:64}}',
      'PuTTY-User-Key-File-2: ssh-rsa\\r\\nEncryption: none\\r\\nComment: rsa-key-20240101\\r\\nPublic-Lines: 1\\r\\n{{base64:64}}\\r\\nPrivate-Lines: 2\\r\\n{{base64:64}}\\r\\n{{base64:64}}\\r\\nPrivate-MAC: {{hex:40}}',
      'PPK="PuTTY-User-Key-File-3: ecdsa-sha2-nistp256\\nEncryption: aes256-cbc\\nComment: ops\\nPublic-Lines: 1\\n{{base64:64}}\\nKey-Derivation: Argon2id\\nArgon2-Memory: 8192\\nArgon2-Passes: 13\\nArgon2-Parallelism: 1\\nArgon2-Salt: {{hex:32}}\\nPrivate-Lines: 1\\n{{base64:64}}\\nPrivate-MAC: {{hex:64}}"',
    ],
    negativeExamples: [
      'PuTTY-User-Key-File-3: ssh-ed25519',
      '---- BEGIN SSH2 PUBLIC KEY ----\\nComment: "rsa-key-20240101"\\n{{base64:64}}\\n---- END SSH2 PUBLIC KEY ----',
      'PuTTY-User-Key-File-3: ssh-ed25519\\nPublic-Lines: 1\\n{{base64:64}}\\nPrivate-Lines: 1\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\nPrivate-MAC: {{hex:64}}',
    ],
    fix: {
      env: 'SSH_PRIVATE_KEY',
      provider: 'the servers that trust this key',
      rotate: [
        'Generate a new key pair with PuTTYgen (or `ssh-keygen -t ed25519`) and protect it with a passphrase.',
        'Add the new public key to authorized_keys (or the Git host / cloud console) everywhere the old one is trusted.',
        'Remove the old public key from every authorized_keys file, deploy-key list and cloud console.',
        "Check the SSH logs of those hosts for logins with the old key's fingerprint.",
      ],
      docs: 'https://the.earth.li/~sgtatham/putty/latest/htmldoc/AppendixC.html',
    },
    guide: {
      grants: 'A PuTTY private key logs in over SSH (or SFTP, or to a Git host) wherever its public key is authorised.',
      risks:
        'An attacker logs in to every server that trusts the key; an encrypted key only holds them off until its passphrase is guessed offline.',
      checkMisuse:
        'Look up the key\'s fingerprint in the SSH authentication logs (sshd "Accepted publickey") of the hosts that trust it, and in your Git host\'s audit log.',
    },
  },
  {
    id: 'pgp-private-key-block',
    title: 'PGP private key block',
    severity: 'critical',
    keywords: ['pgp private key block'],
    // The body: armour headers (`Version: …`) and base64 lines, raw or with escaped newlines — not arbitrary text.
    // Length: RFC 4880 sets none; 64–16384 covers RSA-4096 keys with subkeys: observed range with room.
    pattern: String.raw`-----BEGIN PGP PRIVATE KEY BLOCK-----(?<secret>[A-Za-z0-9+/=\s\\:.,()'"-]{64,16384}?)-----END PGP PRIVATE KEY BLOCK-----`,
    entropy: 4,
    examples: [
      '{{pem:PGP PRIVATE KEY BLOCK}}',
      'const signingKey = "{{pemEscaped:PGP PRIVATE KEY BLOCK}}";',
      'GPG_PRIVATE_KEY="{{pemEscaped:PGP PRIVATE KEY BLOCK}}"',
    ],
    negativeExamples: [
      '{{pem:PGP PUBLIC KEY BLOCK}}',
      '{{pem:PGP SIGNATURE}}',
      '{{pem:PGP MESSAGE}}',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n-----END PGP PRIVATE KEY BLOCK-----',
      'if (armored.startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {',
    ],
    fix: {
      env: 'GPG_PRIVATE_KEY',
      provider: 'OpenPGP (GnuPG)',
      rotate: [
        'Generate a new key (`gpg --full-generate-key`) or a new signing/encryption subkey.',
        'Publish the new public key where the old one is used: keyservers, your Git host, package repositories, CI secrets.',
        'Revoke the old key (`gpg --gen-revoke`, then import and publish the revocation certificate).',
        'Review what was signed with the old key since the leak (commits, releases, packages) and re-sign what you must.',
      ],
      docs: 'https://www.gnupg.org/gph/en/manual/c235.html',
    },
    guide: {
      grants:
        'The secret key signs as you (commits, releases, packages, e-mail) and decrypts everything encrypted to your public key.',
      risks:
        'An attacker signs malicious releases or commits that verify as yours and reads past and future messages encrypted to the key (after guessing its passphrase if it has one).',
      checkMisuse:
        "Search your repositories, package registries and release pages for signatures made with the key's id that you did not make.",
    },
  },
  {
    id: 'age-secret-key',
    title: 'age secret key (X25519 identity)',
    severity: 'critical',
    keywords: ['age-secret-key-1'],
    // Bech32 data characters, upper case. The test placeholders have no Bech32 alphabet, so any upper-case
    // alphanumeric is accepted: the `AGE-SECRET-KEY-1` prefix is what makes the match safe.
    pattern: String.raw`(?<![A-Z0-9-])(?<secret>AGE-SECRET-KEY-1[0-9A-Z]{58})(?![0-9A-Za-z])`,
    entropy: 4,
    examples: [
      'AGE-SECRET-KEY-1{{upper:58}}',
      'SOPS_AGE_KEY=AGE-SECRET-KEY-1{{upper:58}}',
      '# created: 2024-05-01T10:00:00Z\\n# public key: age1{{lower:58}}\\nAGE-SECRET-KEY-1{{upper:58}}',
    ],
    negativeExamples: [
      'age1{{lower:58}}',
      'SOPS_AGE_RECIPIENTS=age1{{lower:58}}',
      'AGE-SECRET-KEY-1{{upper:30}}',
      'AGE-PLUGIN-YUBIKEY-1{{upper:50}}',
      'AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    fix: {
      env: 'SOPS_AGE_KEY',
      provider: 'age',
      rotate: [
        'Generate a new identity with `age-keygen -o key.txt` and keep the file outside the repository.',
        'Re-encrypt every file that was encrypted to the old recipient for the new one (e.g. `sops updatekeys` after changing .sops.yaml).',
        'Remove the old recipient (age1…) from .sops.yaml and other recipient lists.',
        'Treat every secret encrypted to the old key as exposed and rotate those secrets too.',
      ],
      docs: 'https://age-encryption.org/v1',
    },
    guide: {
      grants:
        'An age identity decrypts every file encrypted to its recipient, e.g. SOPS-encrypted secrets committed to the repository.',
      risks:
        'An attacker with the key and the encrypted files (often in the same repository) decrypts all of them, including files encrypted before the leak.',
      checkMisuse:
        'age has no server to audit: list the files encrypted to the recipient and check the systems whose secrets they hold for use since the leak.',
    },
  },
];
