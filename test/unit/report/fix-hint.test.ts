// The right fix for each kind of file: a finding of the real engine in a file of that kind, rendered as the hook
// prints it. What follows `→` is the fix; for a string literal in code, it is the user's own line, fixed.
import { describe, expect, it } from 'vitest';
import { fileKind } from '../../../src/report/fix-hint.js';
import { redact } from '../../../src/report/redact.js';
import { FakeKeys } from '../../helpers/examples.js';
import { render, resultOf, scannedFindings } from '../../helpers/reports.js';

const keys = new FakeKeys(1401);
const live = `sk_live_${keys.chars('base62', 40)}`;

/** The report of one file, and the fix of its first finding (the `→` line and the note under it, unwrapped). */
function fixOf(path: string, content: string): { fix: string; report: string } {
  const findings = scannedFindings({ [path]: content });
  expect(findings.length, `a finding in ${path}`).toBeGreaterThan(0);
  const report = render(resultOf('staged', findings), 1000);
  const lines = report.split('\n');
  const at = lines.findIndex((l) => l.startsWith('    → '));
  const fix = [
    lines[at]!.slice(6),
    ...lines.slice(at + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('      '))),
  ]
    .map((l) => l.trim())
    .join(' ');
  return { fix, report };
}

describe('the fix for each kind of file', () => {
  it.each([
    [
      'JavaScript (server)',
      'src/pay.js',
      `const stripe = new Stripe("${live}");\n`,
      'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);',
    ],
    [
      'TypeScript (server)',
      'server/pay.ts',
      `const stripe = new Stripe('${live}', { apiVersion });\n`,
      'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion });',
    ],
    ['Python', 'app/billing.py', `stripe.api_key = "${live}"\n`, 'stripe.api_key = os.environ["STRIPE_SECRET_KEY"]'],
    [
      'Ruby',
      'config/initializers/stripe.rb',
      `Stripe.api_key = '${live}'\n`,
      'Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")',
    ],
    ['Go', 'billing/stripe.go', `\tstripe.Key = "${live}"\n`, 'stripe.Key = os.Getenv("STRIPE_SECRET_KEY")'],
    [
      'Java',
      'src/main/java/Billing.java',
      `    Stripe.apiKey = "${live}";\n`,
      'Stripe.apiKey = System.getenv("STRIPE_SECRET_KEY");',
    ],
    [
      'C#',
      'Billing/Startup.cs',
      `StripeConfiguration.ApiKey = "${live}";\n`,
      'StripeConfiguration.ApiKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");',
    ],
    [
      'PHP',
      'src/billing.php',
      `\\Stripe\\Stripe::setApiKey('${live}');\n`,
      "\\Stripe\\Stripe::setApiKey(getenv('STRIPE_SECRET_KEY'));",
    ],
    [
      'Rust',
      'src/billing.rs',
      `let key = "${live}";\n`,
      'let key = &*std::env::var("STRIPE_SECRET_KEY").expect("STRIPE_SECRET_KEY is not set");',
    ],
    [
      'Swift',
      'Sources/Billing.swift',
      `let stripeKey = "${live}"\n`,
      'let stripeKey = ProcessInfo.processInfo.environment["STRIPE_SECRET_KEY"]',
    ],
    [
      'shell, a use',
      'scripts/charge.sh',
      `curl https://api.stripe.com/v1/charges -u "${live}:"\n`,
      'curl https://api.stripe.com/v1/charges -u "${STRIPE_SECRET_KEY}:"',
    ],
    [
      'docker-compose',
      'docker-compose.yml',
      `services:\n  api:\n    environment:\n      STRIPE_SECRET_KEY: ${live}\n`,
      'STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY} compose reads it from your shell or an untracked .env.',
    ],
    [
      'GitHub Actions',
      '.github/workflows/deploy.yml',
      `jobs:\n  deploy:\n    env:\n      STRIPE_SECRET_KEY: ${live}\n`,
      'STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }} add STRIPE_SECRET_KEY under Settings → Secrets and variables → Actions.',
    ],
    [
      'GitLab CI',
      '.gitlab-ci.yml',
      `variables:\n  STRIPE_SECRET_KEY: "${live}"\n`,
      'STRIPE_SECRET_KEY: "$STRIPE_SECRET_KEY" add STRIPE_SECRET_KEY under Settings → CI/CD → Variables, masked and protected.',
    ],
    [
      'Java properties',
      'src/main/resources/application.properties',
      `stripe.secret-key=${live}\n`,
      'stripe.secret-key=${STRIPE_SECRET_KEY}',
    ],
    [
      'XML',
      'config/payment.xml',
      `<apiKey>${live}</apiKey>\n`,
      '<apiKey>${env:STRIPE_SECRET_KEY}</apiKey> or your framework',
    ],
    [
      '.env.example',
      '.env.example',
      `STRIPE_SECRET_KEY=${live}\n`,
      'STRIPE_SECRET_KEY= a committed template keeps the name with an empty value.',
    ],
  ])('%s', (_kind, path, content, expected) => {
    expect(fixOf(path, content).fix).toContain(expected);
  });

  it('Kotlin: Kotlin syntax, not Java; a String, not a String?', () => {
    const { fix } = fixOf('src/main/kotlin/Billing.kt', `Stripe.apiKey = "${live}"\n`);
    expect(fix).toBe('Stripe.apiKey = System.getenv("STRIPE_SECRET_KEY") ?: error("STRIPE_SECRET_KEY is not set")');
    expect(fileKind('build.gradle.kts')).toBe('kotlin');
  });

  it('Kotlin: a const val needs a compile-time value, so the fix is a statement', () => {
    const { fix } = fixOf('src/main/kotlin/Billing.kt', `const val STRIPE_KEY = "${live}"\n`);
    expect(fix).toBe('val stripeKey = System.getenv("STRIPE_KEY") ?: error("STRIPE_KEY is not set")');
  });

  it('shell: an assignment of the variable itself reads it from the environment, and fails when unset', () => {
    const { fix } = fixOf('deploy.sh', `export STRIPE_SECRET_KEY=${live}\n`);
    expect(fix).toContain('export STRIPE_SECRET_KEY="${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY in the environment}"');
    expect(fix).toContain("the caller's environment (or CI's secrets) sets STRIPE_SECRET_KEY");
  });

  it('shell: inside a longer single-quoted string nothing expands: a statement, and the line goes', () => {
    const { fix } = fixOf('deploy.sh', `curl -H 'Authorization: Bearer ${live}' https://api.stripe.com\n`);
    expect(fix).toContain(': "${STRIPE_SECRET_KEY:?set STRIPE_SECRET_KEY in the environment}"');
    expect(fix).toContain('delete the line that sets it');
  });

  it('Dockerfile: a run-time ENV is passed when the container starts, not at build time', () => {
    const { fix } = fixOf('Dockerfile', `FROM node:20\nENV STRIPE_SECRET_KEY=${live}\n`);
    expect(fix).toContain('docker run -e STRIPE_SECRET_KEY <image>');
    expect(fix).toContain('compose environment:');
    expect(fix).toContain('secret mount');
    expect(fix).not.toContain('RUN --mount');
  });

  it('Dockerfile: a build-time ARG becomes a build secret', () => {
    const { fix } = fixOf('docker/api.Dockerfile', `ARG STRIPE_SECRET_KEY=${live}\n`);
    expect(fix).toContain('RUN --mount=type=secret,id=stripe_secret_key,env=STRIPE_SECRET_KEY');
    expect(fix).toContain('docker build --secret id=stripe_secret_key,env=STRIPE_SECRET_KEY');
  });

  it('Kubernetes manifest: a Secret and secretKeyRef', () => {
    const manifest = `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: STRIPE_SECRET_KEY\n              value: "${live}"\n`;
    const { fix } = fixOf('k8s/api-deployment.yaml', manifest);
    expect(fix).toContain('valueFrom: { secretKeyRef: { name: stripe-secret-key, key: STRIPE_SECRET_KEY } }');
    expect(fix).toContain('kubectl create secret');
  });

  it('Helm values: existingSecret', () => {
    const { fix } = fixOf('charts/api/values.yaml', `stripe:\n  secretKey: ${live}\n`);
    expect(fix).toContain('existingSecret:');
    expect(fix).toContain('created outside git');
  });

  it('Terraform: a sensitive variable, or a secrets-manager data source', () => {
    const { fix } = fixOf('infra/main.tf', `resource "x" "y" {\n  api_key = "${live}"\n}\n`);
    expect(fix).toContain('variable "stripe_secret_key" { sensitive = true }');
    expect(fix).toContain('var.stripe_secret_key');
    expect(fix).toContain('TF_VAR_stripe_secret_key');
    expect(fix).toContain('aws_secretsmanager_secret_version');
  });

  it('Jupyter notebook: Python in a cell, and the outputs cleared', () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'code', source: [`stripe.api_key = "${live}"\n`] }] });
    const { fix } = fixOf('notebooks/explore.ipynb', notebook);
    expect(fix).toContain('import os; stripe_secret_key = os.environ["STRIPE_SECRET_KEY"]');
    expect(fix).toContain('jupyter nbconvert --clear-output');
  });

  it.each([
    ['a React component', 'src/components/Checkout.tsx', `const stripe = new Stripe("${live}");\n`],
    ['a Vue component', 'src/Checkout.vue', `const key = "${live}";\n`],
    ['a Svelte component', 'src/Checkout.svelte', `const key = "${live}";\n`],
    ['a file under public/', 'public/app.js', `window.KEY = "${live}";\n`],
    ['a VITE_ context', 'src/config.ts', `export const key = import.meta.env.VITE_STRIPE_KEY ?? "${live}";\n`],
    ['a NEXT_PUBLIC_ context', 'lib/stripe.js', `const key = process.env.NEXT_PUBLIC_STRIPE_KEY || "${live}";\n`],
  ])('front-end, %s: never in the browser, on a server endpoint', (_what, path, content) => {
    const { fix } = fixOf(path, content);
    expect(fix).toContain('never in browser code');
    expect(fix).toContain('inlines it');
    expect(fix).toContain('server endpoint');
    expect(fix).not.toContain('process.env.STRIPE_SECRET_KEY');
  });

  it.each([
    ['.env', `STRIPE_SECRET_KEY=${live}\n`],
    ['.env.production', `STRIPE_SECRET_KEY=${live}\n`],
    ['config/credentials.json', `{"stripe": "${live}"}\n`],
    ['deploy/id_ed25519', keys.pem('OPENSSH PRIVATE KEY')],
    ['certs/server.pem', keys.pem('RSA PRIVATE KEY')],
  ])('a whole-file secret (%s) leaves the commit and goes into .gitignore', (path, content) => {
    const { fix, report } = fixOf(path, content);
    expect(fix).toContain(`take ${path} out of the commit and out of git`);
    expect(report).toContain(`git restore --staged ${path}`);
    expect(report).toContain('.gitignore');
    expect(report).not.toContain('git add');
    expect(report).not.toMatch(/PRIVATE_KEY|from the environment/);
  });

  it('a private key in code is read from a file by path, never from a variable holding the key', () => {
    const { fix, report } = fixOf('src/sign.js', `const key = "${keys.pem('PRIVATE KEY', true)}";\n`);
    expect(fix).toBe('const privateKey = fs.readFileSync(process.env.PRIVATE_KEY_PATH, "utf8");');
    expect(report).not.toContain('process.env.PRIVATE_KEY;');
  });

  it('a private key is redacted on one line, without its line break', () => {
    const pem = `${keys.pem('RSA PRIVATE KEY')}\n`;
    const [finding] = scannedFindings({ 'certs/server.key': pem });
    expect(finding!.secret.endsWith('\n')).toBe(true);
    const shown = redact(finding!.secret);
    expect(shown).not.toMatch(/[\r\n]|\\n|-----$/);
    expect(shown).toMatch(/^\*{16}…[A-Za-z0-9+/=]{4}$/);
  });

  it.each([
    ['settings.py', `CLIENT_SECRET = "${keys.chars('base62', 40)}"\n`, 'CLIENT_SECRET = os.environ["CLIENT_SECRET"]'],
    [
      'src/mailer.js',
      `const mailerApiKey = "${keys.chars('base62', 40)}";\n`,
      'const mailerApiKey = process.env.MAILER_API_KEY;',
    ],
    ['config/app.yml', `payments_token: ${keys.chars('base62', 40)}\n`, 'payments_token: ${PAYMENTS_TOKEN}'],
  ])("a generic rule keeps the user's own name (%s)", (path, content, expected) => {
    const { fix } = fixOf(path, content);
    expect(fix).toContain(expected);
  });
});

