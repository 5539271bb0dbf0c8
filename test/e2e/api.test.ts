// The programmatic API, imported by package name from the packed and installed tarball.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox } from '../helpers/sandbox.js';

const keys = new FakeKeys(31);
const boxes: Sandbox[] = [];
afterEach(() => {
  while (boxes.length) boxes.pop()!.cleanup();
});

describe('programmatic API', () => {
  it('scans a string, the staged changes of a repository, and lists rules; ships its types', () => {
    const box = new Sandbox({ husky: false, install: false });
    boxes.push(box);
    const secret = `sk_live_${keys.chars('base62', 40)}`;
    box.write('pay.js', `const k = "${secret}";\n`);
    box.gitOk('add', 'pay.js');
    const script = `
      import { scanText, scanStaged, listRules, redact } from 'secret-hook';
      const text = scanText('const k = "${secret}";', { path: 'a.ts' });
      const staged = await scanStaged({ cwd: process.cwd() });
      console.log(JSON.stringify({
        text: text.map((f) => [f.ruleId, f.line, redact(f.secret)]),
        staged: staged.findings.map((f) => [f.ruleId, f.path, f.action]),
        rules: listRules().length,
      }));`;
    const result = box.run('node', ['--input-type=module', '-e', script]);
    expect(result.status, result.output).toBe(0);
    const out = JSON.parse(result.stdout) as { text: [string, number, string][]; staged: string[][]; rules: number };
    expect(out.text).toEqual([['stripe-live-secret-key', 1, expect.stringMatching(/^sk_live_\*+…\w{4}$/)]]);
    expect(out.staged).toEqual([['stripe-live-secret-key', 'pay.js', 'block']]);
    expect(out.rules).toBeGreaterThanOrEqual(150);
    const types = path.join(box.dir, 'node_modules/secret-hook/dist/types/src');
    expect(fs.readFileSync(path.join(types, 'index.d.ts'), 'utf8')).toMatch(
      /export \{[^}]*\bscanStaged\b[^}]*\} from '\.\/commands\/api\.js'/,
    );
    expect(fs.readFileSync(path.join(types, 'commands/api.d.ts'), 'utf8')).toContain(
      'export declare function scanStaged',
    );
  });
});
