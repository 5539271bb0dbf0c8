// Expands the placeholders in rule examples ({{base62:24}}, {{intercom}}, …) with a seeded generator, so the
// repository holds no live-looking key and every run tests the same values. Used where the built-in rules' examples
// are proved (the build, the test suite: prove-examples.ts) and by tests that need fake keys; never by the program,
// so it is not in the hook's bundle.
import { EXAMPLE_PLACEHOLDER } from '../../rules/schema.js';
import { base62, crc32 } from './checksum.js';
import { isPlaceholder } from './placeholder.js';

export const ALPHABETS = {
  base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  digits: '0123456789',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  base32lower: 'abcdefghijklmnopqrstuvwxyz234567',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz0123456789',
  alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
} as const;

/** mulberry32: small, seeded, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FakeKeys {
  private readonly random: () => number;
  constructor(seed = 20261125) {
    this.random = seededRandom(seed);
  }

  /**
   * Keys for one rule's examples, seeded by its id: the values a rule's examples get do not depend on where the
   * rule stands in the catalog or on other rules' examples, so moving or editing one rule cannot make another's
   * example fail by chance (a random value that happens to look like a placeholder or to match a look-alike).
   */
  static forRule(id: string): FakeKeys {
    return new FakeKeys(crc32(id));
  }

  /** Random characters from an alphabet, re-drawn until they do not look like a placeholder by accident. */
  chars(kind: string, length: number): string {
    const alphabet = (ALPHABETS as Record<string, string>)[kind];
    if (!alphabet) throw new Error(`unknown example placeholder kind "${kind}"`);
    for (;;) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.random() * alphabet.length)];
      if (length < 6 || !isPlaceholder(out)) return out;
    }
  }

  /** A token in GitHub's / npm's format: prefix + 30 base62 + base62 CRC32 of those 30. */
  checksummed(prefix: string): string {
    const body = this.chars('base62', 30);
    return `${prefix}_${body}${base62(crc32(body), 6)}`;
  }

  /** A random password: letters, digits and a few symbols. */
  password(length: number): string {
    return this.chars('base62', length - 2) + '!#'[Math.floor(this.random() * 2)] + this.chars('digits', 1);
  }

  intercom(): string {
    const id = [8, 4, 4, 4, 12].map((n) => this.chars('hex', n)).join('_');
    return Buffer.from(`tok:${id}:1:0`).toString('base64');
  }

  jwt(): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const header = encode({ alg: 'HS256', typ: 'JWT' });
    const payload = encode({ sub: this.chars('digits', 10), iat: 1700000000 + Math.floor(this.random() * 1e6) });
    return `${header}.${payload}.${this.chars('base64url', 43)}`;
  }

  pem(label: string, escaped = false): string {
    const body = Buffer.from(this.chars('base64', 900))
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')
      .trim();
    const block = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
    return escaped ? block.replace(/\n/g, '\\n') : block;
  }

  /**
   * The base64 body of a DER or OpenSSH structure, random past its opening bytes, in 64-character lines (70 for
   * OpenSSH): `pkcs8`, `pkcs1`, `sec1` and `openssh` private keys, `cert` and `spki` (public) look-alikes.
   */
  derBody(kind: string): string {
    const openings: Record<string, number[]> = {
      pkcs8: [
        0x30, 0x82, 0x04, 0xbd, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
        0x01, 0x01, 0x05, 0x00, 0x04, 0x82, 0x04, 0xa7,
      ],
      pkcs1: [0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00],
      sec1: [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20],
      openssh: [...Buffer.from('openssh-key-v1\0')],
      cert: [0x30, 0x82, 0x03, 0x0f, 0x30, 0x82, 0x01, 0xf7, 0xa0, 0x03, 0x02, 0x01, 0x02],
      spki: [0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01],
    };
    const opening = openings[kind];
    if (!opening) throw new Error(`unknown derBody kind "${kind}"`);
    const bytes = Buffer.from([...opening, ...Array.from({ length: 600 }, () => Math.floor(this.random() * 256))]);
    const width = kind === 'openssh' ? 70 : 64;
    return bytes
      .toString('base64')
      .replace(new RegExp(`(.{${width}})`, 'g'), '$1\n')
      .trim();
  }

  /** Replaces every {{kind:arg}} in a template. */
  expand(template: string): string {
    return template.replace(EXAMPLE_PLACEHOLDER, (_whole, kind: string, arg: string | undefined) => {
      switch (kind) {
        case 'github':
          return this.checksummed(arg ?? 'ghp');
        case 'npm':
          return this.checksummed('npm');
        case 'intercom':
          return this.intercom();
        case 'jwt':
          return this.jwt();
        case 'pem':
          return this.pem(arg ?? 'PRIVATE KEY');
        case 'pemEscaped':
          return this.pem(arg ?? 'PRIVATE KEY', true);
        case 'derBody':
          return this.derBody(arg ?? 'pkcs8');
        case 'derLine':
          return this.derBody(arg ?? 'pkcs8').replace(/\n/g, '');
        case 'base64text':
          // base64 of printable text, as real wrapped passwords and tokens are (random base64 decodes to binary)
          return Buffer.from(this.password(Number(arg ?? 24))).toString('base64');
        case 'base64line':
          // `echo … | base64`: printable text and the newline echo adds
          return Buffer.from(`${this.password(Number(arg ?? 20))}\n`).toString('base64');
        case 'base64of':
          // A chosen weak value, encoded: so that the rule file holds no password a secret scanner would stop
          return Buffer.from((arg ?? '').replace(/\\n/g, '\n')).toString('base64');
        case 'base64uuid':
          return Buffer.from([8, 4, 4, 4, 12].map((n) => this.chars('hex', n)).join('-')).toString('base64');
        case 'base64pem':
          return Buffer.from(`${this.pem(arg ?? 'CERTIFICATE')}\n`).toString('base64');
        case 'base64sshpub':
          return Buffer.from(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${this.chars('base64', 43)} deploy@ci\n`).toString(
            'base64',
          );
        case 'basicauth':
          return Buffer.from(`${this.chars('lower', 8)}:${this.password(20)}`).toString('base64');
        default: {
          const length = Number(arg);
          if (!Number.isInteger(length) || length <= 0)
            throw new Error(`placeholder {{${kind}:${arg}}} needs a length`);
          return this.chars(kind, length);
        }
      }
    });
  }
}
