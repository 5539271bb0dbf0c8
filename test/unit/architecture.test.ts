// Imports flow one way: hooks → src/commands → src/{git, engine, report, config} → rules. The engine touches
// no fs, git or console; the git layer reaches the file system only through its read-only door; a rule file
// imports only the schema.
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
          target.startsWith('src/git') || target.startsWith('src/report') || target.startsWith('src/commands'),
          `${file} imports ${spec}`,
        ).toBe(false);
        expect(target === 'rules/index' || target === 'rules/index.js', `${file} imports the catalog`).toBe(false);
      }
      expect(fs.readFileSync(path.join(root, file), 'utf8')).not.toMatch(/console\.(log|error|warn|info)\(/);
    }
  });

  it('imports node builtins by name or as a namespace, never as a default (the build relies on it)', () => {
    for (const file of [...sourceFiles('src'), ...sourceFiles('hooks'), ...sourceFiles('rules')]) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      expect(text, file).not.toMatch(/^\s*import\s+(?!type\b)[\w$]+\s*(,|from)\s*[^;]*'node:/m);
    }
  });

  it('lets src/git reach the file system only through read-only-fs', () => {
    for (const file of sourceFiles('src/git')) {
      if (file.endsWith('read-only-fs.ts')) continue;
      for (const spec of imports(file)) expect(spec, file).not.toMatch(/^(node:)?fs(\/promises)?$/);
    }
  });

  it('lets src/git start git only through git-process', () => {
    for (const file of sourceFiles('src/git')) {
      if (file.endsWith('git-process.ts')) continue;
      // git-process.ts loads child_process with createRequire, which imports() does not see: read the text.
      expect(fs.readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(/child_process/);
    }
  });

  it('keeps lower layers from importing commands or hooks', () => {
    for (const dir of ['src/git', 'src/engine', 'src/report', 'src/config', 'rules']) {
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

  it('lets rule files import only the schema (and sibling rule files in their family index)', () => {
    for (const file of sourceFiles('rules')) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        expect(target.startsWith('rules'), `${file} imports ${spec}`).toBe(true);
      }
    }
  });
});
