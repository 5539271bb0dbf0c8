// What a failure says to the user (its sentence and hint, as the failure paragraph prints them): typed errors carry
// facts, and tests that check the wording ask the messages module, as the program does.
import { describeFailure } from '../../src/report/messages/failures.js';

/** The words of the failure `run` throws; fails the test when it throws nothing. */
export function failureText(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return wordsOf(error);
  }
  throw new Error('expected a failure, and nothing was thrown');
}

export async function failureTextOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return wordsOf(error);
  }
  throw new Error('expected a failure, and nothing was thrown');
}

export function wordsOf(error: unknown): string {
  const said = describeFailure(error);
  return said ? `${said.message}. ${said.hint}` : (error as Error).message;
}
