// The rewrite of one line, per language: exactly the secret's literal (with its quotes) is replaced by an expression
// of the same type, nothing else on the line moves; and where that is not certain from the line, the reason. The
// report's `→` line and `secret-hook fix` both take it from here (the e2e tests of fix check they agree).
import { describe, expect, it } from 'vitest';
import { autoFixable, fixFor, fileKind } from '../../../src/report/fix-hint.js';
import { actionsSecretName, applyEdits, rewriteLine, type RewriteRefusal } from '../../../src/report/rewrite.js';
import { FakeKeys } from '../../helpers/examples.js';

const keys = new FakeKeys(1601);
const key = `sk_live_${keys.chars('base62', 40)}`;

function rewrite(path: string, line: string, env = 'STRIPE_SECRET_KEY', secret = key) {
  return rewriteLine({ kind: fileKind(path, line), path, line, secret, env });
}

function rewritten(path: string, line: string, env?: string): string {
  const result = rewrite(path, line, env);
  if (!result.ok) throw new Error(`not rewritten: ${result.why}`);
  expect(applyEdits(line, result.edits)).toBe(result.line);
  return result.line;
}

function refused(path: string, line: string, secret = key): RewriteRefusal {
  const result = rewrite(path, line, 'STRIPE_SECRET_KEY', secret);
  if (result.ok) throw new Error(`rewritten: ${result.line}`);
  return result.why;
}

