// Secrets never leave the process whole: keep the documented prefix (sk_live_, ghp_, AKIA…) so the user knows
// which key it is, keep the last four characters of long keys (as provider dashboards show them), mask the rest.

const KNOWN_PREFIX =
  /^(?:[A-Za-z]{1,10}[_-](?:(?:live|test|prod|sandbox)[_-])?|AKIA|ASIA|ABIA|ACCA|AIza|ya29\.|-----BEGIN [A-Z ]{0,40}-----)/;
const MASK = '*';
const MAX_MASK = 16;

export function redact(secret: string): string {
  if (secret.includes(':') && !secret.includes('://') && /^[0-9a-f]+:[0-9a-f]+$/i.test(secret)) {
    // A pair (e.g. Customer.io Site ID:API key): redact each half.
    return secret.split(':').map(redact).join(':');
  }
  const prefix = KNOWN_PREFIX.exec(secret)?.[0] ?? '';
  const body = secret.slice(prefix.length);
  if (body.length === 0) return prefix;
  const showTail = body.length >= 20 ? body.slice(-4) : '';
  const masked = Math.min(body.length - showTail.length, MAX_MASK);
  const omitted = body.length - showTail.length > MAX_MASK ? '…' : '';
  return `${prefix}${MASK.repeat(masked)}${omitted}${showTail}`;
}

/** The line with every secret on it masked, shortened around the first one for minified files. */
export function redactLine(line: string, secrets: readonly string[], width = 160): string {
  let out = line;
  let firstAt = -1;
  for (const secret of secrets) {
    for (const part of secret.split(':').filter((p) => p.length >= 8)) {
      const at = out.indexOf(part);
      if (at !== -1 && (firstAt === -1 || at < firstAt)) firstAt = at;
      out = out.split(part).join(redact(part));
    }
  }
  out = out.trim();
  if (out.length <= width) return out;
  const start = Math.max(0, Math.min(firstAt - 40, out.length - width));
  return `${start > 0 ? '…' : ''}${out.slice(start, start + width)}${start + width < out.length ? '…' : ''}`;
}
