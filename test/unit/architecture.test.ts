// Imports flow one way: hooks → src/commands → src/{git, engine, report, config, runtime, catalog} → rules. The engine
// imports nothing of ours but its own files, the leaf modules and the rule schema (never the catalog: the built-in
// rules reach it through src/catalog); the git layer reaches the file system only through its read-only door; a
// rule file imports only the schema; leaf modules (errors, result types, skip reasons, problems, the version) may be
// imported by every layer and import only each other.
// The matrix below is the whole of what is allowed: an import it does not list fails the test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Where a file lives, as the matrix names it. */
type Area =
  | 'hooks'
  | 'api'
  | 'commands'
  | 'git'
  | 'engine'
  | 'report'
  | 'config'
  | 'runtime'
  | 'catalog'
  | 'leaf'
  | 'rules'
  | 'rule-schema'
  | 'rule-catalog';

const LEAF_FILES = [
  'src/errors.ts',
  'src/sorted-search.ts',
  'src/result.ts',
  'src/skip-reason.ts',
  'src/config-problem.ts',
  'src/pattern-problem.ts',
  'src/version.ts',
  'src/ascii-text.ts',
];

function areaOf(file: string): Area {
  const f = file.split(path.sep).join('/');
  if (f.startsWith('hooks/')) return 'hooks';
  if (f === 'src/index.ts') return 'api';
  if (LEAF_FILES.includes(f)) return 'leaf';
  for (const area of ['commands', 'git', 'engine', 'report', 'config', 'runtime', 'catalog'] as const) {
    if (f.startsWith(`src/${area}/`)) return area;
  }
  if (f === 'rules/schema.ts') return 'rule-schema';
  if (f === 'rules/index.ts') return 'rule-catalog';
  if (f.startsWith('rules/')) return 'rules';
  throw new Error(`${f} lies in no area of the architecture: add it to the matrix`);
}

/** Which areas each area may import from (its own files always). */
const ALLOWED: Record<Area, readonly Area[]> = {
  hooks: ['commands', 'leaf'],
  api: ['commands', 'leaf', 'rule-schema'],
  commands: ['git', 'engine', 'report', 'config', 'runtime', 'catalog', 'leaf', 'rule-schema', 'rule-catalog'],
  git: ['leaf'],
  engine: ['leaf', 'rule-schema'],
  report: ['leaf', 'rule-schema'],
  config: ['leaf', 'rule-schema'],
  runtime: ['leaf'],
  /** The seam between the built-in rules and the engine: sources in tests, dist/detection.json in the program. */
  catalog: ['engine', 'leaf', 'rule-schema', 'rule-catalog'],
  leaf: ['rule-schema'],
  'rule-catalog': ['rules', 'rule-schema'],
  rules: ['rule-schema', 'rules'],
  'rule-schema': [],
};

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** Every module a file imports: static, re-exported, type-only and dynamic. */
function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
}

/** A relative import as a source path (`../git/repo.js` from src/commands → src/git/repo.ts). */
function target(file: string, specifier: string): string {
  return path.join(path.dirname(file), specifier).replace(/\.js$/, '.ts');
}

const allFiles = [...sourceFiles('src'), ...sourceFiles('hooks'), ...sourceFiles('rules')];

/** Every import that breaks the matrix, as "file → target (from → to)". */
export function violations(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = areaOf(file);
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue; // packages and node builtins: see the tests below
      const to = areaOf(target(file, spec));
      if (to !== from && !ALLOWED[from].includes(to)) found.push(`${file} → ${spec} (${from} → ${to})`);
    }
  }
  return found;
}

describe('architecture', () => {
  it('allows only the imports of the matrix', () => {
    expect(violations(allFiles)).toEqual([]);
  });

  it('knows the area of every source file', () => {
    for (const file of allFiles) expect(() => areaOf(file), file).not.toThrow();
  });

  it('keeps the engine pure: no fs, no processes, no git library, no console', () => {
    for (const file of sourceFiles('src/engine')) {
      for (const spec of imports(file)) {
        expect(
          ['node:fs', 'node:fs/promises', 'node:child_process', 'isomorphic-git'],
          `${file} imports ${spec}`,
        ).not.toContain(spec);
      }
      expect(fs.readFileSync(path.join(root, file), 'utf8')).not.toMatch(/console\.(log|error|warn|info)\(/);
    }
  });

  it('lets src/git reach the file system only through read-only-fs, and start git only through git-process', () => {
    for (const file of sourceFiles('src/git')) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (!file.endsWith('read-only-fs.ts')) {
        for (const spec of imports(file)) expect(spec, file).not.toMatch(/^(node:)?fs(\/promises)?$/);
      }
      if (!file.endsWith('git-process.ts')) expect(text, file).not.toMatch(/child_process/);
    }
  });

  it('starts git nowhere outside the git layer', () => {
    // The one other process the program starts is node itself: a history scan re-run with a smaller worker pool.
    const startsNode = path.join('src', 'runtime', 'worker-pool.ts');
    for (const file of allFiles.filter((f) => !f.startsWith(`src${path.sep}git${path.sep}`))) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (file !== startsNode) expect(text, file).not.toMatch(/child_process/);
      else expect(text.match(/spawnSync\(([^,]*),/g), file).toEqual(['spawnSync(process.execPath,']);
    }
  });

  it('loads each package from one place: isomorphic-git from the git layer, picomatch and yaml from config', () => {
    const owners: Record<string, string> = { 'isomorphic-git': 'src/git', picomatch: 'src/config', yaml: 'src/config' };
    for (const file of allFiles) {
      for (const spec of imports(file)) {
        const owner = owners[spec];
        if (owner) expect(file.split(path.sep).join('/').startsWith(owner), `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('lets rule files import only the schema, and family indexes their own rule files', () => {
    for (const file of sourceFiles('rules')) {
      const family = path.dirname(file);
      for (const spec of imports(file)) {
        const to = target(file, spec);
        if (file === path.join('rules', 'index.ts')) {
          expect(to.startsWith('rules'), `${file} imports ${spec}`).toBe(true);
        } else if (path.basename(file) === 'index.ts') {
          expect(to === 'rules/schema.ts' || path.dirname(to) === family, `${file} imports ${spec}`).toBe(true);
        } else {
          expect(to, `${file} imports ${spec}`).toBe('rules/schema.ts');
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
