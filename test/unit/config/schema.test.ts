// The JSON Schema shipped for editors agrees with the validator on what a configuration may hold: every case below
// is put to both, and both give the same verdict.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { checkConfiguredRules } from '../../../src/commands/configured-rules.js';
import { validateConfig } from '../../../src/config/validate.js';

const schema = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../schema/config.schema.json'), 'utf8'),
);
const bySchema = new Ajv2020({ strict: false }).compile(schema);
const ids = new Set(builtinRules.map((r) => r.id));

/** The program's verdict: the shape, then what the engine judges of patterns and examples. */
function byValidator(config: unknown): boolean {
  try {
    checkConfiguredRules(validateConfig(config, 'secret-hook.config.json', ids));
    return true;
  } catch {
    return false;
  }
}

const full = {
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
};

describe('config.schema.json and the validator', () => {
  it('both accept a full configuration', () => {
    expect(bySchema(full), JSON.stringify(bySchema.errors)).toBe(true);
    expect(byValidator(full)).toBe(true);
  });
  it.each([
    [{ rulez: {} }],
    [{ rules: { x: 'disable' } }],
    [{ rules: { 'aws-access-key-id': 'disable' } }],
    [{ testKeys: 'maybe' }],
    [{ ignorePaths: ['!keep'] }],
    [{ ignorePaths: 'fixtures/' }],
    [{ allow: { value: ['x'] } }],
    [{ maxFileSize: 'huge' }],
    [{ maxFileSize: -1 }],
    [{ customRules: [{ id: 'Bad Id', title: 't', keywords: ['k'], pattern: '(?<secret>k)', examples: ['k'] }] }],
    [{ customRules: [{ id: 'no-keywords', title: 't', keywords: [], pattern: '(?<secret>k)', examples: ['k'] }] }],
    [{ customRules: [{ id: 'no-examples', title: 't', keywords: ['k'], pattern: '(?<secret>k)', examples: [] }] }],
  ])('both reject %j', (config) => {
    expect(bySchema(config)).toBe(false);
    expect(byValidator(config)).toBe(false);
  });
});
