// Builds dist/: the CLI and the API as ES modules, bundled with esbuild. Code splitting keeps each command in
// its own chunk, so the pre-commit path loads only what it needs; no TypeScript runtime ships.
// The rules' detection fields are precomputed into one JSON string (V8 parses JSON far faster than the object
// literals of ~240 rules with their advice and examples); the full rules stay a separate, lazily loaded chunk.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

async function detectionRulesJson() {
  const dir = mkdtempSync(join(tmpdir(), 'secret-hook-build-'));
  try {
    const outfile = join(dir, 'detection.mjs');
    await build({
      entryPoints: ['rules/detection.ts'],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'warning',
    });
    const { detectionRules } = await import(pathToFileURL(outfile).href);
    return JSON.stringify(detectionRules);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const json = await detectionRulesJson();
const precomputedDetectionRules = {
  name: 'precomputed-detection-rules',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/]detection\.ts$/ }, () => ({
      contents: `export const detectionRules = JSON.parse(${JSON.stringify(json)});\n`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: { cli: 'hooks/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['isomorphic-git', 'picomatch', 'yaml'],
  define: { __SECRET_HOOK_VERSION__: JSON.stringify(pkg.version) },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [precomputedDetectionRules],
});

// Type declarations for the programmatic API (package.json "types").
if (!process.argv.includes('--no-types')) {
  const { execFileSync } = await import('node:child_process');
  const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
