// The parts of a rule the engine does not read, for tests that build small inline rules: add an id, a title,
// keywords and a pattern.
export const RULE_BASE = {
  severity: 'high',
  examples: [],
  negativeExamples: [],
  fix: { env: 'X', provider: 'P', rotate: ['a', 'b'], docs: 'https://example.invalid' },
  guide: { grants: 'g', risks: 'r', checkMisuse: 'c' },
} as const;
