// What a command hands back to its entry point: text for each stream and the exit code.
// 0: clean (or only warnings). 1: findings that block. 2: the scan itself failed (which blocks too).
export interface CommandOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export function outcome(exitCode: 0 | 1 | 2, stdout = '', stderr = ''): CommandOutcome {
  return { exitCode, stdout, stderr };
}
