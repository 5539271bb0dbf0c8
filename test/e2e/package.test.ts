// The package a user installs: built, licensed, and asking npm to run nothing on install. The tarball is the one
// the global set-up packed with `npm pack` (its prepack builds dist/ and leaves `prepare` out) and installed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const installed = path.join(inject('installDir'), 'node_modules/secret-hook');

describe('the installed package', () => {
  it('has no script npm runs on install (a prepare would name a build from sources it does not ship)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const event of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts?.[event]).toBeUndefined();
    const log = fs.readFileSync(path.join(path.dirname(inject('installDir')), 'npm-install.log'), 'utf8');
    expect(log).not.toMatch(/install-scripts|allowScripts/);
  });

  it('ships its licence, its README and a built program', () => {
    expect(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toContain('MIT License');
    expect(fs.existsSync(path.join(installed, 'README.md'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'dist/cli.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'dist/pre-commit.cjs'))).toBe(true);
  });

  it("leaves this repository's own prepare in place after packing", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['prepare']).toContain('scripts/build.mjs');
    expect(fs.existsSync(path.join(root, 'package.json.before-pack'))).toBe(false);
  });
});
