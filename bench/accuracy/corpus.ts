// The labelled corpus: a deterministic list of files (seeded; every file has its own random stream, so file i is
// the same whatever the corpus size), each with the secrets that must be found and the look-alikes that must not.
import { formats, type Format } from './formats.js';
import { lookalikeGenerators } from './lookalikes.js';
import { Rng } from './rng.js';
import { secretGenerators, type Generator, type Item } from './secrets.js';

export interface Label {
  family: string;
  type: string;
  /** The value as generated (what must be found, or must not be reported). */
  value: string;
  /** How the value appears in the file when it differs (base64 in a Kubernetes Secret, XML-escaped). */
  written?: string;
  /** A test-mode key: must be found, and should be reported as non-blocking. */
  testKey?: boolean;
  /** Written with no word naming its provider nearby. */
  bare?: boolean;
}

export interface CorpusFile {
  path: string;
  format: string;
  content: string;
  /** Planted secrets: each must be found. */
  secrets: Label[];
  /** Planted look-alikes: none may be reported (any other finding is a false positive too). */
  lookalikes: Label[];
  /** Values that may be reported without penalty (a Customer.io Site ID next to its key, a Twilio Account SID). */
  tolerated: string[];
}

export interface CorpusOptions {
  files?: number;
  seed?: number;
}

export const DEFAULT_FILES = 3000;
export const DEFAULT_SEED = 1;

/**
 * How a value is compared with the file and with findings: whitespace and `\n`/`\r` escapes are dropped, so a PEM
 * body matches across lines, inside an escaped JSON string, or in a notebook cell.
 */
export function normalize(value: string): string {
  return value.replace(/\\+[nr]|\s+/g, '');
}

function pickCount(rng: Rng, entries: readonly (readonly [number, number])[], max: number): number {
  return Math.min(max, rng.weighted(entries));
}

/** Draws an item the format accepts (a few tries, then none). */
function drawItem(rng: Rng, generators: readonly Generator[], format: Format): Item | null {
  const entries = generators.map((g) => [g.weight, g] as const);
  for (let attempt = 0; attempt < 25; attempt++) {
    const item = rng.weighted(entries).make(rng);
    if (format.accepts(item)) return item;
  }
  return null;
}

export function buildFile(index: number, seed: number): CorpusFile {
  const rng = new Rng(seed).fork(`file-${index}`);
  const format = index < formats.length ? formats[index]! : rng.weighted(formats.map((f) => [f.weight, f] as const));
  const items: Item[] = [];
  if (format.maxItems > 0) {
    const secretCount = pickCount(
      rng,
      [
        [3, 0],
        [5, 1],
        [2, 2],
      ],
      format.maxItems,
    );
    const lookalikeCount = pickCount(
      rng,
      [
        [4, 0],
        [4, 1],
        [2, 2],
      ],
      format.maxItems - secretCount,
    );
    for (let i = 0; i < secretCount; i++) {
      const item = drawItem(rng, secretGenerators, format);
      if (item) items.push(item);
    }
    for (let i = 0; i < lookalikeCount; i++) {
      const item = drawItem(rng, lookalikeGenerators, format);
      if (item) items.push(item);
    }
  }
  const ordered = rng.shuffle(items);
  const rendered = format.render(rng, ordered);
  const written = rendered.written ?? new Map<string, string>();
  const label = (family: string, type: string, value: string, extra: Partial<Label> = {}): Label => {
    const w = written.get(value);
    return { family, type, value, ...(w !== undefined && w !== value ? { written: w } : {}), ...extra };
  };

  const secrets: Label[] = [];
  const lookalikes: Label[] = [];
  const tolerated: string[] = [];
  for (const item of ordered) {
    for (const target of item.targets) {
      const extra: Partial<Label> = {};
      if (item.testKey) extra.testKey = true;
      if (item.bare) extra.bare = true;
      (item.role === 'secret' ? secrets : lookalikes).push(label(item.family, item.type, target, extra));
    }
    for (const value of item.tolerated ?? [])
      tolerated.push(value, ...(written.has(value) ? [written.get(value)!] : []));
  }
  for (const native of rendered.nativeSecrets ?? []) secrets.push(label(native.family, native.type, native.value));
  for (const native of rendered.natives ?? []) lookalikes.push(label(native.family, native.type, native.value));

  // A look-alike item may carry values that only some of its snippets write (an Intercom user_hash): keep the ones
  // the file holds. Secrets are never dropped: a secret label missing from its file fails `assertLabelled`.
  const normalizedContent = normalize(rendered.content);
  const file: CorpusFile = {
    path: `r${String(index).padStart(4, '0')}/${rendered.path}`,
    format: format.id,
    content: rendered.content,
    secrets,
    lookalikes: lookalikes.filter((l) => normalizedContent.includes(normalize(l.written ?? l.value))),
    tolerated,
  };
  assertLabelled(file);
  return file;
}

/** Every label must be findable in its file: a labelling bug must fail loudly, not look like a scanner miss. */
export function assertLabelled(file: CorpusFile): void {
  const content = normalize(file.content);
  for (const l of [...file.secrets, ...file.lookalikes]) {
    const needle = normalize(l.written ?? l.value);
    if (needle.length === 0 || !content.includes(needle)) {
      throw new Error(
        `corpus: ${l.type} value not found in ${file.path} (${file.format}): ${JSON.stringify((l.written ?? l.value).slice(0, 40))}`,
      );
    }
  }
}

export function buildCorpus(options: CorpusOptions = {}): CorpusFile[] {
  const files = options.files ?? DEFAULT_FILES;
  const seed = options.seed ?? DEFAULT_SEED;
  return Array.from({ length: files }, (_, i) => buildFile(i, seed));
}

export const formatIds: readonly string[] = formats.map((f) => f.id);
