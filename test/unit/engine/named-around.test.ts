// A look-alike's name that stands on other lines than the value (the entry's `- name:` line, an enclosing JSON or
// YAML key) counts the same whether the scan reads the whole file or only its added lines: the name is read in the
// whole new file. The cases: Customer.io's public `pk_` keys, which Klaviyo's private keys look like, and a
// prefix-less key whose credential name ends the line before it.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { scan } from '../../../src/engine/scan.js';
import { FakeKeys } from '../../helpers/examples.js';
import { scanChange } from '../../helpers/scan-change.js';

const catalog = compileCatalog(builtinRules);
const keys = new FakeKeys(4242);
const KLAVIYO = 'klaviyo-private-api-key';

function scanWhole(text: string, path: string) {
  return scan(catalog, { path, text }).map((f) => f.ruleId);
}

function scanAdded(before: string, after: string, path: string) {
  return scanChange(catalog, before, after, path).map((f) => f.ruleId);
}

/** `lines` with `value` at `at`, before (without that line) and after: only the value's line is added. */
function change(lines: string[], at: number, value: string): [string, string] {
  const after = [...lines.slice(0, at), value, ...lines.slice(at)];
  return [`${lines.join('\n')}\n`, `${after.join('\n')}\n`];
}

describe("a look-alike's name on other lines", () => {
  const pk = () => `pk_${keys.chars('hex', 34)}`;

  it('a pk_ key under a "customerio" JSON key is not Klaviyo\'s, in a whole file or added to it', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `    "option${i}": ${i},`);
    const lines = ['{', '  "customerio": {', ...filler, '    "region": "eu"', '  }', '}'];
    const [before, after] = change(lines, 12, `    "publicKey": "${pk()}",`);
    expect(scanWhole(after, 'config/marketing.json')).not.toContain(KLAVIYO);
    expect(scanAdded(before, after, 'config/marketing.json')).not.toContain(KLAVIYO);
  });

  it('a pk_ key under a "klaviyo" key beside a "customerio" one is Klaviyo\'s, in both scans', () => {
    const lines = ['services:', '  customerio:', '    region: eu', '  klaviyo:', '    region: us'];
    const [before, after] = change(lines, 5, `    private_key: ${pk()}`);
    expect(scanWhole(after, 'config/services.yml')).toContain(KLAVIYO);
    expect(scanAdded(before, after, 'config/services.yml')).toContain(KLAVIYO);
  });

  it("an entry's value added under its committed `- name:` line is not Klaviyo's when the name says Customer.io", () => {
    const lines = ['env:', '  - name: NEXT_PUBLIC_CUSTOMERIO_KEY', '  - name: REGION', '    value: eu'];
    const [before, after] = change(lines, 2, `    value: ${pk()}`);
    expect(scanWhole(after, 'deploy/app.yaml')).not.toContain(KLAVIYO);
    expect(scanAdded(before, after, 'deploy/app.yaml')).not.toContain(KLAVIYO);
  });

  it('a Klaviyo key in a file that names Customer.io elsewhere is still found', () => {
    const lines = ['customerio:', '  region: eu', 'klaviyo:', '  region: us'];
    const [before, after] = change(lines, 4, `  private_key: ${pk()}`);
    expect(scanAdded(before, after, 'config/services.yml')).toContain(KLAVIYO);
  });

  it('a value whose credential name ends the committed line before it is found in both scans', () => {
    const lines = [
      'func client() *s3.Client {',
      '\tcreds := credentials.NewStaticCredentials(',
      `\t\t"AKIA${keys.chars('base32', 16)}",`,
      '\t\t"")',
      '\treturn newClient(creds)',
      '}',
    ];
    const [before, after] = change(lines, 3, `\t\t"${keys.chars('base64', 40)}",`);
    expect(scanWhole(after, 'aws/client.go')).toContain('aws-secret-access-key');
    expect(scanAdded(before, after, 'aws/client.go')).toContain('aws-secret-access-key');
  });
});
