// ARNs name resources: nothing inside one is a credential (src/engine/arn.ts).
import { describe, expect, it } from 'vitest';
import { isInsideArn } from '../../../src/engine/arn.js';

const at = (text: string, part: string) => text.indexOf(part);

describe('isInsideArn', () => {
  it('is true inside the resource part of an ARN, quoted or bare, in any partition', () => {
    const quoted = 'const arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/abc123/provider/my-key";';
    expect(isInsideArn(quoted, at(quoted, 'vault/abc123'))).toBe(true);
    const escaped = '{\\"SecretArn\\":\\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:reports-Xy12Ab\\"}';
    expect(isInsideArn(escaped, at(escaped, 'reports-'))).toBe(true);
    const bare = 'role: arn:aws-us-gov:iam::123456789012:role/deploy-role';
    expect(isInsideArn(bare, at(bare, 'deploy-role'))).toBe(true);
    const placeholders = '"ARN": "arn:aws:secretsmanager:<region>:111111111111:secret:Valid/_+=.@-Name<ArnPart-0idx>"';
    expect(isInsideArn(placeholders, at(placeholders, 'Valid/'))).toBe(true);
    const china = 'arn:aws-cn:s3:::bucket/prefix/object';
    expect(isInsideArn(china, at(china, 'prefix'))).toBe(true);
  });

  it('is false outside an ARN, and after one on the same line', () => {
    const after = 'role=arn:aws:iam::123456789012:role/x secret=abcdef';
    expect(isInsideArn(after, at(after, 'abcdef'))).toBe(false);
    const url = 'https://example.com/arn:aws:s3:::bucket/key';
    expect(isInsideArn(url, at(url, 'bucket'))).toBe(false);
    const word = 'warn:aws:iam::1:role/x';
    expect(isInsideArn(word, at(word, 'role'))).toBe(false);
    expect(isInsideArn('arn:aws', 3)).toBe(false);
    // An HTML tag before the value is no placeholder of an ARN.
    const cell = '<td>arn</td><td>secret-value</td>';
    expect(isInsideArn(cell, at(cell, 'secret-value'))).toBe(false);
  });

  it('looks back a bounded distance only', () => {
    const long = `arn:aws:s3:::${'a'.repeat(600)}`;
    expect(isInsideArn(long, long.length - 1)).toBe(false);
    expect(isInsideArn(long, 20)).toBe(true);
  });
});
