// Secrets whose name is given by the structure around the value rather than by the key it is assigned to:
// - Terraform: `variable "nextauth_secret" { default = "…" }`, any variable marked `sensitive = true`
//   (https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output), and an
//   `aws_ssm_parameter` of type `SecureString` whose `value` is written in the configuration
//   (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_parameter).
// - Name/value lists: Kubernetes `env:` entries (`- name: DB_PASSWORD` then `value: "…"`), and the same pairs in
//   ECS task definitions and CloudFormation (`{"name": "DB_PASSWORD", "value": "…"}`).
// The value must pass the `generic-password` verifier, as any generic value.
import type { Rule } from '../schema.js';

const OWASP = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';
// Names that say secret (as the generic rules' names, in one expression).
const SECRET_WORD = String.raw`(?:secret|password|passwd|passphrase|token|api[_-]?key|private[_-]?key|access[_-]?key|credentials?|auth[_-]?key|signing[_-]?key|encryption[_-]?key|app[_-]?key|master[_-]?key)`;
// A Terraform block body: no nested block, at most 2,000 characters (a description in a heredoc runs to several
// hundred).
const BLOCK = String.raw`[^{}]{0,2000}?`;
const TF_VALUE = String.raw`[ \t]{0,40}=[ \t]{0,8}"(?<secret>[^"\r\n]{8,512})"`;

const rotate = (what: string) => [
  `Rotate the ${what} at the service it belongs to.`,
  'Remove the literal from the configuration: pass it in from your secrets manager or CI variables (TF_VAR_…, a Kubernetes Secret, SSM).',
  'Apply or deploy the change.',
  "Check the service's access log for use of the old value since the commit.",
];

