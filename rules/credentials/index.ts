// Private keys (PEM, OpenSSH and bare bodies), other private-key formats, credential files, JWTs, Kubernetes
// Secrets, password hashes and connection strings.
import type { Rule } from '../schema.js';
import { connectionStringRules } from './connection-strings.js';
import { credentialFileRules } from './credential-files.js';
import { dotfileRules } from './dotfiles.js';
import { jwtRules } from './jwt.js';
import { keyFormatRules } from './key-formats.js';
import { kubernetesRules } from './kubernetes.js';
import { npmrcRules } from './npmrc.js';
import { passwordHashRules } from './password-hashes.js';
import { privateKeyRules } from './private-keys.js';

export const credentialsRules: Rule[] = [
  ...privateKeyRules,
  ...keyFormatRules,
  ...jwtRules,
  ...kubernetesRules,
  ...npmrcRules,
  // Credential files before the content rules of the same lines: at one place, theirs is the finding.
  ...credentialFileRules,
  ...dotfileRules,
  ...passwordHashRules,
  ...connectionStringRules,
];
