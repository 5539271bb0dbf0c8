// Builds dist/ with esbuild: the program as one CommonJS file run by a small launcher, and the API as ES modules.
// No TypeScript runtime ships. The build writes data, never code: the built-in catalog precomputed as
// dist/detection.json (each rule's detection fields and the keyword automata: src/engine/precomputed-rules.ts), read
// by the program through src/catalog/builtin-detection-file.ts. Before anything is bundled, every built-in rule's
// examples are proved through exactly that data (src/engine/prove-examples.ts): a broken rule fails the build.
import { build, transform } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
mkdirSync(new URL('../dist', import.meta.url));

/** The build's own tools, bundled from the sources into a temporary module: the catalog, its data, its proof. */
async function loadTools() {
  const dir = mkdtempSync(join(tmpdir(), 'secret-hook-build-'));
  try {
    const entry = join(dir, 'entry.ts');
    const from = (file) => JSON.stringify(resolve(file));
    writeFileSync(
      entry,
      `export { builtinRules } from ${from('rules/index.ts')};\n` +
        `export { detectionPart } from ${from('rules/schema.ts')};\n` +
        `export { compileCatalog } from ${from('src/engine/compile.ts')};\n` +
        `export { precomputeCatalog, precomputedRules } from ${from('src/engine/precomputed-rules.ts')};\n` +
        `export { proveExamples } from ${from('src/engine/prove-examples.ts')};\n` +
        `export { FakeKeys } from ${from('src/engine/example-keys.ts')};\n`,
    );
    const outfile = join(dir, 'tools.mjs');
    await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tools = await loadTools();
const detectionJson = JSON.stringify(tools.precomputeCatalog(tools.builtinRules.map(tools.detectionPart)));
writeFileSync('dist/detection.json', asciiOnly(detectionJson));

// The proof runs on the rules as the program reads them back from the file, with its precomputed automata, and
// with each rule's placeholders expanded by keys seeded by its id (the rule tests expand them the same way).
{
  const data = JSON.parse(detectionJson);
  const catalog = tools.compileCatalog(tools.precomputedRules(data), { precomputed: data.catalog });
  const failures = tools.builtinRules.flatMap((rule) => {
    const keys = tools.FakeKeys.forRule(rule.id);
    return tools
      .proveExamples(catalog, rule, (template) => keys.expand(template))
      .filter((proof) => !proof.holds)
      .map(
        (proof) =>
          `  ${rule.id} ${proof.list}[${proof.index}] ${proof.list === 'examples' ? 'not found' : 'found'}: ${proof.example}`,
      );
  });
  if (failures.length > 0) {
    console.error(`build: ${failures.length} rule example(s) do not hold:\n${failures.join('\n')}`);
    process.exit(1);
  }
}

// The runtime dependencies stay packages of their own in the npm package (npm shares and updates them). A release
// for the pre-commit framework (`--vendor`, scripts/release-pre-commit.sh) has no node_modules: each dependency is
// bundled into dist/vendor/<name>.cjs and required from there, still only on first use.
const DEPENDENCIES = ['isomorphic-git', 'picomatch', 'yaml'];
const vendor = process.argv.includes('--vendor');
const vendored = {
  name: 'vendored-dependencies',
  setup(b) {
    const names = new RegExp(`^(${DEPENDENCIES.join('|')})$`);
    b.onResolve({ filter: names }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: DEPENDENCIES,
  define: { __SECRET_HOOK_VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
};

// The program reads the catalog from dist/detection.json: the seam module (src/catalog/builtin-detection.ts) is
// replaced by the one that reads the file.
const detectionFromFile = {
  name: 'detection-from-file',
  setup(b) {
    b.onResolve({ filter: /[\\/]catalog[\\/]builtin-detection\.js$/ }, () => ({
      path: resolve('src/catalog/builtin-detection-file.ts'),
    }));
  },
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
  entryPoints: { rules: 'rules/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
});
const program = {
  ...shared,
  plugins: [detectionFromFile, fullRulesApart, ...(vendor ? [vendored] : [])],
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  supported: { 'dynamic-import': false },
  define: { ...shared.define, 'import.meta.url': '__filename' },
};
await build({ ...program, entryPoints: { cli: 'hooks/cli.ts', launcher: 'hooks/launcher.ts' } });
// The pre-commit hook's own bundle: the same program with the other commands left out (src/commands/cli.ts), so
// that a commit reads, checks and compiles less of it (docs/performance.md, "Start-up budget"). The launcher sends
// it the pre-commit hook alone.
await build({
  ...program,
  entryPoints: { 'pre-commit': 'hooks/cli.ts' },
  define: { ...program.define, __SECRET_HOOK_PRE_COMMIT_ONLY__: 'true' },
});
// Built-in modules required directly (requireBuiltinsDirectly, below), then minified: the rewrite reads esbuild's
// own names, which minifying would shorten. Less text to read, hash and compile on every commit: about 1.5 ms with
// the code cache and 2 without it (docs/performance.md, "Start-up budget"). Property names and strings are kept, so
// nothing a user reads changes; a stack trace shows short local names.
for (const file of ['dist/cli.cjs', 'dist/pre-commit.cjs', 'dist/launcher.cjs']) {
  const { code } = await transform(requireBuiltinsDirectly(readFileSync(file, 'utf8'), file), {
    minify: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
  });
  writeFileSync(file, asciiOnly(code, file));
}
if (vendor) {
  for (const name of DEPENDENCIES) {
    await build({
      ...shared,
      external: [],
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd() },
      outfile: `dist/vendor/${name}.cjs`,
      format: 'cjs',
    });
  }
}

/**
 * The text with every non-ASCII character escaped (`\u2026`): the program reads ASCII files without decoding UTF-8
 * (src/ascii-text.ts). An escape means the same character in JSON, in a JavaScript string, regular
 * expression or comment, but not in a template literal's raw text: a bundle that could hold one (String.raw) is
 * refused rather than changed.
 */
function asciiOnly(text, file) {
  if (file && /[^\x00-\x7f]/.test(text) && text.includes('String.raw')) {
    console.error(`build: ${file}: non-ASCII text and String.raw: escaping could change a raw template`);
    process.exit(1);
  }
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * esbuild turns `import * as fs from 'node:fs'` into `__toESM(require("node:fs"))`, which copies every property of
 * the module onto a new object (fs has about 100), once per importing module: ~50 copies run on a clean commit,
 * 1.3–2.8 ms of it (docs/performance.md, "Start-up budget"). A built-in module needs no such interop (it has
 * neither `default` nor `__esModule`), so the program requires it directly. A default import of a built-in would
 * read `.default` from the copy: the build refuses it rather than break it.
 */
function requireBuiltinsDirectly(bundle, file) {
  const names = [];
  const text = bundle.replace(/([\w$]+) = __toESM\(require\("(node:[\w/]+)"\)(?:, 1)?\)/g, (_, name, id) => {
    names.push(name);
    return `${name} = require("${id}")`;
  });
  const reading = names.filter((name) => text.includes(`${name}.default`));
  if (reading.length > 0) {
    console.error(`build: ${file}: default imports of built-in modules (use import * as): ${reading.join(', ')}`);
    process.exit(1);
  }
  return text;
}

// The programmatic API: ES modules, one chunk per lazily loaded part. It works the catalog out from the rules it
// carries anyway (for scanText and listRules), so it needs no data file.
await build({
  ...shared,
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
