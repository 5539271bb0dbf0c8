// Kubernetes credentials committed as manifests: https://kubernetes.io/docs/concepts/configuration/secret/
// A Secret's `data:` values are base64. Each value is decoded and scanned with the whole catalog, so a database URL
// or a private key inside is reported as what it is; when nothing is found inside, the value is a finding unless it
// decodes to a certificate or a public key (or sits under a certificate's key: `tls.crt`, `ca.crt`, `ca`), a
// placeholder, a host, a number, a bare name or a default password (`kubernetes-secret-value` verifier). Values
// made with `echo x | base64` end in a newline when decoded: it is dropped. Near words: `kind: Secret`.
// Kubeconfig files carry client keys the same way.
import type { Rule } from '../schema.js';

// Length: a Secret's values may be up to the 1 MiB object limit (kubernetes.io, Secrets); 2–4096 groups of
// four (8–16384 characters) cover passwords, tokens, keys and certificates: a design bound.
const B64 = String.raw`(?:[A-Za-z0-9+/]{4}){2,4096}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?`;
// Keys that hold public material: certificates (`tls.crt`, `ca.crt`, `client.cert`) and CA bundles (`ca`, `tls.ca`,
// `ca.pem`).
const CERTIFICATE_KEY = String.raw`(?<!(?:\.crt|\.cer|\.cert|\.ca|[^A-Za-z0-9._-]ca|[^A-Za-z0-9._-]ca[._-](?:pem|bundle|certificates?))["'\\]{0,3}:)`;
// Keys that name an identifier (`AZURE_CLIENT_ID`, `tenant-id`, `clientId`): an id is not a credential, but what it
// decodes to is still scanned (an AWS access key id under `AWS_ACCESS_KEY_ID` is reported as one): the empty
// `decodedOnly` group marks the match as counting only for what its decoded value holds (rules/schema.ts, `decode`).
const ID_KEY_NAME = String.raw`(?:[_.-][Ii][Dd]|[a-z]Id|ID)["'\\]{0,3}:`;
const ID_KEY = String.raw`(?:(?<=${ID_KEY_NAME})(?<decodedOnly>)|(?<!${ID_KEY_NAME}))`;
// After the value: an optional closing quote, then the end of the entry (`,`, `}`, a comment, the end of the line).
const ENTRY_END = String.raw`(?=["'\\]{0,3}[ \t]{0,8}(?:[,;}\]\r\n#]|\\[nr]|$))`;

