// OpenShift OAuth access tokens (OpenShift 4.6+), what `oc login --token=…` and `oc whoami -t` show:
// `sha256~` + 43 base64url characters (https://docs.redhat.com/en/documentation/openshift_container_platform/4.12/html/oauth_apis/oauth-apis,
// OAuthAccessToken). The token's *object name* has the very same shape (`sha256~` + base64url of the SHA-256 of
// the token) and is not a secret: it is what `oc get oauthaccesstokens` lists and what a `name:` field holds, so a
// match on such a line is dropped.
import type { Rule } from '../schema.js';

export const openshiftRules: Rule[] = [
  {
    id: 'openshift-oauth-access-token',
    title: 'OpenShift OAuth access token',
    severity: 'high',
    keywords: ['sha256~'],
    // Length: 43 characters, unpadded base64url of 32 bytes (the random token, and the SHA-256 of it in names).
    pattern: '(?<![A-Za-z0-9_~-])(?<secret>sha256~[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])',
    entropy: 4,
    notOnLineWith: ['oauthaccesstoken', 'name:', 'tokenname'],
    examples: [
      'oc login --token=sha256~{{base64url:43}} --server=https://api.ocp.acme.io:6443',
      'OPENSHIFT_TOKEN=sha256~{{base64url:43}}',
      'curl -H "Authorization: Bearer sha256~{{base64url:43}}" https://api.ocp.acme.io:6443/apis/user.openshift.io/v1/users/~',
    ],
    negativeExamples: [
      // The token object's name: a hash of the token, listed by `oc get`.
      'oc delete oauthaccesstoken sha256~{{base64url:43}}',
      '  name: sha256~{{base64url:43}}',
      'oc login --token=sha256~xxxxxxxxxxxxxxxx --server=https://api.sandbox.openshiftapps.com:6443',
      'oc login --token=sha256~{{base64url:20}}',
    ],
    fix: {
      env: 'OPENSHIFT_TOKEN',
      provider: 'Red Hat OpenShift',
      rotate: [
        'Delete the token: `oc delete useroauthaccesstoken <name>` (the `sha256~` name `oc get useroauthaccesstokens` lists), or log out with it (`oc logout`).',
        'For automation use a service account token bound to a narrow role instead of a user token.',
        'Store the new credential as a CI secret and redeploy.',
        "Review the API server audit log for requests made by the token's user since the leak.",
      ],
      docs: 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.12/html/oauth_apis/oauth-apis',
    },
    guide: {
      grants:
        "An OAuth access token acts as the user who logged in, with all of that user's cluster and project roles (for a cluster admin: the whole cluster), until it expires (24 hours by default).",
      risks:
        'An attacker can read secrets and config maps, deploy workloads, exec into pods and change roles in every project the user can reach.',
      checkMisuse:
        'The kube-apiserver and openshift-apiserver audit logs record each request with the user; check for requests from unknown addresses and for new role bindings, service accounts or pods.',
    },
  },
];