export const genericStructureRules: Rule[] = [
  {
    id: 'generic-terraform-variable-secret',
    title: 'Secret as the default of a Terraform variable',
    severity: 'high',
    generic: true,
    structure: true,
    keywords: ['variable'],
    flags: 'i',
    // A variable named as a secret, or marked sensitive, with a literal default. Marked sensitive but named as a
    // version, a digest or checksum, a tag (`image_tag`, `etag`) or an identifier (`…_id`: a client id, a session
    // id), it is not a secret: people mark such variables sensitive to keep them out of plan output.
    // The variable's name is the value's (`name`: the fix names TF_VAR_… after it), read ahead of the checks.
    pattern: String.raw`variable[ \t]{1,8}"(?=(?<name>[A-Za-z0-9_-]{1,100})")(?![A-Za-z0-9_-]{0,60}(?:public|publishable|search|site[_-]?key|anon|browser))(?:[A-Za-z0-9_-]{0,60}${SECRET_WORD}[A-Za-z0-9_-]{0,40}"[ \t]{0,8}\{|(?![A-Za-z0-9_-]{0,60}(?:commit|sha|hash|digest|checksum|revision|version|etag|[_-]tag"|[_-]id"))[A-Za-z0-9_-]{1,100}"[ \t]{0,8}\{(?=${BLOCK}sensitive[ \t]{0,40}=[ \t]{0,8}true))${BLOCK}default${TF_VALUE}`,
    verify: 'generic-password',
    examples: [
      'variable "nextauth_secret" {\n  type    = string\n  default = "{{base64:32}}"\n}',
      'variable "db_master" {\n  type      = string\n  sensitive = true\n  default   = "{{base62:20}}"\n}',
      // Named as a secret: an id that is one (Vault AppRole's secret_id) is still reported.
      'variable "vault_secret_id" {\n  default = "{{base62:32}}"\n}',
      '# CI\nvariable "github_token" { default = "{{base62:36}}" }',
      // A long description in a heredoc before the default.
      'variable "stripe_webhook_secret" {\n  type        = string\n  description = <<-EOT\n    {{lower:900}}\n  EOT\n  default     = "{{base62:32}}"\n}',
    ],
    negativeExamples: [
      'variable "nextauth_secret" {\n  type = string\n}',
      'variable "region" {\n  default = "eu-west-1"\n}',
      'variable "db_password" {\n  default = "changeme"\n}',
      'variable "instance_type" {\n  default = "{{lower:12}}"\n}',
      // Public by design, even when marked sensitive.
      'variable "next_public_algolia_search_key" {\n  sensitive = true\n  default   = "{{hex:32}}"\n}',
      // Sensitive, but a commit id: what to deploy, not a secret.
      'variable "release_commit" {\n  sensitive = true\n  default   = "{{hex:40}}"\n}',
      // Sensitive, but an identifier (a Twilio SID names the account) or a Sentry DSN (shipped to browsers).
      'variable "twilio_account_sid" {\n  sensitive = true\n  default   = "AC{{hex:32}}"\n}',
      'variable "sentry_dsn" {\n  sensitive = true\n  default   = "https://{{hex:32}}@o{{digits:6}}.ingest.sentry.io/{{digits:7}}"\n}',
      // Sensitive, but a tag, an ETag or an identifier.
      'variable "image_tag" {\n  type      = string\n  default   = "v6.21.17-rc.3+build.{{digits:8}}"\n  sensitive = true\n}',
      'variable "etag" {\n  sensitive = true\n  default   = "{{hex:64}}"\n}',
      'variable "checksum" {\n  sensitive = true\n  default   = "{{hex:128}}"\n}',
      'variable "oauth_client_id" {\n  sensitive = true\n  default   = "dt0s02.{{base32:24}}"\n}',
    ],
    fix: {
      env: 'TF_VAR_SECRET',
      provider: 'the service the variable is for',
      rotate: rotate('secret'),
      docs: 'https://developer.hashicorp.com/terraform/language/values/variables#assigning-values-to-root-module-variables',
    },
    guide: {
      grants:
        'The default value is what Terraform passes to the resources that use the variable: a password, token or key.',
      risks: 'Whoever reads the configuration, or its plan and state, has the secret and the access it grants.',
      checkMisuse: "Find the resources that use the variable and check their services' access logs.",
    },
  },
  {
    id: 'generic-ssm-secure-string',
    title: 'Value of an SSM SecureString parameter written in Terraform',
    severity: 'high',
    generic: true,
    structure: true,
    keywords: ['aws_ssm_parameter'],
    pattern: String.raw`resource[ \t]{1,8}"aws_ssm_parameter"[ \t]{1,8}"[^"\r\n]{1,100}"[ \t]{0,8}\{(?=${BLOCK}type[ \t]{0,40}=[ \t]{0,8}"SecureString")${BLOCK}(?<![A-Za-z_])value${TF_VALUE}`,
    verify: 'generic-password',
    examples: [
      'resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "SecureString"\n  value = "{{base62:24}}"\n}',
      'resource "aws_ssm_parameter" "api" {\n  name  = "/prod/api"\n  value = "{{base64:40}}"\n  type  = "SecureString"\n}',
    ],
    negativeExamples: [
      'resource "aws_ssm_parameter" "region" {\n  name  = "/prod/region"\n  type  = "String"\n  value = "{{lower:20}}"\n}',
      'resource "aws_ssm_parameter" "db" {\n  name  = "/prod/db/password"\n  type  = "SecureString"\n  value = var.db_password\n}',
    ],
    fix: {
      env: 'DB_PASSWORD',
      provider: 'the service the parameter is for',
      rotate: rotate('secret'),
      docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_parameter',
    },
    guide: {
      grants:
        'A SecureString parameter holds a secret for the applications that read it: written here, it is not secure.',
      risks: 'Whoever reads the configuration has the value, whatever the parameter’s encryption.',
      checkMisuse: "Check which applications read the parameter and review their services' access logs.",
    },
  },
  {
    id: 'generic-env-entry-secret',
    title: 'Secret in an environment entry (name, then value)',
    severity: 'high',
    generic: true,
    structure: true,
    keywords: ['value'],
    flags: 'i',
    // `- name: DB_PASSWORD` with `value: "…"` on the next line (Kubernetes), or `"name": "…", "value": "…"`.
    // `name` is the whole key (not the end of `apiKeyName:`), and an unquoted value ends before a comma that ends
    // it (`value: sessionToken,` in a JavaScript object is a variable).
    pattern: String.raw`(?<![A-Za-z0-9_])name["'\\]{0,3}[ \t]{0,8}:[ \t]{0,8}["'\\]{0,3}(?<name>[A-Za-z0-9_.-]{0,60}${SECRET_WORD}[A-Za-z0-9_.-]{0,40})["'\\]{0,3}[ \t]{0,8}(?:,?\r?\n[ \t]{1,40}["'\\]{0,3}|,[ \t]{0,8}["'\\]{0,3})value["'\\]{0,3}[ \t]{0,8}:[ \t]{0,8}["'\\]{0,3}(?<secret>[^"'\\\s]{7,511}[^"'\\\s,])`,
    verify: 'generic-password',
    examples: [
      'env:\n  - name: DB_PASSWORD\n    value: "{{base62:24}}"',
      '- name: STRIPE_API_KEY\n  value: {{base62:32}}',
      '"environment": [{"name": "SESSION_SECRET", "value": "{{base64:32}}"}]',
      // An ECS task definition, pretty-printed.
      '"environment": [\n  {\n    "name": "DB_PASSWORD",\n    "value": "{{base62:24}}"\n  }\n]',
      // Laravel's APP_KEY (it encrypts sessions and cookies) handed to a container.
      'env:\n  - name: APP_KEY\n    value: "base64:{{base64:43}}="',
    ],
    negativeExamples: [
      // Where the secret is mounted (a `*_FILE` setting).
      '        - name: POSTGRES_PASSWORD_FILE\n          value: "/opt/bitnami/postgresql/secrets/postgresql-password"',
      'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}',
      'env:\n  - name: DB_HOST\n    value: "{{lower:20}}"',
      '- name: DB_PASSWORD\n  value: $(DB_PASSWORD)',
      // The key read from a Secret, as it should be.
      '- name: APP_KEY\n  valueFrom:\n    secretKeyRef: {name: laravel, key: app-key}',
      // Code: a cookie built from a variable; an API call whose key only ends in "name" (not an environment entry).
      'cookies.push({\n  name: options.cookies.sessionToken.name,\n  value: sessionToken,\n  options: cookieOptions\n})',
      "api.addApiKey('ApiKey', {\n  apiKeyName: 'myApiKey1',\n  value: 'AnApiKeyOfTwentyCharactersOrMore',\n})",
    ],
    fix: { env: 'DB_PASSWORD', provider: 'the service the entry is for', rotate: rotate('secret'), docs: OWASP },
    guide: {
      grants: 'The entry hands the secret to the container or task as an environment variable.',
      risks: 'Whoever reads the manifest or task definition has the secret and the access it grants.',
      checkMisuse: 'Find the service the variable is for and review its access log since the commit.',
    },
  },
];
