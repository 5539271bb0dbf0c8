// Findings of the real-code benchmark that a reviewer agrees are credentials or test keys (published in the
// packages' own tests, docs or examples), each with why. Everything else the benchmark reports is a false positive.
// `file` is the path in the benchmark's scratch repository (`packages/<name>/…` or `own/…`); `line` pins one
// finding when a file has several.
export interface ReviewedFinding {
  file: string;
  ruleId: string;
  line?: number;
  why: string;
}

export const REVIEWED: readonly ReviewedFinding[] = [];
