// How a person runs secret-hook, for the commands a message tells them to type. Installed in a project, the
// program is on PATH only inside hooks and npm scripts (node_modules/.bin), so at a prompt it is `npx secret-hook`;
// installed globally it is `secret-hook`. The CLI says how to tell (commands/invocation.ts), asked only when a
// message is written.

let invocation: () => string = () => 'secret-hook';
let known: string | undefined;

/** Set once by the CLI: how to find out the command a person types, worked out on first use. */
export function setInvocation(find: () => string): void {
  invocation = find;
  known = undefined;
}

/** `secret-hook <args>` as a person types it here, e.g. ours('explain stripe-live-secret-key'). */
export function ours(args: string): string {
  known ??= invocation();
  return `${known} ${args}`;
}
