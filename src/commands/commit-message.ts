// The message git will commit, from the file the commit-msg hook is given: git runs the hook on the file as it
// stands (its template comments, and with `commit -v` the diff below the scissors line), then cleans it. What the
// hook scans is what git stores, so that a message gives the same findings at commit time as in a push or a history
// scan. The cleanup follows git's builtin/commit.c and sequencer.c (cleanup_message, strbuf_stripspace,
// wt_status_locate_end): https://git-scm.com/docs/git-commit#Documentation/git-commit.txt---cleanupltmodegt
//
// What the hook can see: commit.cleanup (also from `git -c`), core.commentChar / core.commentString, and whether an
// editor ran (git sets GIT_EDITOR=: for the hook when none will). What it cannot: the --cleanup option. A mode given
// there is taken as the configured one; where that differs, what is scanned errs towards more text, except for
// comment lines under `--cleanup=verbatim|whitespace|scissors` with an editor (see README).

import { withBypassTrailers } from './bypass-trailer.js';

/** How git cleans the message: git's commit.cleanup values, after "default" and "scissors" are resolved. */
export type Cleanup = 'verbatim' | 'whitespace' | 'strip';

export interface MessageRules {
  cleanup: Cleanup;
  /** Lines starting with this are comments; null when it cannot be known (core.commentChar=auto, no scissors). */
  comment: string | null;
}

/** The scissors line of `commit -v` and `--cleanup=scissors`, after the comment string and a space. */
export const SCISSORS = '------------------------ >8 ------------------------';
/** The characters `core.commentChar=auto` picks from, in git's order. */
const AUTO_CANDIDATES = '#;@!$%^&|:';

/**
 * The rules for this commit: `cleanup` is commit.cleanup (null when unset), `comment` the last of
 * core.commentChar / core.commentString (null when unset), `editor` whether an editor ran.
 */
export function messageRules(
  settings: { cleanup: string | null; comment: string | null; editor: boolean },
  text: string,
): MessageRules {
  const mode = (settings.cleanup ?? 'default').toLowerCase();
  // "scissors" is "whitespace" plus the cut, which is made for every mode here.
  const cleanup: Cleanup =
    mode === 'verbatim'
      ? 'verbatim'
      : mode === 'whitespace' || mode === 'scissors'
        ? 'whitespace'
        : mode === 'strip'
          ? 'strip'
          : settings.editor
            ? 'strip'
            : 'whitespace';
  const configured = settings.comment ?? '#';
  if (configured.toLowerCase() !== 'auto') return { cleanup, comment: configured === '' ? '#' : configured };
  // auto: git chose a character that starts no line of the message; the scissors line shows which.
  const cut = [...AUTO_CANDIDATES].find((c) => scissorsAt(text, c) !== -1);
  return { cleanup, comment: cut ?? null };
}

/** Where the scissors line starts, or -1. Like git, a line that starts with the comment string and the cut line. */
export function scissorsAt(text: string, comment: string): number {
  const line = `${comment} ${SCISSORS}`;
  if (text.startsWith(line)) return 0;
  const at = text.indexOf(`\n${line}`);
  return at === -1 ? -1 : at + 1;
}

/** The message as git will store it. */
export function committedMessage(text: string, rules: MessageRules): string {
  const kept = beforeScissors(text, rules);
  if (rules.cleanup === 'verbatim') return kept;
  return stripspace(kept, rules.cleanup === 'strip' ? rules.comment : null);
}

/**
 * The message file with trailer lines added where git will keep them: after the message, before the comment lines
 * git drops after it and before the scissors line. Nothing else in the file changes.
 */
export function withTrailerLines(text: string, trailers: readonly string[], rules: MessageRules): string {
  let end = text.length;
  if (rules.comment !== null) {
    const cut = scissorsAt(text, rules.comment);
    if (cut !== -1) end = cut;
  }
  if (rules.cleanup === 'strip' && rules.comment !== null) {
    // Back over the comment lines and blank lines that end the message: git drops them.
    const head = text.slice(0, end);
    const starts = [0];
    for (let i = head.indexOf('\n'); i !== -1 && i + 1 < head.length; i = head.indexOf('\n', i + 1)) starts.push(i + 1);
    for (let i = starts.length - 1; i >= 0; i--) {
      const line = head.slice(starts[i], i + 1 < starts.length ? starts[i + 1]! - 1 : head.length);
      if (line.trim() !== '' && !line.startsWith(rules.comment)) break;
      end = starts[i]!;
    }
  }
  return `${withBypassTrailers(text.slice(0, end), trailers)}${text.slice(end)}`;
}

function beforeScissors(text: string, rules: MessageRules): string {
  // The comment string is unknown (auto, no scissors line): then there is no scissors line to cut at either.
  if (rules.comment === null) return text;
  const cut = scissorsAt(text, rules.comment);
  return cut === -1 ? text : text.slice(0, cut);
}

/**
 * git's strbuf_stripspace: comment lines dropped (when `comment` is given), trailing whitespace removed, runs of
 * blank lines made one, blank lines at both ends removed, and a final newline; empty when nothing is left.
 */
export function stripspace(text: string, comment: string | null): string {
  const out: string[] = [];
  let empties = 0;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (comment !== null && line.startsWith(comment)) continue;
    const kept = line.replace(/[ \t\r]+$/, '');
    if (kept === '') {
      empties++;
      continue;
    }
    if (empties > 0 && out.length > 0) out.push('');
    empties = 0;
    out.push(kept);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
