// The `jwt-signed` verifier: a signed JWT is a finding, Supabase's anon key (public by design) is not.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passesVerifier } from '../../../src/engine/verify.js';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object) =>
  `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${randomBytes(32).toString('base64url')}`;

describe('jwt-signed', () => {
  it('keeps a signed token with a role that grants access', () => {
    expect(passesVerifier('jwt-signed', jwt({ iss: 'supabase', role: 'service_role', iat: 1700000000 }))).toBe(true);
    expect(passesVerifier('jwt-signed', jwt({ sub: 'user-1', iat: 1700000000 }))).toBe(true);
  });
  it("drops Supabase's anon key: it ships in every browser bundle", () => {
    expect(passesVerifier('jwt-signed', jwt({ iss: 'supabase', role: 'anon', iat: 1700000000 }))).toBe(false);
  });
});
