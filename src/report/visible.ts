// Text from the repository, made safe to print. File names, lines, commit subjects and authors, and the titles and
// advice of custom rules are written by whoever wrote the repository (or pushed it). Printed raw, a control
// character is an instruction to the terminal: `ESC[2J` clears the screen, `ESC]0;…BEL` sets the window title, a
// bare CR or cursor movement overwrites the report, and a C1 CSI (U+009B) does what `ESC[` does on terminals that
// honour C1 controls. A file name could erase the findings and print "No secrets found.". Unicode bidirectional
// controls cannot move the cursor, but they reorder how a line reads (a path can seem to end in `.txt`).
//
// So every such character is printed as an escape a reader can see: `\n`, `\r`, `\t`, `\x1b`, `\x9b`, `\u202e`.
// Backslashes are left alone: code excerpts are full of them (`"a\nb"` in a string literal), and doubling them would
// make every line harder to read to disambiguate only lines that already look hostile.

/**
 * C0 controls (U+0000–U+001F, newline included: a field is one line), DEL, C1 controls (U+0080–U+009F), the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
 * and the line and paragraph separators (U+2028, U+2029), which some terminals and viewers break lines at.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
/** What JSON.stringify leaves raw: the same, without U+0000–U+001F (which JSON escapes itself). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const RAW_IN_JSON_ALL = new RegExp(RAW_IN_JSON.source, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every control and bidirectional character written as a visible escape. */
export function visible(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (char) => NAMED[char] ?? escapeCode(char.charCodeAt(0)));
}

/**
 * JSON output (the json and sarif formats) keeps the exact values, since tools read them; but JSON.stringify
 * leaves DEL, the C1 controls, the bidirectional controls and U+2028/U+2029 raw (JSON must escape only
 * U+0000–U+001F). Outside strings a JSON text is ASCII, so these stand only inside strings, where `\uXXXX` is the
 * same value to any JSON reader and plain ASCII to a terminal that shows the document.
 */
export function visibleJson(json: string): string {
  if (!RAW_IN_JSON.test(json)) return json;
  return json.replace(RAW_IN_JSON_ALL, (char) => `\\u${hex(char.charCodeAt(0), 4)}`);
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}
