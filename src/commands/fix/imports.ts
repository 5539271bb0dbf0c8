// What a rewritten line needs from the rest of its file: Python's `os.environ` needs `import os`, Go's `os.Getenv`
// needs the "os" package, and a Go constant declared in a `const ( … )` block cannot read the environment. The
// rewrite of the line itself is the report's (src/report/rewrite.ts); this adds the import where the language
// expects it, or says it cannot be placed with certainty.
import type { FileKind } from '../../report/fix-hint.js';
import type { Line } from './working-file.js';

/** New lines to insert before line `at` (0-based) of the file. */
export interface Insertion {
  at: number;
  lines: string[];
}

export type ImportNeed =
  { kind: 'none' } | { kind: 'insert'; insertion: Insertion } | { kind: 'unplaceable'; module: string };

/** `firstUse`: the first line (0-based) that will use the import: it must come after it. */
export function importNeeded(kind: FileKind, lines: readonly Line[], firstUse: number): ImportNeed {
  if (kind === 'python')
    return pythonOs(
      lines.map((l) => l.text),
      firstUse,
    );
  if (kind === 'go') return goOs(lines.map((l) => l.text));
  return { kind: 'none' };
}

/**
 * `import os` binds `os` (so do `import os.path` and `import sys, os`; `import os as o` and `from os import …` do
 * not). Added before the first top-level import that is not `from __future__` (those must come first), or else after
 * the shebang, encoding comment and module docstring; always before the first line that uses it.
 */
function pythonOs(lines: readonly string[], firstUse: number): ImportNeed {
  const bound = lines.some((line) => {
    const names = /^import\s+([^#;]+)/.exec(line)?.[1];
    return names?.split(',').some((n) => /^\s*os(?:\.[\w.]+)?\s*$/.test(n)) ?? false;
  });
  if (bound) return { kind: 'none' };
  let afterFuture = 0;
  let firstImport = -1;
  for (const [i, line] of lines.entries()) {
    if (/^from\s+__future__\s+import\b/.test(line)) {
      // A parenthesised list may span lines.
      afterFuture = line.includes('(') && !line.includes(')') ? closingLine(lines, i) + 1 : i + 1;
    } else if (/^(?:import|from)\s+[\w.]/.test(line)) {
      firstImport = i;
      break;
    }
  }
  const top = Math.max(afterFuture, topOfPythonModule(lines) ?? Infinity);
  const at = firstImport !== -1 && firstImport <= firstUse ? Math.max(firstImport, afterFuture) : top;
  return at <= firstUse ? insert(at, 'import os') : { kind: 'unplaceable', module: 'os' };
}

function closingLine(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(')')) return i;
  return lines.length - 1;
}

/** The first line after a shebang, comments, blank lines and a module docstring; null when it cannot be told. */
function topOfPythonModule(lines: readonly string[]): number | null {
  let i = 0;
  while (i < lines.length && /^\s*(?:#.*)?$/.test(lines[i]!)) i++;
  const docstring = /^[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (!docstring) return i;
  const quote = docstring[1]!;
  const rest = lines[i]!.slice(docstring[0].length);
  if (rest.includes(quote)) return rest.trimEnd().endsWith(quote) ? i + 1 : null;
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j]!.includes(quote)) return lines[j]!.trimEnd().endsWith(quote) ? j + 1 : null;
  }
  return null;
}

/**
 * Go: "os" imported without a name (or with the name os). Added to the first group of an `import ( … )` block in
 * gofmt's order (gofmt sorts each group by path), or as `import "os"` after the last single import, or after the
 * package clause.
 */
function goOs(lines: readonly string[]): ImportNeed {
  const single = /^import\s+(?:os\s+)?"os"\s*(?:\/\/.*)?$/;
  const spec = /^\s*(?:os\s+)?"os"\s*(?:\/\/.*)?$/;
  let block = -1;
  let lastSingle = -1;
  let packageLine = -1;
  for (const [i, line] of lines.entries()) {
    if (single.test(line)) return { kind: 'none' };
    if (packageLine === -1 && /^package\s+\w+/.test(line)) packageLine = i;
    if (/^import\s*\(\s*$/.test(line)) {
      for (let j = i + 1; j < lines.length && !/^\)/.test(lines[j]!); j++) {
        if (spec.test(lines[j]!)) return { kind: 'none' };
      }
      if (block === -1) block = i;
    } else if (/^import\s+(?:[\w.]+\s+)?"[^"]+"\s*(?:\/\/.*)?$/.test(line)) lastSingle = i;
    if (/^(?:func|type|var|const)\b/.test(line)) break; // imports come before any declaration
  }
  if (block !== -1) return goBlockInsertion(lines, block);
  if (lastSingle !== -1) return insert(lastSingle + 1, 'import "os"');
  if (packageLine === -1) return { kind: 'unplaceable', module: 'os' };
  const blankAfter = (lines[packageLine + 1] ?? '').trim() === '';
  return {
    kind: 'insert',
    insertion: blankAfter
      ? { at: packageLine + 2, lines: ['import "os"', ''] }
      : { at: packageLine + 1, lines: ['', 'import "os"', ''] },
  };
}

function goBlockInsertion(lines: readonly string[], block: number): ImportNeed {
  const group: { at: number; path: string; indent: string }[] = [];
  for (let j = block + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (/^\)/.test(line) || line.trim() === '') break;
    const match = /^(\s*)(?:[\w.]+\s+)?"([^"]+)"\s*(?:\/\/.*)?$/.exec(line);
    if (!match) return { kind: 'unplaceable', module: 'os' }; // a comment or something gofmt would sort around
    group.push({ at: j, path: match[2]!, indent: match[1]! });
  }
  const indent = group[0]?.indent ?? '\t';
  const after = group.find((g) => g.path > 'os');
  return insert(after ? after.at : block + 1 + group.length, `${indent}"os"`);
}

function insert(at: number, line: string): ImportNeed {
  return { kind: 'insert', insertion: { at, lines: [line] } };
}

/** Whether line `at` of a Go file stands inside a `const ( … )` block. */
export function inGoConstBlock(lines: readonly Line[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (/^const\s*\(/.test(text)) return true;
    if (/^\)/.test(text) || /^(?:func|type|var|import|package)\b/.test(text)) return false;
  }
  return false;
}
