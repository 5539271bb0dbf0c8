// Base64 as the checks read it: standard and URL-safe alike, decoded to one character per byte (latin1), and the
// one test of whether a value is base64 of text, which three checks share: a rule that decodes its secret and scans
// what is inside (`decode: 'base64'`), the `base64-secret` verifier, and the generic-value verifier (which judges
// `dXNlcjpwYXNz` by what it decodes to).

export function decodeBase64(value: string): string {
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
}

export interface PrintableBase64Options {
  /** The fewest decoded characters that count as text: fewer say too little to judge. */
  minDecodedLength: number;
  /**
   * Accept only a whole value of base64: a whole number of 4-character groups, of one alphabet (standard or
   * URL-safe), padded at the end at most. Off when a rule's pattern already matched the base64 and decoding may
   * ignore a trailing partial group, as Node does.
   */
  wholeQuads?: boolean;
}

const STANDARD = /^[A-Za-z0-9+/]+={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * The text a base64 value decodes to when it is printable ASCII (tabs and line breaks allowed, so that a
 * base64-wrapped certificate or `.env` counts as text), or undefined: binary (a digest, an image, a key's DER) is
 * not a wrapped credential.
 */
export function printableBase64(value: string, options: PrintableBase64Options): string | undefined {
  if (options.wholeQuads) {
    if (value.length < 8 || value.length % 4 !== 0) return undefined;
    if (!STANDARD.test(value) && !URL_SAFE.test(value)) return undefined;
  }
  const decoded = decodeBase64(value);
  if (decoded.length < options.minDecodedLength) return undefined;
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) || code > 0x7e) return undefined;
  }
  return decoded;
}
