// Generic rules: secrets with no provider prefix, recognised by the name they are assigned to or the place they
// stand in (a command-line flag, an Authorization header, a URL's userinfo). A provider rule's finding on the same
// text always wins (see deduplicate() in src/engine/scan.ts).
import type { Rule } from '../schema.js';
import { genericAssignmentRules } from './assignments.js';
import { genericCallArgumentRules } from './call-arguments.js';
import { genericCommentRules } from './comments.js';
import { genericStructureRules } from './structure.js';
import { genericCliAndHttpRules } from './cli-and-http.js';
import { genericUrlCredentialRules } from './url-credentials.js';

export const genericRules: Rule[] = [
  ...genericAssignmentRules,
  ...genericCallArgumentRules,
  ...genericCommentRules,
  ...genericStructureRules,
  ...genericCliAndHttpRules,
  ...genericUrlCredentialRules,
];
