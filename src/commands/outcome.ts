// What a command hands back to its entry point: text for each stream and the exit code.
// 0: clean (or only warnings). 1: findings that block. 2: the scan itself failed (which blocks too).
// 3 (`fix` only): nothing was changed, because the changes were not confirmed.
export interface CommandOutcome {
  exitCode: 0 | 1 | 2 | 3;
  stdout: string;
  stderr: string;
}

export function outcome(exitCode: CommandOutcome['exitCode'], stdout = '', stderr = ''): CommandOutcome {
  return { exitCode, stdout, stderr };
}
