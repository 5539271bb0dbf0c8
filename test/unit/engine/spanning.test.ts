// Rules whose matches span lines see the new file around added lines: a key body added between committed armour
// lines is found, what was already committed is not reported again.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { isPrivateKeyBody } from '../../../src/engine/private-key-der.js';
import { scan } from '../../../src/engine/scan.js';
import { addedLines } from '../../../src/git/added-lines.js';
import { FakeKeys } from '../../helpers/examples.js';
import { scanChange as scanAdded } from '../../helpers/scan-change.js';

const catalog = compileCatalog(builtinRules);
const keys = new FakeKeys(31337);

/** Scans the change from `before` to `after` as every scope does: added lines, context and the whole new text. */
const scanChange = (before: string, after: string, path = 'deploy.pem') => scanAdded(catalog, before, after, path);

const armour = (body: string[], label = 'PRIVATE KEY') =>
  [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`, ''].join('\n');

describe('spanning rules around added lines', () => {
  it('finds a body added between committed armour lines, at the armour line', () => {
    const body = keys.derBody('pkcs8').split('\n');
    const before = `# deploy key\n${armour([])}`;
    const findings = scanChange(before, `# deploy key\n${armour(body)}`);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['private-key', 2]]);
    expect(findings[0]!.secret.replace(/\s/g, '')).toBe(body.join(''));
  });

  it('finds the body when characters before it lower-case to two (the keyword search falls back)', () => {
    const body = keys.derBody('pkcs8').split('\n');
    const before = `# İstanbul İzmir deploy key\n${armour([])}`;
    const findings = scanChange(before, `# İstanbul İzmir deploy key\n${armour(body)}`);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['private-key', 2]]);
  });

  it('finds a body far from its armour keyword in a long file, the keyword looked up once for the file', () => {
    const body = keys.derBody('pkcs8').split('\n');
    const filler = Array.from({ length: 400 }, (_, i) => `setting_${i} = ${i}`).join('\n');
    const before = `${filler}\n${armour([])}${filler}\n${armour([])}`;
    const after = `${filler}\n${armour([])}${filler}\n${armour(body)}`;
    const findings = scanChange(before, after);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['private-key', 2 * 400 + 3]]);
  });

  it('finds a body that replaced another one, even when the first body line is unchanged', () => {
    const old = keys.derBody('openssh').split('\n');
    const fresh = keys.derBody('openssh').split('\n');
    fresh[0] = old[0]!;
    const findings = scanChange(armour(old, 'OPENSSH PRIVATE KEY'), armour(fresh, 'OPENSSH PRIVATE KEY'));
    expect(findings.map((f) => f.ruleId)).toEqual(['private-key']);
  });

  it('reports nothing when only the armour changed around a committed body', () => {
    const body = keys.derBody('pkcs1').split('\n');
    expect(scanChange(armour(body, 'RSA PRIVATE KEY'), armour(body, 'PRIVATE KEY'))).toEqual([]);
  });

  it('reports nothing for a committed key when an unrelated token line is added near it', () => {
    const body = keys.derBody('pkcs8').split('\n');
    const before = `${armour(body)}\nchecksum: a\n`;
    const after = `${armour(body)}\nchecksum: ${keys.chars('hex', 40)}\n`;
    expect(scanChange(before, after, 'values.yaml').filter((f) => f.ruleId.startsWith('private-key'))).toEqual([]);
  });

  it('keeps the file line numbers of the window', () => {
    const filler = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const body = keys.derBody('pkcs8').split('\n');
    const before = [...filler, armour([])].join('\n');
    const after = [...filler, armour(body)].join('\n');
    expect(scanChange(before, after).map((f) => f.line)).toEqual([51]);
  });
});