describe('a literal becomes an expression of the same type, the rest of the line untouched', () => {
  it.each([
    [
      'server JavaScript',
      'src/pay.js',
      `  const s = new Stripe("${key}", { a: 1 }); // pay`,
      '  const s = new Stripe(process.env.STRIPE_SECRET_KEY, { a: 1 }); // pay',
    ],
    [
      'a template literal without ${}',
      'src/pay.mjs',
      `const k = \`${key}\`;`,
      'const k = process.env.STRIPE_SECRET_KEY;',
    ],
    [
      'Python',
      'app/b.py',
      `\tstripe.api_key = '${key}'  # live`,
      '\tstripe.api_key = os.environ["STRIPE_SECRET_KEY"]  # live',
    ],
    ['a Python raw string, prefix and all', 'app/b.py', `k = r"${key}"`, 'k = os.environ["STRIPE_SECRET_KEY"]'],
    [
      'Ruby',
      'config/stripe.rb',
      `Stripe.api_key = "${key}".freeze`,
      'Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY").freeze',
    ],
    ['Go', 'b/s.go', `\tstripe.Key = "${key}"`, '\tstripe.Key = os.Getenv("STRIPE_SECRET_KEY")'],
    ['a Go raw string', 'b/s.go', `var k = \`${key}\``, 'var k = os.Getenv("STRIPE_SECRET_KEY")'],
    [
      'Java',
      'src/B.java',
      `    private static final String K = "${key}";`,
      '    private static final String K = System.getenv("STRIPE_SECRET_KEY");',
    ],
    [
      'Kotlin, alone',
      'src/B.kt',
      `val k = "${key}"`,
      'val k = System.getenv("STRIPE_SECRET_KEY") ?: error("STRIPE_SECRET_KEY is not set")',
    ],
    [
      'Kotlin, in an expression: parenthesised',
      'src/B.kt',
      `val n = "${key}".length`,
      'val n = (System.getenv("STRIPE_SECRET_KEY") ?: error("STRIPE_SECRET_KEY is not set")).length',
    ],
    [
      'PHP',
      'src/b.php',
      `\\Stripe\\Stripe::setApiKey('${key}');`,
      "\\Stripe\\Stripe::setApiKey(getenv('STRIPE_SECRET_KEY'));",
    ],
    [
      'Rust, a &str',
      'src/main.rs',
      `    let key = "${key}";`,
      '    let key = &*std::env::var("STRIPE_SECRET_KEY").expect("STRIPE_SECRET_KEY is not set");',
    ],
    [
      'Rust, before a method: parenthesised',
      'src/main.rs',
      `let n = "${key}".len();`,
      'let n = (&*std::env::var("STRIPE_SECRET_KEY").expect("STRIPE_SECRET_KEY is not set")).len();',
    ],
    [
      'shell, in double quotes',
      's.sh',
      `curl -u "${key}:" https://api.stripe.com`,
      'curl -u "${STRIPE_SECRET_KEY}:" https://api.stripe.com',
    ],
    [
      'shell, unquoted',
      's.sh',
      `stripe --api-key ${key} charges list`,
      'stripe --api-key "${STRIPE_SECRET_KEY}" charges list',
    ],
    ['shell, a whole single-quoted string', 's.sh', `KEY='${key}'`, 'KEY="${STRIPE_SECRET_KEY}"'],
    [
      'shell, the variable itself: fails when unset',
      's.sh',
      `export STRIPE_SECRET_KEY="${key}"`,
      'export STRIPE_SECRET_KEY="${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY in the environment}"',
    ],
    [
      'docker-compose',
      'docker-compose.yml',
      `      - STRIPE_SECRET_KEY=${key}`,
      '      - STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}',
    ],
    [
      'a GitHub workflow',
      '.github/workflows/ci.yml',
      `      STRIPE_SECRET_KEY: "${key}"`,
      '      STRIPE_SECRET_KEY: "${{ secrets.STRIPE_SECRET_KEY }}"',
    ],
    [
      'a Kubernetes env value',
      'k8s/deployment.yaml',
      `            value: "${key}" # live`,
      '            valueFrom: { secretKeyRef: { name: stripe-secret-key, key: STRIPE_SECRET_KEY } } # live',
    ],
  ])('%s', (_what, path, line, expected) => {
    expect(rewritten(path, line)).toBe(expected);
  });

  it('a pair (Customer.io): both halves, each its own variable', () => {
    const [site, api] = [keys.chars('hex', 20), keys.chars('hex', 32)];
    const line = `cio = CustomerIO('${site}', '${api}')`;
    const result = rewriteLine({
      kind: 'python',
      path: 'a.py',
      line,
      secret: `${site}:${api}`,
      env: 'CUSTOMERIO_API_KEY',
      pairEnv: 'CUSTOMERIO_SITE_ID',
    });
    expect(result.ok && result.line).toBe(
      'cio = CustomerIO(os.environ["CUSTOMERIO_SITE_ID"], os.environ["CUSTOMERIO_API_KEY"])',
    );
    expect(result.ok && result.reads).toEqual([
      { env: 'CUSTOMERIO_SITE_ID', value: site },
      { env: 'CUSTOMERIO_API_KEY', value: api },
    ]);
  });

  it('GitHub: a personal token never becomes the workflow token (no Actions secret may be named GITHUB_*)', () => {
    expect(actionsSecretName('GITHUB_TOKEN')).toBe('GH_TOKEN');
    const token = `ghp_${keys.chars('base62', 36)}`;
    const result = rewriteLine({
      kind: 'github-actions',
      path: '.github/workflows/x.yml',
      line: `      TOKEN: ${token}`,
      secret: token,
      env: 'GITHUB_TOKEN',
    });
    expect(result.ok && result.line).toBe('      TOKEN: ${{ secrets.GH_TOKEN }}');
    expect(result.ok && result.reads[0]!.env).toBe('GH_TOKEN');
  });
});

