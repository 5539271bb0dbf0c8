// The offline guide: `secret-hook explain <rule-id>`. What the key grants, the risks, how to store it (with a
// secrets-manager snippet for each language family), how to rotate it, and how to check whether it was misused.
import type { Rule } from '../../../rules/schema.js';
import { wrap } from '../wrap.js';

/** The order that avoids downtime, for providers that keep the old key valid while the new one is deployed. */
export const ROTATION_ORDER =
  'Without downtime, the order is: create the new key, update every service that uses it, then revoke the old key, then watch the logs for anything still using it.';

export const PERIODIC_ROTATION =
  'Rotate it now if it was ever pushed or shared; otherwise on a schedule (for example every 90 days) and whenever someone who had access leaves.';

export const LEAST_PRIVILEGE =
  'Give the new key only the permissions the service needs: a restricted or scoped key where the provider offers one.';

/** What the guide says about rotating at this rule's provider: when, in which order (or the gap), how narrowly. */
export function rotationAdvice(fix: Rule['fix']): string[] {
  return [PERIODIC_ROTATION, fix.rotationGap ?? ROTATION_ORDER, fix.leastPrivilege ?? LEAST_PRIVILEGE];
}

/** The guide, its paragraphs wrapped to `width` columns (unwrapped without one: SARIF's help text). */
export function explainText(rule: Rule, width = Number.POSITIVE_INFINITY): string {
  const para = (text: string) => wrap(text, width, '  ');
  const steps = rule.fix.rotate.flatMap((step, i) => wrap(step, width, `  ${i + 1}. `, '     '));
  const testKey = rule.testKey ? ' (test-mode, sandbox or local-only: does not block by default)' : '';
  return [
    ...wrap(`${rule.title}  [${rule.id}]  severity: ${rule.severity}${testKey}`, width, '', '  '),
    '',
    'What it grants',
    ...para(rule.guide.grants),
    '',
    'Risks if it leaks',
    ...para(rule.guide.risks),
    '',
    'How to store it',
    ...para(
      `Never in the code or in committed configuration. Read it from the environment variable ${rule.fix.env}: locally from an untracked .env (add .env to .gitignore), in production from a secrets manager, which sets the variable when the program starts or which the program asks at start-up:`,
    ),
    '',
    ...secretsManagerSnippets(rule.fix.env),
    '',
    `How to rotate it at ${rule.fix.provider}`,
    ...rotationAdvice(rule.fix).flatMap(para),
    ...steps,
    '',
    'How to check whether it was misused',
    ...para(rule.guide.checkMisuse),
    '',
    ...wrap(`Provider documentation: ${rule.fix.docs}`, width, '', '  '),
  ].join('\n');
}

/**
 * One short example per language family, with the services people use: the CLIs that run a program with its
 * secrets set (1Password, Doppler, Vault), the AWS SDKs, GCP's and Vault's clients, Azure Key Vault. Each line
 * fits 80 columns; they are code, so they are never re-wrapped.
 */
export function secretsManagerSnippets(env: string): string[] {
  const path = `prod/${env}`;
  const azureName = env.replace(/_/g, '-');
  return [
    '  Any language, at start-up (1Password, Doppler, HashiCorp Vault):',
    '    op run --env-file=.env.tpl -- node server.js',
    `      # .env.tpl: ${env}=op://<vault>/<item>/<field>`,
    '    doppler run -- node server.js',
    `    export ${env}="$(vault kv get \\`,
    `      -field=${env} secret/app)"`,
    '  JavaScript/TypeScript (AWS Secrets Manager, @aws-sdk/client-secrets-manager):',
    '    import { SecretsManagerClient, GetSecretValueCommand }',
    '      from "@aws-sdk/client-secrets-manager";',
    '    const { SecretString } = await new SecretsManagerClient({}).send(',
    `      new GetSecretValueCommand({ SecretId: "${path}" }));`,
    '  Python (GCP Secret Manager, google-cloud-secret-manager):',
    '    from google.cloud import secretmanager',
    `    name = "projects/<project>/secrets/${env}/versions/latest"`,
    '    client = secretmanager.SecretManagerServiceClient()',
    '    value = client.access_secret_version(name=name).payload.data.decode()',
    '  Go (HashiCorp Vault, github.com/hashicorp/vault/api):',
    '    // VAULT_ADDR and VAULT_TOKEN set in the environment',
    '    client, err := vault.NewClient(vault.DefaultConfig())',
    '    secret, err := client.KVv2("secret").Get(ctx, "app")',
    `    value := secret.Data["${env}"].(string)`,
    '  Java/Kotlin (AWS Secrets Manager, AWS SDK for Java 2.x):',
    '    String value = SecretsManagerClient.create().getSecretValue(',
    `        r -> r.secretId("${path}")).secretString();`,
    '  Ruby (AWS Secrets Manager, aws-sdk-secretsmanager):',
    '    value = Aws::SecretsManager::Client.new.get_secret_value(',
    `      secret_id: "${path}").secret_string`,
    '  C# (Azure Key Vault, Azure.Security.KeyVault.Secrets):',
    '    var client = new SecretClient(',
    '        new Uri("https://<vault>.vault.azure.net/"),',
    '        new DefaultAzureCredential());',
    '    string value = (await client.GetSecretAsync(',
    `        "${azureName}")).Value.Value;`,
  ];
}
