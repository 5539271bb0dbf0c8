// A generic rule's value that repeats the name it is assigned to is a constant naming itself, not a secret:
// `SASL_SCRAM_512_AUTH = "SASL_SCRAM_512_AUTH"`, `"vmIdToken": "my_vmIdToken"`, `PASSWORD: "password-field"`.
// `head` is the match up to the value: the name (from its keyword on, as generic patterns are anchored there) and
// the assignment between.

export function namesItself(head: string, value: string): boolean {
  const name = lettersOf(head.replace(/[\s"'`=:,;>\[\]()|?-]+.*$/s, ''));
  if (name.length < 4) return false;
  return lettersOf(value).includes(name);
}

function lettersOf(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}
