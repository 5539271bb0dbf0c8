// Imports flow one way: hooks → src/commands → src/{git, engine, report, config, catalog} → rules. The engine
// touches no fs, git or console and never the catalog (src/catalog, rules/index); the git layer reaches the file
// system only through its read-only door; a rule file imports only the schema.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
}

function resolved(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.join(path.dirname(file), specifier) : specifier;
}

describe('architecture', () => {
  it('keeps the engine pure', () => {
    for (const file of sourceFiles('src/engine')) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        expect(['node:fs', 'node:child_process', 'isomorphic-git'], `${file} imports ${spec}`).not.toContain(spec);
        expect(
          target.startsWith('src/git') ||
            target.startsWith('src/report') ||
            target.startsWith('src/commands') ||
            target.startsWith('src/catalog'),
          `${file} imports ${spec}`,
        ).toBe(false);
        expect(target === 'rules/index' || target === 'rules/index.js', `${file} imports the catalog`).toBe(false);
      }
      expect(fs.readFileSync(path.join(root, file), 'utf8')).not.toMatch(/console\.(log|error|warn|info)\(/);
    }
  });

  it('lets src/git reach the file system only through read-only-fs', () => {
    for (const file of sourceFiles('src/git')) {
      if (file.endsWith('read-only-fs.ts')) continue;
      for (const spec of imports(file)) expect(spec, file).not.toMatch(/^(node:)?fs(\/promises)?$/);
    }
  });

  it('keeps lower layers from importing commands or hooks', () => {
    for (const dir of ['src/git', 'src/engine', 'src/report', 'src/config', 'src/catalog', 'rules']) {
      for (const file of sourceFiles(dir)) {
        for (const spec of imports(file)) {
          const target = resolved(file, spec);
          expect(target.startsWith('src/commands') || target.startsWith('hooks'), `${file} imports ${spec}`).toBe(
            false,
          );
        }
      }
    }
  });

  it('keeps the built-in catalog seam between the rules and the engine', () => {
    for (const file of sourceFiles('src/catalog')) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        expect(
          target.startsWith('rules') || target.startsWith('src/engine') || spec.startsWith('node:'),
          `${file} imports ${spec}`,
        ).toBe(true);
      }
    }
  });

  it('lets rule files import only the schema, and family indexes their own rule files', () => {
    for (const file of sourceFiles('rules')) {
      const family = path.dirname(file);
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        if (file === path.join('rules', 'index.ts')) {
          expect(target.startsWith('rules'), `${file} imports ${spec}`).toBe(true);
        } else if (path.basename(file) === 'index.ts') {
          expect(target === 'rules/schema.js' || path.dirname(target) === family, `${file} imports ${spec}`).toBe(true);
        } else {
          expect(target, `${file} imports ${spec}`).toBe('rules/schema.js');
        }
      }
    }
  });

  it('keeps rules/ to rules: the schema, the catalog, and one folder per family', () => {
    const top = fs.readdirSync(path.join(root, 'rules'), { withFileTypes: true });
    expect(
      top
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort(),
    ).toEqual(['index.ts', 'schema.ts']);
    for (const dir of top.filter((e) => e.isDirectory())) {
      expect(fs.readdirSync(path.join(root, 'rules', dir.name)), dir.name).toContain('index.ts');
    }
  });
});
