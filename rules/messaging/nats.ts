// NATS nkey seeds: https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth and
// the encoding https://github.com/nats-io/nkeys describes: base32 (RFC 4648, no padding) of a 2-byte prefix, the
// 32-byte Ed25519 seed and a CRC16. Seeds start `S` followed by the key type: `SU` user, `SA` account, `SO`
// operator, `SN` server, `SC` cluster, `SX` curve (xkey). The prefix bytes put five zero bits at the third
// character, which is therefore always `A`, and a zero bit at the top of the fourth (`A`–`P`). 36 bytes make 58
// characters. Public keys (`U…`, `A…`, `O…`, `N…`) are not secrets; a `.creds` file's seed is what signs in.
import type { Rule } from '../schema.js';

export const natsRules: Rule[] = [
  {
    id: 'nats-nkey-seed',
    title: 'NATS nkey seed (private key)',
    severity: 'high',
    keywords: ['sua', 'saa', 'soa', 'sna', 'sca', 'sxa'],
    // Length: 58 characters, fixed by the encoding (4 fixed by the prefix bytes + 54 of key material and CRC).
    // The two seeds printed in NATS's documentation (nkey_auth and the nk README) are public and excluded.
    pattern:
      '(?<![A-Za-z0-9])(?!SUACSSL3UAHUDXKF|SUAKYRHVIOREXV7E)(?<secret>S[UAONCX]A[A-P][A-Z2-7]{54})(?![A-Za-z0-9])',
    entropy: 4,
    examples: [
      'NATS_NKEY_SEED=SUAM{{base32:54}}',
      'nc, err := nats.Connect(url, nats.UserCredentials("app.creds")) // seed: SUAB{{base32:54}}',
      '    seed: SAAK{{base32:54}}',
      'nsc_operator_seed = "SOAJ{{base32:54}}"',
    ],
    negativeExamples: [
      // The public key that goes with a user seed: it is meant to be shared (authorization lists it).
      'users: [ { nkey: UD{{base32:54}} } ]',
      'NATS_NKEY_SEED=SUAM{{base32:20}}',
      // Not a seed: the third character of every seed is A.
      'NATS_NKEY_SEED=SUBM{{base32:54}}',
      'NATS_NKEY_SEED=SUAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      // The documentation's own example: `nk -gen user -pubout` prints it on docs.nats.io.
      '> nk -gen user -pubout\nSUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY',
    ],
    fix: {
      env: 'NATS_NKEY_SEED',
      provider: 'NATS',
      rotate: [
        'Generate a new key pair (`nk -gen user -pubout`, or `nsc edit user --rm-key`/re-issue the user with nsc) and keep the seed out of the repository.',
        'Update the server authorization (the nkey list, or the account JWT with nsc and a push to the resolver) to the new public key and remove the old one.',
        'For an account or operator seed, re-sign every JWT the old key signed and revoke the old signing key.',
        'Deploy the new .creds or seed file from your secrets manager and restart the clients.',
      ],
      docs: 'https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth',
    },
    guide: {
      grants:
        'A seed is the private key of an nkey: a user seed signs in as that user with its publish and subscribe permissions; an account or operator seed signs the JWTs that grant users their rights.',
      risks:
        'An attacker can connect as the user and read or publish on its subjects; with an account or operator seed they can mint users with any permissions in your NATS deployment.',
      checkMisuse:
        "Check the server's connection events ($SYS.ACCOUNT.*.CONNECT advisories, `nats server report connections`) for the public key from unknown addresses, and the account's JWT for users you did not issue.",
    },
  },
];
