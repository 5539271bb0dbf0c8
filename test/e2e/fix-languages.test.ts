// `secret-hook fix --yes` after a blocked commit, per language of issue 16: a real file with a fake key, the packed
// CLI in a real repository. Each checks the exact file written (the rewritten line is the report's `→` line), that
// the file still parses or compiles where a checker is installed (a missing one is named in the skipped test's
// title, never passed silently), the .env, .gitignore and .env.example, that the index is byte-identical, that
// nothing printed holds the key, and that the commit passes once the fix is staged.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const keys = new FakeKeys(1603);
const key = `sk_live_${keys.chars('base62', 40)}`;

const sandboxes = sandboxesCleanedAfterEach();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-fix-check-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Whether a program runs here (`--version` or the arguments given). */
function installed(program: string, args = ['--version'], input = ''): boolean {
  return spawnSync(program, args, { encoding: 'utf8', input }).status === 0;
}

/** Runs a checker in a scratch directory holding `file`; its output on failure. */
function check(file: string, content: string, program: string, args: (file: string) => string[], extra = {}) {
  const dir = fs.mkdtempSync(path.join(scratch, 'c-'));
  const target = path.join(dir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), text as string);
  const result = spawnSync(program, args(target), {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GOCACHE: path.join(dir, '.gocache'),
      GOPATH: path.join(dir, '.gopath'),
      GOFLAGS: '-mod=mod',
      GOTOOLCHAIN: 'local',
    },
  });
  return {
    ok: result.status === 0 && (program !== 'gofmt' || result.stdout.trim() === ''),
    output: `${result.stdout}${result.stderr}`,
  };
}

interface Checker {
  name: string;
  available: boolean;
  run: (file: string, content: string) => { ok: boolean; output: string };
}

const CHECKERS = {
  node: {
    name: 'node --check',
    available: true,
    run: (f: string, c: string) => check(f, c, process.execPath, (t) => ['--check', t]),
  },
  typescript: {
    name: 'the TypeScript parser',
    available: true,
    run: (f: string, c: string) => {
      const out = ts.transpileModule(c, {
        fileName: f,
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.ESNext },
      });
      const problems = (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      return { ok: problems.length === 0, output: problems.join('\n') };
    },
  },
  python: {
    name: 'python3 -m py_compile',
    available: installed('python3'),
    run: (f: string, c: string) => check(f, c, 'python3', (t) => ['-m', 'py_compile', t]),
  },
  ruby: {
    name: 'ruby -c',
    available: installed('ruby'),
    run: (f: string, c: string) => check(f, c, 'ruby', (t) => ['-c', t]),
  },
  gofmt: {
    name: 'gofmt -l',
    available: installed('gofmt', ['-l'], 'package x\n'),
    run: (f: string, c: string) => check(f, c, 'gofmt', (t) => ['-l', t]),
  },
  go: {
    name: 'go build',
    available: installed('go', ['version']),
    run: (f: string, c: string) =>
      check(f, c, 'go', () => ['build', './...'], { 'go.mod': 'module example.com/app\n\ngo 1.19\n' }),
  },
  javac: {
    name: 'javac',
    available: installed('javac', ['-version']),
    run: (f: string, c: string) => check(f, c, 'javac', (t) => ['-d', path.dirname(t), t]),
  },
  kotlinc: {
    name: 'kotlinc',
    available: installed('kotlinc', ['-version']),
    run: (f: string, c: string) => check(f, c, 'kotlinc', (t) => [t, '-d', path.dirname(t)]),
  },
  php: {
    name: 'php -l',
    available: installed('php', ['-v']),
    run: (f: string, c: string) => check(f, c, 'php', (t) => ['-l', t]),
  },
  rustc: {
    name: 'rustc',
    available: installed('rustc'),
    run: (f: string, c: string) =>
      check(f, c, 'rustc', (t) => ['--edition', '2021', '--emit=metadata', '-o', `${t}.rmeta`, t]),
  },
  bash: {
    name: 'bash -n',
    available: installed('bash'),
    run: (f: string, c: string) => check(f, c, 'bash', (t) => ['-n', t]),
  },
  yaml: {
    name: 'a YAML parser',
    available: true,
    run: (_f: string, c: string) => {
      const doc = parseDocument(c);
      return { ok: doc.errors.length === 0, output: doc.errors.map((e) => e.message).join('\n') };
    },
  },
} satisfies Record<string, Checker>;

