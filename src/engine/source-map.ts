// A source map's `mappings` (https://tc39.es/ecma426/, "mappings"): base64 VLQ numbers saying which generated
// column came from which source line. Never a secret, but a long run of base64 letters where shapes, keywords and
// near words turn up by chance (`pwD`, `CiO`): it is blanked before a `.map` file is scanned. The map's
// `sourcesContent`, the project's own code, is scanned as source (generated-files.ts).

/** A source map by its name: `app.js.map`, `styles.css.map`. */
export function isSourceMapPath(path: string): boolean {
  return path.endsWith('.map');
}

// The VLQ alphabet and its separators hold no quote or backslash, so the value ends at the first `"`. Linear: a
// match ends where the run of VLQ characters does, and no run holds the next `"mappings"`.
const MAPPINGS = /("mappings"[ \t\r\n]{0,16}:[ \t\r\n]{0,16}")([A-Za-z0-9+/,;]+)(?=")/g;

/** `text` with every `"mappings"` value replaced by as many blanks: offsets and lines stay where they were. */
export function blankMappings(text: string): string {
  if (!text.includes('"mappings"')) return text;
  return text.replace(MAPPINGS, (_all, head: string, value: string) => head + ' '.repeat(value.length));
}
