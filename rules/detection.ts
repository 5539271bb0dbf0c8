// The catalog as the engine needs it on every commit: detection fields only. The build replaces this module
// with the same data precomputed as one JSON string (scripts/build.mjs), so a clean commit neither parses the
// rules' advice and examples nor evaluates them; the full rules load only when a finding is printed.
import { builtinRules } from './index.js';
import { detectionPart, type DetectionRule } from './schema.js';

export const detectionRules: readonly DetectionRule[] = builtinRules.map(detectionPart);
