// One contract for every scope: the same commits scanned staged (before each commit), as a range, in the history
// and at push give the same findings, rule ids, lines and fingerprints. Random edits of files that hold rule
// examples (keys generated at run time), with lines moved, duplicated, deleted and renamed, and a merge.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { FakeKeys, seededRandom } from '../helpers/examples.js';
import { Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  fingerprint: string;
  commit?: string;
}

const sandboxes = sandboxesCleanedAfterEach();

/** Example lines of rules that block by default, expanded, plus ordinary code. */
function linePool(keys: FakeKeys): string[] {
  const examples = builtinRules
    .filter((rule) => !rule.testKey)
    .flatMap((rule) => rule.examples.filter((e) => !e.includes('\n') && !e.includes('{{pem')))
    .map((e) => keys.expand(e));
  const plain = Array.from({ length: 60 }, (_, i) => `const value${i} = compute(${i}, "label ${i}");`);
  // Context words on lines of their own: whether a key nearby counts depends on the unchanged lines around it.
  const context = ['# aws credentials', 'provider: twilio', 'customerio:', '// mailgun settings', 'kind: Secret'];
  const bare = Array.from({ length: 6 }, () => [
    `secret: ${keys.chars('base64', 40)}`,
    `token = "${keys.chars('hex', 32)}"`,
  ]).flat();
  return [...examples, ...plain, ...context, ...context, ...bare];
}

function findings(result: { status: number; stdout: string; output: string }): JsonFinding[] {
  expect([0, 1], result.output).toContain(result.status);
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
}

const key = (f: JsonFinding) => `${f.fingerprint} ${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.commit ?? ''}`;

describe('every scope gives the same findings for the same added text', () => {
  it.each([1, 2, 3, 4, 5, 6])('random history %i', (seed) => {
    const random = seededRandom(seed * 7919);
    const keys = new FakeKeys(seed);
    const pool = linePool(keys);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const box = new Sandbox({ husky: false, install: false });
    sandboxes.push(box);
    const files = new Map<string, string[]>();
    const names = ['src/a.js', 'src/b.py', 'config/app.yaml', 'deploy.sh', '.env', 'docs/notes.md'];
    const staged: JsonFinding[] = [];

    for (let c = 0; c < 14; c++) {
      if (c === 9) {
        // A side branch, merged back below.
        box.gitOk('checkout', '-q', '-b', `side${seed}`);
        box.write('side.txt', `${pick(pool)}\n${pick(pool)}\n`);
        box.gitOk('add', 'side.txt');
        const side = findings(box.secretHook(['check', '--format', 'json']));
        box.gitOk('commit', '-q', '-m', 'side work');
        staged.push(...side.map((f) => ({ ...f, commit: box.head() })));
        box.gitOk('checkout', '-q', 'main');
      }
      const touched = new Set<string>();
      for (let e = 0; e < 1 + Math.floor(random() * 3); e++) {
        const name = pick(names);
        const lines = files.get(name) ?? [];
        const op = random();
        if (op < 0.5 || lines.length === 0) lines.splice(Math.floor(random() * (lines.length + 1)), 0, pick(pool));
        else if (op < 0.65) lines.splice(Math.floor(random() * lines.length), 1);
        else if (op < 0.8)
          lines.push(lines[Math.floor(random() * lines.length)]!); // a duplicated line
        else {
          const [moved] = lines.splice(Math.floor(random() * lines.length), 1);
          lines.splice(Math.floor(random() * (lines.length + 1)), 0, moved!);
        }
        files.set(name, lines);
        box.write(name, `${lines.join('\n')}\n`);
        touched.add(name);
      }
      box.gitOk('add', '--', ...touched);
      if (c === 6 && files.has('deploy.sh')) {
        // A rename with an edit: compared against the old name's content.
        box.gitOk('mv', 'deploy.sh', 'scripts-deploy.sh');
        names.splice(names.indexOf('deploy.sh'), 1, 'scripts-deploy.sh');
        files.set('scripts-deploy.sh', [...files.get('deploy.sh')!, pick(pool)]);
        files.delete('deploy.sh');
        box.write('scripts-deploy.sh', `${files.get('scripts-deploy.sh')!.join('\n')}\n`);
        box.gitOk('add', 'scripts-deploy.sh');
      }
      const before = findings(box.secretHook(['check', '--format', 'json']));
      box.gitOk('commit', '-q', '--allow-empty', '-m', `commit ${c}`);
      const oid = box.head();
      staged.push(...before.map((f) => ({ ...f, commit: oid })));
      if (c === 10) {
        // A clean merge introduces nothing of its own.
        const merge = box.git('merge', '-q', '--no-ff', '-m', 'merge side', `side${seed}`);
        expect(merge.status, merge.output).toBe(0);
      }
    }

    // A secret is reported once, with the oldest commit that added it: the staged findings, kept the same way.
    const oldestOf = (list: readonly JsonFinding[]) => {
      const oldest = new Map<string, JsonFinding>();
      for (const f of list) if (!oldest.has(f.fingerprint)) oldest.set(f.fingerprint, f);
      return [...oldest.values()].map(key).sort();
    };
    const expected = oldestOf(staged);
    expect(expected.length, 'the random history holds secrets').toBeGreaterThan(3);

    const history = findings(box.secretHook(['check', '--history', '--format', 'json']))
      .map(key)
      .sort();
    const root = box.git('rev-list', '--max-parents=0', 'HEAD').stdout.trim();
    const range = findings(box.secretHook(['check', `${root}..HEAD`, '--format', 'json']));
    const push = findings(
      box.secretHook(['pre-push', 'origin', box.remote, '--format', 'json'], {
        input: `refs/heads/main ${box.head()} refs/heads/main ${'0'.repeat(40)}\n`,
      }),
    )
      .map(key)
      .sort();
    // The merge's side branch is reachable from main: every commit is in the history and in the push.
    expect(history).toEqual(expected);
    expect(push).toEqual(expected);
    // The range leaves out the root commit: the findings of every other commit.
    expect(range.map(key).sort()).toEqual(oldestOf(staged.filter((f) => f.commit !== root)));
  });
});