describe('a value named by the structure around it', () => {
  it("a Terraform variable's default: the fix names the variable, not its default field", () => {
    const secret = keys.chars('base62', 32);
    const { fix } = fixOf(
      'infra/variables.tf',
      `variable "nextauth_secret" {\n  type    = string\n  default = "${secret}"\n}\n`,
    );
    expect(fix).toContain('variable "nextauth_secret"');
    expect(fix).not.toMatch(/var\.default|TF_VAR_default|variable "default"/);
  });

  it("an SSM parameter's value: the fix names a variable of the rule's, not the value field", () => {
    const secret = keys.chars('base62', 24);
    const ssm = `resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "SecureString"\n  value = "${secret}"\n}\n`;
    const { fix } = fixOf('infra/ssm.tf', ssm);
    expect(fix).toContain('var.db_password');
    expect(fix).not.toMatch(/var\.value|TF_VAR_value/);
  });

  it('a WordPress salt: the fix reads the constant of its own name', () => {
    const salt = keys.chars('base62', 64);
    const { fix } = fixOf('wp-config.php', `<?php\ndefine( 'NONCE_SALT',       '${salt}' );\n`);
    expect(fix).toContain("getenv('NONCE_SALT')");
  });

  it("a Kubernetes env entry's value: the fix reads the entry's own name from a Secret", () => {
    const secret = keys.chars('base62', 24);
    const { fix } = fixOf('k8s/deploy.yaml', `env:\n  - name: DB_PASSWORD\n    value: "${secret}"\n`);
    expect(fix).toContain('DB_PASSWORD');
  });
});
