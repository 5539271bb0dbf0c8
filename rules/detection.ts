// The catalog as the engine needs it on every commit: detection fields only. The build replaces this module
// with the same data precomputed as one JSON string (scripts/build.mjs), so a clean commit neither parses the
// rules' advice and examples nor evaluates them; the full rules load only when a finding is printed.
import { builtinRules } from './index.js';
import { detectionPart, type DetectionRule } from './schema.js';

export const detectionRules: readonly DetectionRule[] = builtinRules.map(detectionPart);

/**
 * The catalog's keyword automata, precomputed by the build (src/engine/compile.ts `catalogData`); null here, where
 * the engine builds them itself. Typed loosely so that this data module need not import the engine.
 */
export const detectionCatalog: unknown = null;
