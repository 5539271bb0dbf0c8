// Builds dist/ with esbuild: the program as one CommonJS file run by a small launcher, and the API as ES modules.
// No TypeScript runtime ships.
// The rules' detection fields are precomputed into one JSON string (V8 parses JSON far faster than the object
// literals of ~200 rules with their advice and examples), and so are the catalog's keyword automata (the trie and
// its failure links), which would otherwise be rebuilt on every commit. The full rules stay a separate chunk,
// loaded only to print findings.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

async function detectionData() {
  const dir = mkdtempSync(join(tmpdir(), 'secret-hook-build-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `export { detectionRules } from ${JSON.stringify(resolve('rules/detection.ts'))};\n` +
        `export { DETECTION_FIELDS } from ${JSON.stringify(resolve('rules/schema.ts'))};\n` +
        `export { catalogData } from ${JSON.stringify(resolve('src/engine/compile.ts'))};\n`,
    );
    const outfile = join(dir, 'detection.mjs');
    await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
    const { detectionRules, DETECTION_FIELDS, catalogData } = await import(pathToFileURL(outfile).href);
    const catalog = catalogData(detectionRules);
    return {
      rules: JSON.stringify(detectionRules),
      catalog: JSON.stringify(catalog),
      fieldNames: [...DETECTION_FIELDS],
      // For the program's file: the fields a commit reads of every rule, and each rule's fields as JSON text.
      file: JSON.stringify({
        ids: detectionRules.map((r) => r.id),
        testKeys: detectionRules.map((r) => r.testKey === true),
        fields: detectionRules.map((r) => JSON.stringify(r)),
        catalog,
      }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const data = await detectionData();

// The API's ES modules carry the data inline. The program reads it from dist/detection.json beside it: kept out
// of the bundle, it is neither read twice (source and code cache) nor carried through V8's code cache; and each
// rule's fields stay JSON text until a commit reads one of them, which it does only for its candidate rules.
const lazyRulesModule = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
const data = JSON.parse(readFileSync(join(__dirname, 'detection.json'), 'utf8'));
class PrecomputedRule {
  constructor(index) {
    this.id = data.ids[index];
    this.testKey = data.testKeys[index];
    this.index = index;
  }
}
for (const field of ${JSON.stringify(data.fieldNames)}) {
  if (field === 'id' || field === 'testKey') continue;
  Object.defineProperty(PrecomputedRule.prototype, field, {
    get() {
      return (this.fields ??= JSON.parse(data.fields[this.index]))[field];
    },
  });
}
export const detectionRules = data.ids.map((_, index) => new PrecomputedRule(index));
export const detectionCatalog = data.catalog;
`;
const precomputedDetectionRules = (where) => ({
  name: 'precomputed-detection-rules',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/]detection\.ts$/ }, () => ({
      contents:
        where === 'file'
          ? lazyRulesModule
          : `export const detectionRules = JSON.parse(${JSON.stringify(data.rules)});\n` +
            `export const detectionCatalog = JSON.parse(${JSON.stringify(data.catalog)});\n`,
      loader: 'js',
    }));
  },
});

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['isomorphic-git', 'picomatch', 'yaml'],
  define: { __SECRET_HOOK_VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
};

// The program: one CommonJS file, so that the launcher can run it with V8's code cache (src/runtime/code-cache.ts).
// Dynamic imports become requires of the same file's lazily initialised modules: a clean commit still runs only
// the code it needs, and what it does not need is parsed but never compiled.
// The full rules (advice, guides, examples: ~440 KB) are only needed to print findings or list rules: the program
// requires them from their own file, so that a clean commit neither reads nor parses them.
const fullRulesApart = {
  name: 'full-rules-apart',
  setup(b) {
    b.onResolve({ filter: /[\\/]rules[\\/]index\.js$/ }, () => ({ path: './rules.cjs', external: true }));
  },
};
await build({
  ...shared,
  plugins: [precomputedDetectionRules('inline')],
  entryPoints: { rules: 'rules/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
});
await build({
  ...shared,
  plugins: [precomputedDetectionRules('file'), fullRulesApart],
  entryPoints: { cli: 'hooks/cli.ts', launcher: 'hooks/launcher.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  supported: { 'dynamic-import': false },
  define: { ...shared.define, 'import.meta.url': '__filename' },
});
writeFileSync('dist/detection.json', data.file);
// `import * as fs from 'node:fs'` becomes __toESM(require('node:fs')), which copies every export of the module
// into a new object: ~0.6 ms per commit for fs, path and zlib. A builtin's own exports object serves the same
// (the architecture test keeps default imports of builtins, which would need the copy, out of the sources).
for (const file of ['dist/cli.cjs', 'dist/launcher.cjs']) {
  const code = readFileSync(file, 'utf8');
  writeFileSync(file, code.replace(/__toESM\((require\("node:[a-z_/]+"\)), 1\)/g, '$1'));
}

// The programmatic API: ES modules, one chunk per lazily loaded part.
await build({
  ...shared,
  plugins: [precomputedDetectionRules('inline')],
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
});

// Type declarations for the programmatic API (package.json "types").
if (!process.argv.includes('--no-types')) {
  const { execFileSync } = await import('node:child_process');
  const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
