// Commands a message asks a person to type are named as they would type them at a prompt.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invocationFor } from '../../../src/commands/invocation.js';
import { ours, setInvocation } from '../../../src/report/messages/our-command.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
  setInvocation(() => 'secret-hook');
});

function tree(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-invocation-'));
  dirs.push(root);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
  }
  return root;
}

describe('how a person runs secret-hook', () => {
  it('is npx secret-hook where a project here or above has it in node_modules/.bin', () => {
    const root = tree(['app/node_modules/.bin/secret-hook', 'app/src/lib/index.js']);
    expect(invocationFor(path.join(root, 'app'))).toBe('npx secret-hook');
    expect(invocationFor(path.join(root, 'app/src/lib'))).toBe('npx secret-hook');
  });

  it('is npx secret-hook in a clone of secret-hook itself (npx runs the package’s own bin)', () => {
    const root = tree(['secret-hook/src/index.ts']);
    fs.writeFileSync(path.join(root, 'secret-hook/package.json'), JSON.stringify({ name: 'secret-hook' }));
    expect(invocationFor(path.join(root, 'secret-hook/src'))).toBe('npx secret-hook');
    fs.writeFileSync(path.join(root, 'secret-hook/package.json'), JSON.stringify({ name: 'secret-hooks-fork' }));
    expect(invocationFor(path.join(root, 'secret-hook/src'))).toBe('secret-hook');
  });

  it('is secret-hook where no project has it (a global install)', () => {
    const root = tree(['other/node_modules/.bin/eslint', 'other/src/index.js']);
    expect(invocationFor(path.join(root, 'other/src'))).toBe('secret-hook');
  });

  it('is asked once, when a message first names a command', () => {
    let asked = 0;
    setInvocation(() => {
      asked++;
      return 'npx secret-hook';
    });
    expect(asked).toBe(0);
    expect(ours('explain stripe-live-secret-key')).toBe('npx secret-hook explain stripe-live-secret-key');
    expect(ours('fix')).toBe('npx secret-hook fix');
    expect(asked).toBe(1);
  });
});
