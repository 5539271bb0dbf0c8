// Amazon Resource Names (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html):
// `arn:partition:service:region:account-id:resource`. An ARN names a resource; no part of it is a credential, yet
// its resource part is full of 40-character runs and `secret:` names
// (`arn:aws:bedrock-agentcore:…:token-vault/abc123/apikeycredentialprovider/my-apikey`,
// `arn:aws:secretsmanager:…:secret:prod-db-AbC123`).

/** How far back the start of the ARN is looked for: resource parts are rarely longer. */
const MAX_ARN_REACH = 512;

/** Whether offset `at` of `text` lies inside an ARN: the blank- or quote-delimited token around it starts `arn:`. */
export function isInsideArn(text: string, at: number): boolean {
  const stop = Math.max(0, at - MAX_ARN_REACH);
  let start = at;
  while (start > stop) {
    const code = text.charCodeAt(start - 1);
    // A placeholder inside the ARN (`arn:aws:secretsmanager:<region>:…`) is part of it.
    if (code === GREATER) {
      // Looked for within the placeholder's bound only: an unbounded search back would cost the whole text per
      // candidate.
      const from = Math.max(stop, start - MAX_PLACEHOLDER);
      const open = text.slice(from, start).lastIndexOf('<');
      if (open >= 0 && PLACEHOLDER.test(text.slice(from + open, start))) {
        start = from + open;
        continue;
      }
    }
    if (TOKEN_END.has(code)) break;
    start--;
  }
  return ARN_START.test(text.slice(start, start + 80));
}

const GREATER = 0x3e;
const MAX_PLACEHOLDER = 42;
const PLACEHOLDER = /^<[A-Za-z0-9_-]{1,40}>$/;

// Blanks, quotes, the backslash of an escaped quote, and the punctuation that ends a value before a token starts.
const TOKEN_END = new Set([...' \t\r\n"\'`\\,;=([{<>|'].map((c) => c.charCodeAt(0)));
// `arn:aws:`, `arn:aws-cn:`, `arn:aws-us-gov:`, then a service name.
const ARN_START = /^arn:aws(?:-[a-z]{2,10}){0,2}:[a-z0-9-]{2,40}:/;