interface Case {
  language: string;
  /** Committed before (a project file says where the project's .env is). */
  project?: Record<string, string>;
  path: string;
  before: string;
  after: string;
  /** The .env the value goes to (none: GitHub's secrets). */
  envFile: string | null;
  env: string;
  checkers: Checker[];
  /** What the parsed file must say (YAML). */
  parsed?: (text: string) => void;
  /** Printed besides the plan. */
  prints?: string[];
}

const cases: Case[] = [
  {
    language: 'JavaScript (server)',
    project: { 'package.json': '{ "name": "billing", "private": true }\n' },
    path: 'server/pay.js',
    before: `const Stripe = require("stripe");\n\nconst stripe = new Stripe("${key}", { apiVersion: "2024-06-20" });\nmodule.exports = stripe;\n`,
    after: `const Stripe = require("stripe");\n\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: "2024-06-20" });\nmodule.exports = stripe;\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.node],
  },
  {
    language: 'TypeScript (server), in a sub-project',
    project: { 'api/package.json': '{ "name": "api", "private": true }\n' },
    path: 'api/src/stripe.ts',
    before: `import Stripe from "stripe";\n\nexport const stripe: Stripe = new Stripe('${key}');\n`,
    after: `import Stripe from "stripe";\n\nexport const stripe: Stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`,
    envFile: 'api/.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.typescript],
  },
  {
    language: 'Python (import os added)',
    project: { 'pyproject.toml': '[project]\nname = "billing"\n' },
    path: 'billing/charge.py',
    before: `"""Charges."""\nimport json\n\nimport stripe\n\nstripe.api_key = "${key}"\n\n\ndef charge(amount):\n    return json.dumps(stripe.Charge.create(amount=amount))\n`,
    after: `"""Charges."""\nimport os\nimport json\n\nimport stripe\n\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]\n\n\ndef charge(amount):\n    return json.dumps(stripe.Charge.create(amount=amount))\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.python],
  },
  {
    language: 'Ruby',
    project: { Gemfile: 'source "https://rubygems.org"\n' },
    path: 'config/initializers/stripe.rb',
    before: `# frozen_string_literal: true\n\nStripe.api_key = '${key}'\n`,
    after: `# frozen_string_literal: true\n\nStripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.ruby],
  },
  {
    language: 'Go ("os" added in gofmt order)',
    project: { 'go.mod': 'module example.com/billing\n\ngo 1.19\n' },
    path: 'billing/stripe.go',
    before: `package billing\n\nimport (\n\t"fmt"\n\t"strings"\n)\n\nvar stripeKey = "${key}"\n\nfunc Key() string { return strings.TrimSpace(fmt.Sprint(stripeKey)) }\n`,
    after: `package billing\n\nimport (\n\t"fmt"\n\t"os"\n\t"strings"\n)\n\nvar stripeKey = os.Getenv("STRIPE_SECRET_KEY")\n\nfunc Key() string { return strings.TrimSpace(fmt.Sprint(stripeKey)) }\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.gofmt, CHECKERS.go],
  },
  {
    language: "Java (the user's own variable name)",
    project: { 'pom.xml': '<project></project>\n' },
    path: 'src/main/java/Billing.java',
    before: `public class Billing {\n    static final String STRIPE_KEY = "${key}";\n\n    public static void main(String[] args) {\n        System.out.println(STRIPE_KEY.length());\n    }\n}\n`,
    after: `public class Billing {\n    static final String STRIPE_KEY = System.getenv("STRIPE_KEY");\n\n    public static void main(String[] args) {\n        System.out.println(STRIPE_KEY.length());\n    }\n}\n`,
    envFile: '.env',
    env: 'STRIPE_KEY',
    checkers: [CHECKERS.javac],
  },
  {
    language: 'Kotlin',
    project: { 'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n' },
    path: 'src/main/kotlin/Billing.kt',
    before: `fun connect(key: String): Int = key.length\n\nfun main() {\n    val stripeKey = "${key}"\n    println(connect(stripeKey))\n}\n`,
    after: `fun connect(key: String): Int = key.length\n\nfun main() {\n    val stripeKey = System.getenv("STRIPE_SECRET_KEY") ?: error("STRIPE_SECRET_KEY is not set")\n    println(connect(stripeKey))\n}\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.kotlinc],
  },
  {
    language: 'PHP',
    project: { 'composer.json': '{ "name": "acme/billing" }\n' },
    path: 'src/billing.php',
    before: `<?php\n\nrequire __DIR__ . '/../vendor/autoload.php';\n\n\\Stripe\\Stripe::setApiKey('${key}');\n`,
    after: `<?php\n\nrequire __DIR__ . '/../vendor/autoload.php';\n\n\\Stripe\\Stripe::setApiKey(getenv('STRIPE_SECRET_KEY'));\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.php],
  },
  {
    language: 'Rust (a &str, as the literal was)',
    project: { 'Cargo.toml': '[package]\nname = "billing"\nversion = "0.1.0"\nedition = "2021"\n' },
    path: 'src/main.rs',
    before: `fn connect(key: &str) -> usize {\n    key.len()\n}\n\nfn main() {\n    let key = "${key}";\n    println!("{}", connect(key));\n}\n`,
    after: `fn connect(key: &str) -> usize {\n    key.len()\n}\n\nfn main() {\n    let key = &*std::env::var("STRIPE_SECRET_KEY").expect("STRIPE_SECRET_KEY is not set");\n    println!("{}", connect(key));\n}\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.rustc],
  },
  {
    language: 'shell',
    path: 'scripts/charge.sh',
    before: `#!/usr/bin/env bash\nset -euo pipefail\n\ncurl https://api.stripe.com/v1/charges -u "${key}:" -d amount=100\n`,
    after: `#!/usr/bin/env bash\nset -euo pipefail\n\ncurl https://api.stripe.com/v1/charges -u "\${STRIPE_SECRET_KEY}:" -d amount=100\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.bash],
  },
  {
    language: 'docker-compose (.env beside the compose file)',
    project: { 'package.json': '{ "name": "app" }\n' },
    path: 'deploy/docker-compose.yml',
    before: `services:\n  api:\n    image: node:20\n    environment:\n      STRIPE_SECRET_KEY: ${key}\n      PORT: "8080"\n`,
    after: `services:\n  api:\n    image: node:20\n    environment:\n      STRIPE_SECRET_KEY: \${STRIPE_SECRET_KEY}\n      PORT: "8080"\n`,
    envFile: 'deploy/.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.yaml],
    parsed: (text) =>
      expect(
        (parseDocument(text).toJS() as { services: { api: { environment: object } } }).services.api.environment,
      ).toEqual({
        STRIPE_SECRET_KEY: '${STRIPE_SECRET_KEY}',
        PORT: '8080',
      }),
    prints: ['docker compose reads the .env beside the compose file'],
  },
  {
    language: 'GitHub workflow (the Actions secrets, no .env)',
    path: '.github/workflows/deploy.yml',
    before: `name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      STRIPE_SECRET_KEY: ${key}\n    steps:\n      - run: ./deploy.sh\n`,
    after: `name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      STRIPE_SECRET_KEY: \${{ secrets.STRIPE_SECRET_KEY }}\n    steps:\n      - run: ./deploy.sh\n`,
    envFile: null,
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.yaml],
    parsed: (text) =>
      expect((parseDocument(text).toJS() as { jobs: { deploy: { env: object } } }).jobs.deploy.env).toEqual({
        STRIPE_SECRET_KEY: '${{ secrets.STRIPE_SECRET_KEY }}',
      }),
    prints: ['gh secret set STRIPE_SECRET_KEY'],
  },
  {
    language: 'Kubernetes manifest (a secretKeyRef)',
    path: 'k8s/api-deployment.yaml',
    before: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n          env:\n            - name: STRIPE_SECRET_KEY\n              value: "${key}"\n`,
    after: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n          env:\n            - name: STRIPE_SECRET_KEY\n              valueFrom: { secretKeyRef: { name: stripe-secret-key, key: STRIPE_SECRET_KEY } }\n`,
    envFile: '.env',
    env: 'STRIPE_SECRET_KEY',
    checkers: [CHECKERS.yaml],
    parsed: (text) => {
      const manifest = parseDocument(text).toJS() as {
        spec: { template: { spec: { containers: { env: object[] }[] } } };
      };
      expect(manifest.spec.template.spec.containers[0]!.env).toEqual([
        {
          name: 'STRIPE_SECRET_KEY',
          valueFrom: { secretKeyRef: { name: 'stripe-secret-key', key: 'STRIPE_SECRET_KEY' } },
        },
      ]);
    },
    prints: ['kubectl create secret generic stripe-secret-key --from-literal=STRIPE_SECRET_KEY="$STRIPE_SECRET_KEY"'],
  },
];

/** The fixed file of each language, for its checkers. */
const fixedFiles = new Map<string, string>();

describe.each(cases)('secret-hook fix --yes: $language', (c) => {
  it('rewrites exactly the line the report showed, keeps the value in .env, leaves the index alone; the commit then passes', () => {
    const box = new Sandbox({ husky: false });
    sandboxes.push(box);
    box.seed({ 'README.md': '# app\n', ...c.project });
    box.write(c.path, c.before);
    box.gitOk('add', c.path);
    const blocked = box.run('git', ['commit', '-q', '-m', 'add billing'], { env: { COLUMNS: '300' } });
    expect(blocked.status, blocked.output).not.toBe(0);
    const beforeLines = c.before.split('\n');
    const rewritten = c.after
      .split('\n')
      .filter((l) => !beforeLines.includes(l) && l !== 'import os' && l !== '\t"os"');
    expect(rewritten).toHaveLength(1);
    const changed = rewritten[0]!;
    // The report's → line is the line fix writes.
    expect(blocked.output).toContain(`→ ${changed.trim()}`);
    expect(blocked.output).toContain('Run npx secret-hook fix');

    const head = box.head();
    const index = box.indexBytes();
    const fixed = box.secretHook(['fix', '--yes'], { env: { COLUMNS: '300' } });
    expect(fixed.status, fixed.output).toBe(0);
    expect(box.indexBytes()).toEqual(index);
    expect(box.head()).toBe(head);
    expect(fixed.output).not.toContain(key);
    expect(fixed.output).toContain('Scanned again: no secret is left');
    for (const text of c.prints ?? []) expect(fixed.output).toContain(text);

    const written = fs.readFileSync(path.join(box.dir, c.path), 'utf8');
    expect(written).toBe(c.after);
    fixedFiles.set(c.language, written);
    c.parsed?.(written);

    const toStage = [c.path];
    if (c.envFile === null) {
      expect(fs.existsSync(path.join(box.dir, '.env'))).toBe(false);
      expect(fs.existsSync(path.join(box.dir, '.gitignore'))).toBe(true); // the sandbox's own, untouched
    } else {
      const envPath = path.join(box.dir, c.envFile);
      expect(fs.readFileSync(envPath, 'utf8')).toBe(`${c.env}=${key}\n`);
      expect(fs.statSync(envPath).mode & 0o777).toBe(0o600);
      expect(box.git('check-ignore', '-q', c.envFile).status, `${c.envFile} is ignored`).toBe(0);
      const example = path.posix.join(path.posix.dirname(c.envFile), '.env.example');
      expect(fs.readFileSync(path.join(box.dir, example), 'utf8')).toBe(`${c.env}=\n`);
      expect(fs.readFileSync(path.join(box.dir, '.gitignore'), 'utf8')).toBe(`node_modules\n/${c.envFile}\n`);
      toStage.push(example, '.gitignore');
    }

    box.gitOk('add', ...toStage);
    const commit = box.git('commit', '-q', '-m', 'add billing');
    expect(commit.status, commit.output).toBe(0);
    expect(box.gitOk('show', `HEAD:${c.path}`)).toBe(c.after);
    expect(box.gitOk('ls-files')).not.toContain('.env\n');
  });

  for (const checker of c.checkers) {
    it.skipIf(!checker.available)(
      `the fixed file still ${checker === CHECKERS.gofmt ? 'is gofmt-clean' : 'parses'}: ${checker.name}${checker.available ? '' : ` (skipped: ${checker.name.split(' ')[0]} is not installed)`}`,
      () => {
        const written = fixedFiles.get(c.language);
        expect(written, 'the fix test above ran').toBeDefined();
        const result = checker.run(c.path, written!);
        expect(result.ok, result.output).toBe(true);
        // The checker can fail: an unterminated string added to the same file is reported.
        expect(checker.run(c.path, `${written!}"unterminated\n`).ok).toBe(false);
      },
    );
  }
});
