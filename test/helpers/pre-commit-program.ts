// The pre-commit framework's program for the integration tests (found by global-setup.ts, installed by
// scripts/install-test-tools.sh): one place that says what to run when it is missing.
import { expect, inject } from 'vitest';

/** The program's path; fails the test, naming the script that installs it, when the machine lacks it. */
export function preCommitProgram(): string {
  const program = inject('preCommitProgram');
  expect(
    program,
    'pre-commit >= 3.2 is missing: run scripts/install-test-tools.sh (it installs it in .tools/pre-commit; CI runs it)',
  ).not.toBe('');
  return program;
}