describe('what cannot be rewritten with certainty says why', () => {
  it.each([
    [
      'part of a longer string',
      'src/a.js',
      `fetch(u, { headers: { Authorization: "Bearer ${key}" } })`,
      'not-a-literal',
    ],
    ['in a comment', 'src/a.js', `run(); // old key "${key}"`, 'not-a-literal'],
    ['inside another string', 'src/a.py', `s = "key='${key}'"`, 'not-a-literal'],
    ['Python bytes', 'src/a.py', `k = b"${key}"`, 'not-plain-text'],
    ['a Python triple-quoted string', 'src/a.py', `k = """${key}"""`, 'not-a-literal'],
    ['a tagged template', 'src/a.js', `const q = sql\`${key}\`;`, 'not-plain-text'],
    ['twice on the line', 'src/a.js', `f("${key}", "${key}")`, 'repeated'],
    ['a Go const', 'a.go', `const stripeKey = "${key}"`, 'constant'],
    ['a Kotlin const val', 'a.kt', `const val KEY = "${key}"`, 'constant'],
    ['a Java annotation', 'A.java', `@Value("${key}") String k;`, 'constant'],
    ['a Rust const', 'a.rs', `pub const KEY: &str = "${key}";`, 'constant'],
    ['a Rust format string', 'a.rs', `println!("${key}");`, 'constant'],
    ['a PHP class constant', 'a.php', `    const KEY = '${key}';`, 'constant'],
    ['a PHP property default', 'a.php', `    private $key = '${key}';`, 'constant'],
    ['a PHP parameter default', 'a.php', `function pay($key = '${key}') {`, 'constant'],
    [
      'shell, inside a longer single-quoted string',
      'a.sh',
      `curl -H 'Authorization: Bearer ${key}' u`,
      'single-quoted',
    ],
    [
      'YAML, a plain value in a flow mapping',
      'docker-compose.yml',
      `    environment: { STRIPE_SECRET_KEY: ${key} }`,
      'flow-collection',
    ],
    ['Kubernetes, not an env value', 'k8s/deployment.yaml', `      args: ["--key", "${key}"]`, 'not-an-env-value'],
  ])('%s', (_what, path, line, why) => {
    expect(refused(path, line)).toBe(why);
  });

  it('a line longer than the report shows is not rewritten', () => {
    expect(refused('src/a.js', `const k = "${key}"; ${'x'.repeat(130)}`)).toBe('too-long');
  });
});

describe('one decision for the report and for fix', () => {
  const input = (path: string, lineText: string) => ({
    path,
    lineText,
    secret: key,
    excerpt: false,
    othersOnLine: false,
    ruleId: 'stripe-live-secret-key',
    env: 'STRIPE_SECRET_KEY',
    generic: false,
  });

  it("the report's code is the rewritten line, and fix writes it (autoFixable)", () => {
    const fix = fixFor(input('src/pay.js', `  const s = new Stripe("${key}");`));
    expect(fix.code).toBe('const s = new Stripe(process.env.STRIPE_SECRET_KEY);');
    expect(fix.rewrite.ok && fix.rewrite.line.trim()).toBe(fix.code);
    expect(autoFixable(fix)).toBe(true);
  });

  it.each([
    ['front-end code', 'src/Checkout.tsx', `const s = new Stripe("${key}");`],
    ['a kind fix does not edit (Terraform)', 'infra/main.tf', `  api_key = "${key}"`],
    ['a .env file', '.env', `STRIPE_SECRET_KEY=${key}`],
    ['a construct it cannot rewrite', 'src/a.js', `const h = "Bearer ${key}";`],
  ])('not auto-fixable: %s', (_what, path, line) => {
    expect(autoFixable(fixFor(input(path, line)))).toBe(false);
  });

  it('not auto-fixable: an excerpt, another secret on the line, a private key', () => {
    expect(autoFixable(fixFor({ ...input('a.js', `f("${key}")`), excerpt: true }))).toBe(false);
    expect(autoFixable(fixFor({ ...input('a.js', `f("${key}")`), othersOnLine: true }))).toBe(false);
    const pem = keys.pem('PRIVATE KEY', true);
    expect(autoFixable(fixFor({ ...input('a.js', `const k = "${pem}";`), secret: pem, ruleId: 'private-key' }))).toBe(
      false,
    );
  });
});
