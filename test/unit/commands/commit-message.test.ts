// The message git will commit, from the commit-msg hook's file: each case is checked against git itself, which
// commits the same file with the same settings (git commit -F with --cleanup, and GIT_EDITOR), so the model cannot
// drift from what git does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBypassTrailers } from '../../../src/commands/bypass-trailer.js';
import {
  committedMessage,
  messageRules,
  SCISSORS,
  stripspace,
  withTrailerLines,
} from '../../../src/commands/commit-message.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const repo = new TempRepo();
afterAll(() => repo.cleanup());

/** What git stores for this file, committed with an editor that leaves it as it is, or without one. */
function gitCommits(text: string, settings: { cleanup: string | null; comment: string | null; editor: boolean }) {
  const file = path.join(repo.dir, 'MSG');
  fs.writeFileSync(file, text);
  const config = [
    ...(settings.cleanup ? ['-c', `commit.cleanup=${settings.cleanup}`] : []),
    ...(settings.comment ? ['-c', `core.commentChar=${settings.comment}`] : []),
  ];
  // `-e` with GIT_EDITOR=true runs an editor that changes nothing; git then adds its template, which is all
  // comments (and removed by a strip cleanup), so the test file itself must be what remains.
  execFileSync(
    'git',
    [
      ...config,
      'commit',
      '-q',
      '--allow-empty',
      '--allow-empty-message',
      '--no-status',
      '--no-verify',
      '-F',
      file,
      ...(settings.editor ? ['-e'] : []),
      // A scissors line in the hook's file comes from commit -v.
      ...(text.includes(SCISSORS) ? ['-v'] : []),
    ],
    { cwd: repo.dir, env: { ...repo.env, GIT_EDITOR: 'true' } },
  );
  return execFileSync('git', ['cat-file', 'commit', 'HEAD'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' })
    .split('\n\n')
    .slice(1)
    .join('\n\n');
}

const CASES: { name: string; text: string }[] = [
  { name: 'a plain message', text: 'Subject\n\nBody line\n' },
  {
    name: 'comment lines in the middle and at the end',
    text: 'Subject\n# a comment\n\n\nBody   \n# trailing comment\n\n',
  },
  { name: 'leading blank lines and no final newline', text: '\n\n  \nSubject\n\n\n\nBody' },
  { name: 'a scissors line and a diff below it', text: `Subject\n\n# ${SCISSORS}\ndiff --git a/x b/x\n+secret\n` },
  { name: 'a hash that is not at the start of the line', text: 'Subject  #1\n  # indented\n' },
];

describe('committedMessage', () => {
  for (const settings of [
    { cleanup: null, comment: null, editor: true },
    { cleanup: null, comment: null, editor: false },
    { cleanup: 'strip', comment: null, editor: false },
    { cleanup: 'whitespace', comment: null, editor: true },
    { cleanup: 'verbatim', comment: null, editor: false },
    { cleanup: null, comment: ';', editor: true },
  ]) {
    for (const c of CASES) {
      it(`${c.name}, ${JSON.stringify(settings)}: what git commits`, () => {
        const text = settings.comment === ';' ? c.text.replace(/^#/gm, ';') : c.text;
        const rules = messageRules(settings, text);
        expect(committedMessage(text, rules)).toBe(gitCommits(text, settings));
      });
    }
  }

  it('cuts at the scissors line of commit -v, whatever the cleanup mode', () => {
    const text = `Subject\n\n# Please enter the commit message\n# ${SCISSORS}\n# Do not modify\ndiff\n+KEY\n`;
    for (const cleanup of ['verbatim', 'whitespace', 'strip', null]) {
      const message = committedMessage(text, messageRules({ cleanup, comment: null, editor: true }, text));
      expect(message).not.toContain('KEY');
      expect(message.startsWith('Subject')).toBe(true);
    }
  });

  it('keeps comment lines when no editor ran (git commit -m / -F): git keeps them then', () => {
    const text = 'Subject\n\n# token here\n';
    expect(committedMessage(text, messageRules({ cleanup: null, comment: null, editor: false }, text))).toContain(
      '# token here',
    );
    expect(committedMessage(text, messageRules({ cleanup: null, comment: null, editor: true }, text))).not.toContain(
      'token',
    );
  });

  it('with core.commentChar=auto, reads the comment character from the scissors line, else keeps comment lines', () => {
    const cut = `Subject\n; note\n; ${SCISSORS}\ndiff\n`;
    expect(messageRules({ cleanup: null, comment: 'auto', editor: true }, cut).comment).toBe(';');
    expect(committedMessage(cut, messageRules({ cleanup: null, comment: 'auto', editor: true }, cut))).toBe(
      'Subject\n',
    );
    const none = 'Subject\n# note\n';
    expect(messageRules({ cleanup: null, comment: 'auto', editor: true }, none).comment).toBeNull();
    expect(committedMessage(none, messageRules({ cleanup: null, comment: 'auto', editor: true }, none))).toBe(none);
  });

  it('takes a comment string of several characters (core.commentString, git 2.45)', () => {
    const text = 'Subject\n// note\n/ kept\n';
    expect(committedMessage(text, messageRules({ cleanup: 'strip', comment: '//', editor: true }, text))).toBe(
      'Subject\n/ kept\n',
    );
  });

  it('stripspace: empty when only comments and blanks are left', () => {
    expect(stripspace('\n# a\n\n# b\n', '#')).toBe('');
  });
});

describe('withTrailerLines', () => {
  const trailers = [
    'Secret-Hook-Bypass: test fixture',
    'Secret-Hook-Bypass-Finding: rule 0123456789abcdef0123 "a.env"',
  ];

  it('puts the trailers after the message, before the template comments and the scissors line', () => {
    const text = `Subject\n\nBody\n\n# Please enter the commit message\n#\n# ${SCISSORS}\ndiff\n+x\n`;
    const rules = messageRules({ cleanup: null, comment: null, editor: true }, text);
    const written = withTrailerLines(text, trailers, rules);
    expect(written.endsWith(`# Please enter the commit message\n#\n# ${SCISSORS}\ndiff\n+x\n`)).toBe(true);
    const message = committedMessage(written, rules);
    expect(message).toBe(`Subject\n\nBody\n\n${trailers.join('\n')}\n`);
    expect(parseBypassTrailers(message)?.reason).toBe('test fixture');
    expect(gitCommits(written, { cleanup: null, comment: null, editor: true })).toBe(message);
  });

  it('joins the last paragraph when it already holds trailers (Signed-off-by)', () => {
    const text = 'Subject\n\nSigned-off-by: A <a@example.invalid>\n';
    const rules = messageRules({ cleanup: null, comment: null, editor: false }, text);
    const message = committedMessage(withTrailerLines(text, trailers, rules), rules);
    expect(message).toBe(`Subject\n\nSigned-off-by: A <a@example.invalid>\n${trailers.join('\n')}\n`);
    expect(parseBypassTrailers(message)?.fingerprints.size).toBe(1);
  });
});
