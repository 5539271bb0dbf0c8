// The built-in catalog as the engine needs it on every commit: each rule's detection fields (no advice, no
// examples) and, when the build precomputed them, the keyword automata. This is the seam between the rules and the
// program: here, in source form (tests, the API, scripts), both are worked out from rules/ when first imported; the
// program's build puts ./builtin-detection-file.ts in its place (scripts/build.mjs), which reads the same from
// dist/detection.json, so that a clean commit neither parses the rules' advice and examples nor builds automata.
// The engine never imports this module: commands hand its exports to compileCatalog.
import { builtinRules } from '../../rules/index.js';
import { detectionPart, type DetectionRule } from '../../rules/schema.js';
import type { CatalogData } from '../engine/compile.js';

export const detectionRules: readonly DetectionRule[] = builtinRules.map(detectionPart);

/** The precomputed automata; null here, where compileCatalog builds them itself. */
export const detectionCatalog: CatalogData | null = null;
