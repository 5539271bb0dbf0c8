// What the program's build puts in place of ./builtin-detection.ts (scripts/build.mjs): the same exports, read from
// dist/detection.json beside the bundle, which the build wrote (src/engine/precomputed-rules.ts). Kept out of the
// bundle, the data is neither read twice (source and code cache) nor carried through V8's code cache. Only
// meaningful bundled into dist/cli.cjs, where `__dirname` is dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DetectionRule } from '../../rules/schema.js';
import type { CatalogData } from '../engine/compile.js';
import { precomputedRules, type PrecomputedCatalog } from '../engine/precomputed-rules.js';
import { textOf } from '../ascii-text.js';

const data = JSON.parse(textOf(readFileSync(join(__dirname, 'detection.json')))) as PrecomputedCatalog;

export const detectionRules: readonly DetectionRule[] = precomputedRules(data);

export const detectionCatalog: CatalogData | null = data.catalog;
