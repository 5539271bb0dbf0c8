// The plan of `secret-hook fix` from real findings of the real engine, in a real working tree (nothing is written
// here: the plan only): several findings in one file share one import, a paired key goes to two variables, a .env
// that already holds the value is left alone, one that holds another value is not overwritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planFixes, type FileFindings } from '../../../src/commands/fix/plan.js';
import { writeArea } from '../../../src/commands/fix/working-file.js';
import { FakeKeys } from '../../helpers/examples.js';
import { RULES, scannedFindings } from '../../helpers/reports.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const keys = new FakeKeys(1607);
const live = `sk_live_${keys.chars('base62', 40)}`;
const webhook = `whsec_${keys.chars('base62', 32)}`;

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

function plan(files: Record<string, string>, existing: Record<string, string> = {}) {
  const repo = new TempRepo();
  repos.push(repo);
  for (const [file, text] of Object.entries({ ...existing, ...files })) repo.write(file, text);
  const found: FileFindings[] = Object.entries(files).map(([file, text]) => ({
    path: file,
    findings: scannedFindings({ [file]: text }),
    staged: null,
  }));
  const result = planFixes(found, {
    area: writeArea(repo.dir, [path.join(repo.dir, '.git')]),
    rules: RULES,
    tracked: () => false,
    ignored: () => new Set(),
    exists: (p) => fs.existsSync(path.join(repo.dir, p)),
  });
  const written = (file: string) => result.writes.find((w) => w.planned.path === file)?.after.toString('utf8');
  return { result, written };
}

describe('the plan of secret-hook fix', () => {
  it('two secrets in one Python file: both lines, one import', () => {
    const { result, written } = plan({
      'app/billing.py': `import stripe\n\nstripe.api_key = "${live}"\nWEBHOOK_SECRET = "${webhook}"\n`,
    });
    expect(result.left).toEqual([]);
    expect(written('app/billing.py')).toBe(
      `import os\nimport stripe\n\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]\nWEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"]\n`,
    );
    expect(written('.env')).toBe(`STRIPE_SECRET_KEY=${live}\nWEBHOOK_SECRET=${webhook}\n`);
    expect(written('.env.example')).toBe('STRIPE_SECRET_KEY=\nWEBHOOK_SECRET=\n');
  });

  it('a paired key (Customer.io): the Site ID and the key, each its own variable', () => {
    const [site, key] = [keys.chars('hex', 20), keys.chars('hex', 20)];
    const { result, written } = plan({
      'server/cio.js': `const cio = new TrackClient('${site}', '${key}', { region: RegionUS });\n`,
    });
    expect(result.left).toEqual([]);
    expect(written('server/cio.js')).toBe(
      'const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY, { region: RegionUS });\n',
    );
    expect(written('.env')).toBe(`CUSTOMERIO_SITE_ID=${site}\nCUSTOMERIO_TRACK_API_KEY=${key}\n`);
  });

  it('a .env that already holds the value gains nothing; the code is still fixed', () => {
    const { result, written } = plan(
      { 'server/pay.js': `const s = new Stripe("${live}");\n` },
      { '.env': `# local\nexport STRIPE_SECRET_KEY='${live}'\n` },
    );
    expect(result.left).toEqual([]);
    expect(written('.env')).toBeUndefined();
    expect(written('server/pay.js')).toBe('const s = new Stripe(process.env.STRIPE_SECRET_KEY);\n');
  });

  it('a .env that sets the name to another value is not overwritten, and the line is left', () => {
    const { result, written } = plan(
      { 'server/pay.js': `const s = new Stripe("${live}");\n` },
      { '.env': 'STRIPE_SECRET_KEY=sk_test_other\n' },
    );
    expect(result.left.map((l) => l.why)).toEqual([{ kind: 'env-conflict', file: '.env', env: 'STRIPE_SECRET_KEY' }]);
    expect(result.writes).toEqual([]);
    expect(written('server/pay.js')).toBeUndefined();
  });

  it('the same value twice in a commit goes to .env once', () => {
    const { result, written } = plan({
      'server/a.js': `const s = new Stripe("${live}");\n`,
      'server/b.js': `const t = new Stripe("${live}");\n`,
    });
    expect(result.fixed).toHaveLength(2);
    expect(written('.env')).toBe(`STRIPE_SECRET_KEY=${live}\n`);
  });
});
