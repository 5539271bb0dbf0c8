// The JSON Schema shipped for editors agrees with the validator on what a configuration may hold.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../schema/config.schema.json'), 'utf8'),
);
const validate = new Ajv2020({ strict: false }).compile(schema);

describe('config.schema.json', () => {
  it('accepts a full configuration', () => {
    const ok = validate({
      $schema: './node_modules/secret-hook/schema/config.schema.json',
      rules: { 'aws-access-key-id': 'off' },
      testKeys: 'block',
      customRules: [
        {
          id: 'acme-key',
          title: 'Acme',
          keywords: ['acme_'],
          pattern: '(?<secret>acme_[a-z]{8})',
          examples: ['acme_abcdefgh'],
        },
      ],
      ignorePaths: ['fixtures/'],
      allow: { values: ['x'], patterns: ['^y'] },
      maxFileSize: '10MB',
    });
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it.each([
    [{ rulez: {} }],
    [{ rules: { x: 'disable' } }],
    [{ ignorePaths: ['!keep'] }],
    [{ maxFileSize: 'huge' }],
    [{ customRules: [{ id: 'Bad Id', title: 't', keywords: ['k'], pattern: 'p', examples: ['e'] }] }],
  ])('rejects %j', (config) => {
    expect(validate(config)).toBe(false);
  });
});
