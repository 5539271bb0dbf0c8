// A change scanned as every added-lines scope scans it (staged, ranges, history, push): its added lines, their
// context and the whole new text, through the engine alone.
import type { CompiledCatalog } from '../../src/engine/compile.js';
import { scan, type Finding } from '../../src/engine/scan.js';
import { addedLines } from '../../src/git/added-lines.js';

export function scanChange(catalog: CompiledCatalog, before: string, after: string, path: string): Finding[] {
  const added = addedLines(before, after, catalog.contextLines);
  return scan(catalog, {
    path,
    text: added.text,
    lineNumbers: added.lineNumbers,
    ...(added.context ? { context: added.context } : {}),
    ...(added.offsets ? { source: { text: after, lineStarts: added.offsets } } : {}),
  });
}