describe('a value added inside a committed structure that names it (the same findings as the whole file)', () => {
  /** The whole new file's findings on the lines the change added: what `check --all` reports of them. */
  function wholeFileOnAdded(before: string, after: string, path: string) {
    const added = new Set(addedLines(before, after, catalog.contextLines).lineNumbers);
    return scan(catalog, { path, text: after }).filter((f) => added.has(f.line));
  }
  const same = (before: string, after: string, path: string, ruleId: string) => {
    const staged = scanChange(before, after, path);
    expect(staged.map((f) => f.ruleId)).toContain(ruleId);
    const whole = wholeFileOnAdded(before, after, path);
    expect(staged.map((f) => [f.ruleId, f.line, f.column, f.secret])).toEqual(
      whole.map((f) => [f.ruleId, f.line, f.column, f.secret]),
    );
  };

  it.each([
    [
      'named as a secret',
      'variable "nextauth_secret" {\n  type        = string\n  description = "NextAuth signing secret"\n',
      32,
    ],
    ['marked sensitive', 'variable "db_admin" {\n  type      = string\n  sensitive = true\n', 20],
  ])('a default added to a committed Terraform variable %s', (_kind, head, length) => {
    const value = `  default     = "${keys.chars('base62', length)}"\n`;
    same(`${head}}\n`, `${head}${value}}\n`, 'variables.tf', 'generic-terraform-variable-secret');
  });

  it("an SSM SecureString's value changed from a variable to a literal", () => {
    const block = (value: string) =>
      `resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "SecureString"\n  value = ${value}\n}\n`;
    same(block('var.db_password'), block(`"${keys.chars('base62', 24)}"`), 'ssm.tf', 'generic-ssm-secure-string');
  });

  it("a Kubernetes env entry's valueFrom replaced by a literal value", () => {
    const entry = (value: string) =>
      `spec:\n  containers:\n    - name: app\n      env:\n        - name: DB_PASSWORD\n${value}`;
    const before = entry('          valueFrom:\n            secretKeyRef: {name: db, key: password}\n');
    same(before, entry(`          value: "${keys.chars('base62', 20)}"\n`), 'deploy.yaml', 'generic-env-entry-secret');
  });

  it("a value added to a Secret's data more than the context's lines below its kind", () => {
    const labels = Array.from({ length: 14 }, (_, i) => `    label-${i}: shop`).join('\n');
    const before = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  labels:\n${labels}\ntype: Opaque\ndata:\n  DB_USER: c2hvcA==\n`;
    const value = Buffer.from(`${keys.chars('base62', 18)}\n`).toString('base64');
    same(before, `${before}  DB_PASSWORD: ${value}\n`, 'secret.yaml', 'kubernetes-secret-data');
    // The same manifest pasted into a documentation page.
    const page = `# Deploying\n\n\`\`\`yaml\n${before}`;
    same(`${page}\`\`\`\n`, `${page}  DB_PASSWORD: ${value}\n\`\`\`\n`, 'docs/deploy.md', 'kubernetes-secret-data');
  });

  it('a Customer.io Track API key added under a committed Site ID: the pair, with the fingerprint --all gives', () => {
    const before = `# Customer.io\nCUSTOMERIO_SITE_ID=${keys.chars('hex', 20)}\n`;
    const after = `${before}CUSTOMERIO_API_KEY=${keys.chars('hex', 20)}\n`;
    same(before, after, '.env', 'customerio-track-api-key');
    expect(scanChange(before, after, '.env')[0]!.secret).toContain(':');
  });

  it.each([
    ['a Markdown page', 'docs/deploy.md', '```yaml\nenv:\n  - name: DB_PASSWORD\n', '```\n'],
    ["a module's docstring", 'tasks/variables.py', "EXAMPLES = r'''\nvariables:\n  - name: DB_PASSWORD\n", "'''\n"],
  ])("an env entry's value added under its committed name in %s", (_where, path, head, tail) => {
    const value = `    value: ${keys.chars('base62', 20)}\n`;
    same(`${head}${tail}`, `${head}${value}${tail}`, path, 'generic-env-entry-secret');
  });

  it('stays quiet when the value added inside a committed structure is not a literal secret', () => {
    const head = 'variable "nextauth_secret" {\n  type        = string\n';
    expect(scanChange(`${head}}\n`, `${head}  default     = var.fallback_secret\n}\n`, 'variables.tf')).toEqual([]);
  });
});

describe('isPrivateKeyBody', () => {
  it('tells private keys from certificates and public keys by their first bytes', () => {
    for (const kind of ['pkcs8', 'pkcs1', 'sec1', 'openssh'])
      expect(isPrivateKeyBody(keys.derBody(kind)), kind).toBe(true);
    for (const kind of ['cert', 'spki']) expect(isPrivateKeyBody(keys.derBody(kind)), kind).toBe(false);
    expect(isPrivateKeyBody(keys.chars('base64', 200))).toBe(false);
  });
});
