// A value `secret-hook fix` writes to .env is read back exactly by the common readers: Node's own parser
// (util.parseEnv, the rules of the dotenv package), python-dotenv, and a shell sourcing the file (`set -a; . ./.env`,
// which is what docker compose's and most CI's rules approximate). A value no quoting keeps the same in all of them
// is refused, never written differently.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { envDirectory, envLine, envValues } from '../../../src/commands/fix/env-file.js';
import { seededRandom } from '../../helpers/examples.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-dotenv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const python = spawnSync('python3', ['-c', 'import dotenv'], { encoding: 'utf8' }).status === 0;

/** Values from an alphabet of everything the readers treat specially, and plain key characters. */
function values(count: number): string[] {
  const random = seededRandom(1602);
  const alphabet = `abcXYZ019_-./+:@%,=~ #$"'\`\\!&*(){}[]<>?;|^`;
  const out = ['sk_live_abc123', 'abc==', 'a b', ' lead', 'trail ', '#hash', 'a#b', '$HOME', '${HOME}', 'a"b', '`id`'];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 24);
    let value = '';
    for (let j = 0; j < length; j++) value += alphabet[Math.floor(random() * alphabet.length)];
    out.push(value);
  }
  return out;
}

const cases = values(300).map((value, i) => ({ name: `V${i}`, value, line: envLine(`V${i}`, value) }));
const written = cases.filter((c) => c.line !== null);
const file = path.join(dir, '.env');
fs.writeFileSync(file, written.map((c) => `${c.line}\n`).join(''));

describe('a .env value reads back exactly', () => {
  it('writes most values, refusing only those with a single quote, a backslash or a $', () => {
    for (const c of cases) {
      expect(c.line === null, c.value).toBe(/['\\$]/.test(c.value));
    }
    expect(written.length).toBeGreaterThan(60);
  });

  it("Node's parser (util.parseEnv, the dotenv package's rules)", () => {
    const parsed = parseEnv(fs.readFileSync(file, 'utf8'));
    for (const c of written) expect(parsed[c.name], c.line!).toBe(c.value);
  });

  it.skipIf(!python)(
    `python-dotenv${python ? '' : ' (skipped: python3 with the dotenv module is not installed)'}`,
    () => {
      const script = 'import dotenv, json, sys; print(json.dumps(dotenv.dotenv_values(sys.argv[1], interpolate=True)))';
      const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const parsed = JSON.parse(result.stdout) as Record<string, string>;
      for (const c of written) expect(parsed[c.name], c.line!).toBe(c.value);
    },
  );

  it('a shell sourcing it (set -a; . ./.env)', () => {
    const names = written.map((c) => c.name);
    const script = `set -a; . "$1"; set +a; for n in ${names.join(' ')}; do printf '%s\\0' "\${!n}"; done`;
    const result = spawnSync('bash', ['-c', script, 'bash', file], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] },
    });
    expect(result.status, result.stderr).toBe(0);
    const parsed = result.stdout.split('\0');
    written.forEach((c, i) => expect(parsed[i], c.line!).toBe(c.value));
  });

  it('reads its own lines back when it checks a value already there', () => {
    const parsed = envValues(fs.readFileSync(file, 'latin1'));
    for (const c of written) expect(parsed.get(c.name), c.line!).toBe(c.value);
  });
});

describe('where the .env file is', () => {
  const exists = (files: string[]) => (p: string) => files.includes(p);

  it('the directory of the nearest project file, else the root', () => {
    expect(envDirectory('javascript', 'web/api/src/pay.js', exists(['web/api/package.json', 'package.json'])).dir).toBe(
      'web/api',
    );
    expect(envDirectory('python', 'svc/app/b.py', exists(['svc/pyproject.toml'])).dir).toBe('svc');
    expect(envDirectory('go', 'cmd/x/main.go', exists([])).dir).toBe('');
  });

  it('docker compose: beside the compose file, and only .env (the one compose reads)', () => {
    expect(envDirectory('docker-compose', 'deploy/compose.yml', exists(['package.json']))).toEqual({
      dir: 'deploy',
      names: ['.env'],
    });
  });
});
