// Whether base64 text (a PEM body without its armour lines, or a key pasted on one line) is a private key: its
// first bytes decode to the start of a private key's structure. Certificates and public keys, which share the base64
// look and the "MII" start, do not pass.
// - DER (RFC 8017 A.1.2 RSAPrivateKey, RFC 5915 ECPrivateKey, RFC 5208/5958 PrivateKeyInfo, DSA): a SEQUENCE whose
//   first element is the INTEGER version 0 or 1. A certificate or a SubjectPublicKeyInfo starts with a SEQUENCE
//   inside the SEQUENCE instead.
// - Encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo): a SEQUENCE of an AlgorithmIdentifier naming a password-based
//   encryption scheme (PKCS#5 PBES2/PBES1, PKCS#12 PBE) and an OCTET STRING.
// - OpenSSH's own format (openssh PROTOCOL.key): the magic "openssh-key-v1\0".

const OPENSSH_MAGIC = 'openssh-key-v1\0';
// OID prefixes, as DER content bytes: 1.2.840.113549.1.5 (PKCS#5) and 1.2.840.113549.1.12.1 (PKCS#12 PBE).
const PKCS5 = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05];
const PKCS12_PBE = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];

/** The base64 characters of `text`, whatever separates them (newlines, indentation, quotes, `\n` escapes). */
export function base64Body(text: string): string {
  return text.replace(/\\[nr]/g, '').replace(/[^A-Za-z0-9+/=_-]/g, '');
}

export function isPrivateKeyBody(text: string): boolean {
  // 64 base64 characters are 48 bytes: more than any of the structures' openings below needs.
  const head = Buffer.from(base64Body(text).slice(0, 64).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (head.toString('latin1', 0, OPENSSH_MAGIC.length) === OPENSSH_MAGIC) return true;
  const outer = readHeader(head, 0);
  if (!outer || outer.tag !== 0x30) return false;
  const first = readHeader(head, outer.contentStart);
  if (!first) return false;
  if (first.tag === 0x02) {
    // INTEGER version 0 (RSA, PKCS#8 v1, DSA) or 1 (EC, PKCS#8 v2).
    return first.length === 1 && (head[first.contentStart] === 0 || head[first.contentStart] === 1);
  }
  if (first.tag !== 0x30) return false;
  // EncryptedPrivateKeyInfo: AlgorithmIdentifier { OID, … } with a password-based encryption OID.
  const oid = readHeader(head, first.contentStart);
  if (!oid || oid.tag !== 0x06) return false;
  const bytes = [...head.subarray(oid.contentStart, oid.contentStart + oid.length)];
  const startsWith = (prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  return startsWith(PKCS5) || startsWith(PKCS12_PBE);
}

/**
 * A public key or a certificate in base64 DER on one line (`MCowBQYDK2VwAyEA…`, an Ed25519 SubjectPublicKeyInfo): a
 * SEQUENCE whose first element is a SEQUENCE (an AlgorithmIdentifier, or a certificate's TBSCertificate) and that is
 * not an encrypted private key. Public by design.
 */
export function isPublicKeyDer(text: string): boolean {
  if (!/^M[A-Za-z0-9+/]{15,}={0,2}$/.test(text)) return false;
  const head = Buffer.from(text.slice(0, 64), 'base64');
  const outer = readHeader(head, 0);
  if (!outer || outer.tag !== 0x30) return false;
  const first = readHeader(head, outer.contentStart);
  return first !== null && first.tag === 0x30 && !isPrivateKeyBody(text);
}

/**
 * A truncated snippet, not a key: the body is DER (a SEQUENCE) and holds far fewer bytes than its own header says
 * (documentation that shows `-----BEGIN RSA PRIVATE KEY----- MIIEpQIBAAKCAQEAuyf… -----END RSA PRIVATE KEY-----`).
 * Bodies that are not DER (OpenSSH, legacy encrypted PEM with headers) are never called truncated.
 */
export function isTruncatedDer(text: string): boolean {
  const body = base64Body(text).replace(/=+$/, '');
  if (!/^M[A-Za-z0-9+/]{3}/.test(body)) return false;
  const decoded = Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const outer = readHeader(decoded, 0);
  if (!outer || outer.tag !== 0x30) return false;
  // Half of what the header promises is missing: no key was pasted here, a sample was.
  return decoded.length < (outer.contentStart + outer.length) / 2;
}

/** A DER tag and length at `at`: where the content starts and how long it is (long lengths up to 4 bytes). */
function readHeader(data: Buffer, at: number): { tag: number; length: number; contentStart: number } | null {
  if (at + 2 > data.length) return null;
  const tag = data[at]!;
  const first = data[at + 1]!;
  if (first < 0x80) return { tag, length: first, contentStart: at + 2 };
  const bytes = first & 0x7f;
  if (bytes === 0 || bytes > 4 || at + 2 + bytes > data.length) return null;
  let length = 0;
  for (let i = 0; i < bytes; i++) length = length * 256 + data[at + 2 + i]!;
  return { tag, length, contentStart: at + 2 + bytes };
}