export const kubernetesRules: Rule[] = [
  {
    id: 'kubernetes-secret-data',
    title: 'Kubernetes Secret with data values',
    severity: 'high',
    keywords: [],
    near: {
      words: [
        'kind: secret',
        'kind: "secret"',
        "kind: 'secret'",
        '"kind":"secret"',
        '"kind": "secret"',
        '\\"kind\\":\\"secret\\"',
        '\\"kind\\": \\"secret\\"',
      ],
      // A Secret's metadata (labels, annotations) may run long before its data.
      lines: 250,
    },
    // `key: <base64>` / `"key": "<base64>"`, anchored on the colon of a key.
    pattern: String.raw`:(?<=[A-Za-z0-9._-]["'\\]{0,3}:)${CERTIFICATE_KEY}${ID_KEY}[ \t]{0,8}["'\\]{0,3}(?<secret>${B64})${ENTRY_END}`,
    decode: 'base64',
    verify: 'kubernetes-secret-value',
    examples: [
      '{apiVersion: v1, kind: Secret, metadata: {name: db-credentials}, type: Opaque, data: {password: {{base64text:24}}}}',
      '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"api"},"data":{"API_TOKEN":"{{base64text:32}}"}}',
      '{"kind": "Secret", "apiVersion": "v1", "type": "Opaque", "data": {"client-secret": "{{base64text:30}}"}}',
      // `echo … | base64`: the decoded value ends in a newline.
      '{apiVersion: v1, kind: Secret, data: {DB_PASSWORD: {{base64line:18}}}}',
      // Any value that is not a certificate: a value under an unusual name, a UUID client secret.
      '{apiVersion: v1, kind: Secret, data: {session-seed: {{base64text:20}}, keycloak: {{base64uuid}}}}',
      // Whatever its strength: `hunter22` (from `echo hunter22 | base64`) and `Welcome1` are passwords there.
      '{apiVersion: v1, kind: Secret, data: {password: {{base64of:hunter22\\n}}}}',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  DB_PASSWORD: {{base64of:Welcome1}}',
    ],
    negativeExamples: [
      // A CA bundle under `tls.ca` (Traefik's root CAs).
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: root-cas\ndata:\n  tls.ca: {{base64text:40}}',
      '{apiVersion: v1, kind: ConfigMap, data: {password: {{base64:32}}}}',
      // A placeholder word, alone or numbered (`password`, `password123`), is a chart's default, not a choice.
      '{apiVersion: v1, kind: Secret, data: {password: cGFzc3dvcmQ=}}',
      '{apiVersion: v1, kind: Secret, data: {password: cGFzc3dvcmQxMjM=}}',
      '{apiVersion: v1, kind: Secret, data: {host: ZGIucHJvZC5pbnRlcm5hbA==, username: YXBwLXVzZXI=}}',
      '{apiVersion: v1, kind: Secret, data: {password: "{{ .Values.password | b64enc }}"}}',
      '{apiVersion: v1, kind: Secret, data: {password: ${DB_PASSWORD_B64}}}',
      '{apiVersion: v1, kind: Secret, metadata: {name: registry, namespace: ci}, type: kubernetes.io/dockerconfigjson}',
      // Public material: certificates under their usual keys, or decoding to a PEM certificate or an SSH public key.
      '{apiVersion: v1, kind: Secret, type: kubernetes.io/tls, data: {tls.crt: {{base64text:40}}, ca.crt: {{base64text:40}}}}',
      '{apiVersion: v1, kind: Secret, data: {ca: {{base64text:40}}}}',
      // Identifiers beside their secret: the id is not one (what it decodes to is scanned, and holds nothing).
      '{apiVersion: v1, kind: Secret, data: {AZURE_CLIENT_ID: {{base64uuid}}, tenant-id: {{base64uuid}}}}',
      '{apiVersion: v1, kind: Secret, data: {app-id: {{base64text:24}}}}',
      '{apiVersion: v1, kind: Secret, data: {bundle: {{base64pem:CERTIFICATE}}, deploy.pub: {{base64sshpub}}}}',
    ],
    fix: {
      env: 'K8S_SECRET_VALUE',
      provider: 'Kubernetes',
      rotate: [
        'Decode the value (`echo … | base64 -d`) to see which credential it is, and rotate that credential at its own service.',
        'Create the Secret from your secrets manager instead of the repository (External Secrets, Sealed Secrets, SOPS, or `kubectl create secret` in CI).',
        'Apply the new Secret and restart the workloads that mount it (`kubectl rollout restart`).',
        "Delete the manifest with the plain data from the repository and check the credential's service for use of the old value.",
      ],
      docs: 'https://kubernetes.io/docs/concepts/configuration/secret/',
    },
    guide: {
      grants:
        "A Secret's data are the credentials your workloads use (database passwords, API tokens, TLS keys); base64 is an encoding, not protection.",
      risks:
        'Anyone who reads the manifest decodes every value and uses the credentials against the services they belong to.',
      checkMisuse:
        "Decode each value to identify its service, then check that service's audit log; the cluster audit log shows who read the Secret through the API.",
    },
  },
  {
    id: 'kubernetes-secret-string-data',
    title: 'Kubernetes Secret with stringData values',
    severity: 'high',
    keywords: [],
    // Known by its place: a value of a known format there (an htpasswd line's bcrypt hash) is that rule's finding.
    byPlace: true,
    // The values under a Secret's `stringData:` (plain text, which the API server encodes into `data`): the parent
    // key, found by indentation, names them (https://kubernetes.io/docs/concepts/configuration/secret/).
    near: { words: ['stringdata'], lines: 0 },
    flags: 'im',
    // `key: value` whose key names a credential, quoted or not; what the value is, the credential-file verifier says.
    pattern: String.raw`^[ \t]{1,40}["']?(?<name>[A-Za-z0-9._-]{0,60}(?:password|passwd|pwd|pass|secret|token|api[_-]?key|private[_-]?key|credentials?|auth)[A-Za-z0-9._-]{0,40})["']?:[ \t]{1,8}["']?(?<secret>[^"'\s#]{6,512})["']?[ \t]{0,8}$`,
    verify: 'credential-file-value',
    examples: [
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: "hunter{{digits:2}}"',
      'kind: Secret\nstringData:\n  DB_PASSWORD: Welcome{{digits:1}}\n  API_TOKEN: {{base62:32}}',
    ],
    negativeExamples: [
      // Not credentials by name, or not under stringData.
      'kind: Secret\nstringData:\n  username: app-user\n  host: db.prod.internal',
      'kind: ConfigMap\ndata:\n  password: hunter{{digits:2}}',
      // Templates and references: the value is elsewhere.
      'kind: Secret\nstringData:\n  password: "{{ .Values.db.password }}"\n  token: ${API_TOKEN}',
      'kind: Secret\nstringData:\n  password: changeme',
      // A value of a known format, reported by its own rule (htpasswd-bcrypt-hash): one secret, one finding.
      'kind: Secret\nstringData:\n  htpasswd: "admin:$2y$10${{base62:53}}"',
    ],
    fix: {
      env: 'K8S_SECRET_VALUE',
      provider: 'Kubernetes',
      rotate: [
        'Rotate each credential under stringData at its own service.',
        'Create the Secret from your secrets manager instead of the repository (External Secrets, Sealed Secrets, SOPS, or `kubectl create secret` in CI).',
        'Apply the new Secret and restart the workloads that mount it (`kubectl rollout restart`).',
        "Delete the manifest with the plain values from the repository and check each credential's service for use of the old value.",
      ],
      docs: 'https://kubernetes.io/docs/concepts/configuration/secret/',
    },
    guide: {
      grants:
        "A Secret's stringData are the credentials your workloads use, in plain text: the API server stores them as the Secret's data.",
      risks: 'Anyone who reads the manifest has every credential and uses it against the service it belongs to.',
      checkMisuse:
        "Check each credential's service for its audit log; the cluster audit log shows who read the Secret through the API.",
    },
  },
  {
    id: 'kubernetes-kubeconfig-client-key',
    title: 'Kubernetes kubeconfig client key',
    severity: 'critical',
    keywords: ['client-key-data'],
    // base64 of the client's PEM private key: decoded and scanned, so it is normally reported as the private key.
    // Length: base64 of a PEM private key, 64–16384 characters: observed range with room (4096-bit RSA ≈ 4,400).
    pattern: String.raw`client-key-data["'\\]{0,3}[ \t]{0,8}:[ \t]{0,8}["'\\]{0,3}(?<secret>(?:[A-Za-z0-9+/]{4}){16,4096}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)${ENTRY_END}`,
    decode: 'base64',
    entropy: 4,
    examples: [
      '    client-key-data: {{base64text:96}}',
      '{"name": "admin", "user": {"client-certificate-data": "{{base64:64}}", "client-key-data": "{{base64text:72}}"}}',
      'users: [{name: ci, user: {client-key-data: {{base64text:120}}}}]',
    ],
    negativeExamples: [
      '    client-certificate-data: {{base64:128}}',
      '    client-key-data: ${CLIENT_KEY_DATA}',
      '    client-key: /home/ci/.kube/client.key',
      '    certificate-authority-data: {{base64:128}}',
    ],
    fix: {
      env: 'KUBECONFIG_CLIENT_KEY',
      provider: 'Kubernetes',
      rotate: [
        "Issue a new client certificate for the user (CertificateSigningRequest, or your provider's credential command) and distribute a new kubeconfig outside the repository.",
        'Revoke the old one: client certificates cannot be revoked individually, so remove the RBAC bindings of its user/group or rotate the cluster CA if it was an admin certificate.',
        'Prefer short-lived credentials (exec plugins, OIDC, cloud IAM) over embedded client keys.',
        "Check the API server audit log for requests by the certificate's user.",
      ],
      docs: 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
    },
    guide: {
      grants:
        "The client key with its certificate authenticates to the cluster's API server as the user and groups in the certificate.",
      risks:
        "An attacker who can reach the API server acts with that user's RBAC permissions, often cluster-admin for kubeconfigs generated at cluster creation.",
      checkMisuse:
        "Search the Kubernetes API audit log for the certificate's user name and groups, especially from unfamiliar source IPs.",
    },
  },
];
