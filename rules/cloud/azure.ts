// Microsoft Azure credentials.
// Storage account keys are 64 random bytes, base64: 86 characters + `==`, usually inside a connection string
// (`…;AccountKey=…==;…`): https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string
// Service Bus / Event Hubs / IoT Hub connection strings carry `SharedAccessKey=` + a 32-byte base64 key.
// Entra ID client secrets created since 2022 have a version marker at characters 4–6: a digit and `Q~`.
// SAS URLs carry an HMAC signature in `sig=` next to the `sv=` service version.
import type { Rule } from '../schema.js';

// The storage emulator's (Azurite's) key is published in Microsoft's docs and works only locally.
const AZURITE_KEY_START = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq';
const AZURITE_KEY = AZURITE_KEY_START + '/K1SZFPTOtr/KBHBeksoGMGw==';

const STORAGE_KEY = '{{base64:86}}==';

export const azureRules: Rule[] = [
  {
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    severity: 'critical',
    keywords: ['accountkey', 'account_key', 'storage_key', 'storagekey'],
    flags: 'i',
    pattern: `(?:accountkey\\s{0,2}=\\s{0,2}|(?:storage_?(?:account_?)?key|account_?key)[\\s"'\\\\]{0,5}(?::|=)[\\s"'\\\\]{0,5})(?!${AZURITE_KEY_START})(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])`,
    entropy: 4.5,
    examples: [
      `AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=invoicesprod;AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net`,
      `AZURE_STORAGE_ACCOUNT_KEY=${STORAGE_KEY}`,
      `"storageAccountKey": "${STORAGE_KEY}"`,
    ],
    negativeExamples: [
      `AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
      'AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true',
      'AccountKey=<your-storage-account-key>;EndpointSuffix=core.windows.net',
      `checksum = "${STORAGE_KEY}"`,
    ],
    fix: {
      env: 'AZURE_STORAGE_CONNECTION_STRING',
      provider: 'Microsoft Azure',
      rotate: [
        'In the Azure portal open the storage account → Security + networking → Access keys and find which of key1/key2 leaked.',
        'Move your applications to the other key (or, better, to Microsoft Entra ID with managed identities) and redeploy.',
        'Rotate the leaked key there (or `az storage account keys renew --key key1`); every SAS signed with it becomes invalid too.',
        "Review the storage account's diagnostic logs for requests authenticated with the account key since the leak.",
      ],
      docs: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage',
    },
    guide: {
      grants:
        'An account key is root access to the storage account: every blob, file share, queue and table in it, and the power to sign SAS tokens for any of them.',
      risks:
        'An attacker can download or delete all data in the account, plant malware in blobs your apps serve, and mint SAS URLs that keep working until the key is rotated.',
      checkMisuse:
        'Enable or read the storage account\'s diagnostic logs (StorageBlobLogs and friends in Log Analytics) and look for AuthenticationType "AccountKey" or "SAS" from unknown IP addresses.',
    },
  },
  {
    id: 'azure-shared-access-key',
    title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    severity: 'high',
    keywords: ['sharedaccesskey='],
    // Length: 32-byte keys are 43 base64 characters + `=`, 64-byte ones 86 + `==`: observed range.
    pattern: '(?<![A-Za-z])SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,86}={0,2})(?![A-Za-z0-9+/=])',
    entropy: 4,
    examples: [
      'SERVICEBUS_CONNECTION=Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{base64:43}}=',
      '"EventHubConnection": "Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={{base64:43}}=;EntityPath=events"',
      'IOTHUB_CONNECTION_STRING=HostName=plant-7.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey={{base64:43}}=',
    ],
    negativeExamples: [
      'Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
      'SharedAccessKey=${SERVICEBUS_KEY}',
      'SharedAccessKeyName=RootManageSharedAccessKey',
      'SharedAccessKey={{base64:12}}=',
    ],
    fix: {
      env: 'SERVICEBUS_CONNECTION_STRING',
      provider: 'Microsoft Azure',
      rotate: [
        'In the Azure portal open the namespace or IoT hub → Shared access policies and select the policy named in SharedAccessKeyName.',
        "Switch your clients to the policy's secondary connection string (or to Entra ID auth) and redeploy.",
        'Regenerate the leaked primary key (`az servicebus namespace authorization-rule keys renew`), then later the secondary one.',
        "Check the namespace's metrics and diagnostic logs for senders or receivers you do not run.",
      ],
      docs: 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas',
    },
    guide: {
      grants:
        'The key signs tokens with the rights of its shared access policy (Send, Listen and/or Manage) on the namespace, queue, event hub or IoT hub it belongs to.',
      risks:
        'An attacker can read or steal messages, inject forged events into your pipelines, impersonate devices, or with Manage rights reconfigure and delete entities.',
      checkMisuse:
        "Azure Monitor metrics (incoming/outgoing messages, connections) and the namespace's diagnostic and Activity logs show unexpected traffic or changes.",
    },
  },
  {
    id: 'azure-entra-client-secret',
    title: 'Microsoft Entra ID (Azure AD) application client secret',
    severity: 'critical',
    keywords: ['q~'],
    // Length: 40 characters in all in the secrets seen (3 + a digit + `Q~` + 34): 31–34 is the observed range;
    // Microsoft documents no length.
    pattern: '(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])',
    entropy: 3.8,
    examples: [
      'AZURE_CLIENT_SECRET={{alpha:3}}8Q~{{base62:34}}',
      'builder.Services.AddAuthentication().AddMicrosoftIdentityWebApp(o => o.ClientSecret = "{{alpha:3}}8Q~{{base62:34}}");',
      '  client_secret: "{{alpha:3}}7Q~{{base62:31}}"',
    ],
    negativeExamples: [
      'AZURE_CLIENT_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      'AZURE_CLIENT_SECRET={{alpha:3}}8Q~{{base62:10}}',
      'path = "~/src/{{alpha:3}}8Q~backup"',
    ],
    fix: {
      env: 'AZURE_CLIENT_SECRET',
      provider: 'Microsoft Entra ID',
      rotate: [
        'In the Microsoft Entra admin center open App registrations → (the app) → Certificates & secrets.',
        'Add a new client secret with a short expiry (or switch to a certificate or federated credential) and deploy it.',
        'Delete the leaked secret on the same page.',
        'Review Sign-in logs → Service principal sign-ins for the app since the leak.',
      ],
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials',
    },
    guide: {
      grants:
        "With the application (client) id and tenant, the secret signs in as the app's service principal and gets tokens for every API permission and Azure role granted to it.",
      risks:
        "Attackers use it to call Microsoft Graph (mail, files, users) or Azure Resource Manager with the app's permissions, often broad application permissions nobody reviews.",
      checkMisuse:
        'Entra admin center → Sign-in logs → Service principal sign-ins (filter by application id) and the Azure Activity log show where and when the app authenticated and what it changed.',
    },
  },
  {
    id: 'azure-sas-token',
    title: 'Azure shared access signature (SAS) token',
    severity: 'high',
    keywords: ['sig='],
    // Length: `sig` is an HMAC-SHA256 in base64 (44 characters), URL-encoded up to about 60
    // (learn.microsoft.com, "Create a service SAS"); 40–200 is the observed range with room.
    pattern:
      '(?:sv=[0-9]{4}-[0-9]{2}-[0-9]{2}|\\.windows\\.net/)[^\\s"\'<>]{0,1000}?[?&;]sig=(?<secret>[A-Za-z0-9%+/=]{40,200})(?![A-Za-z0-9%+/=])',
    entropy: 3.5,
    examples: [
      'https://invoicesprod.blob.core.windows.net/exports/2024.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&spr=https&sig={{base62:40}}%2B{{base62:2}}%3D',
      'AZURE_SAS_TOKEN=sp=racwdl&st=2025-01-01T00:00:00Z&se=2026-01-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig={{base62:38}}%2F{{base62:4}}%3D',
      'BlobEndpoint=https://media.blob.core.windows.net/;SharedAccessSignature=sv=2021-08-06&ss=bfqt&srt=sco&sp=rwdlacup&se=2030-01-01T00:00:00Z&sig={{base62:43}}%3D',
    ],
    negativeExamples: [
      'https://invoicesprod.blob.core.windows.net/exports/2024.csv?sv=2022-11-02&sp=r&sig=<signature>',
      'https://cdn.example.org/image.png?w=200&sig={{base62:43}}',
      'AZURE_SAS_TOKEN=sv=2022-11-02&sp=r&sig=${SAS_SIGNATURE}',
    ],
    fix: {
      env: 'AZURE_STORAGE_SAS_TOKEN',
      provider: 'Microsoft Azure',
      rotate: [
        'Find what signed the SAS: an account key (no `skoid` field), a user delegation key (`skoid`/`sktid` present) or a stored access policy (`si=`).',
        'Revoke it: rotate the signing account key, revoke user delegation keys (`az storage account revoke-delegation-keys`), or delete/change the stored access policy.',
        'Issue a new SAS with the shortest expiry and narrowest permissions that work, and keep it out of the repository.',
        "Check the storage account's logs for requests authenticated with SAS since the leak.",
      ],
      docs: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview',
    },
    guide: {
      grants:
        'A SAS URL grants whoever holds it the permissions in its `sp` field (read, write, delete, list…) on the storage resources in its scope until its `se` expiry.',
      risks:
        'An attacker can read or overwrite the data in scope; account SAS tokens with long expiries and wide permissions are effectively a storage key.',
      checkMisuse:
        'In the storage account\'s diagnostic logs, filter requests with AuthenticationType "SAS" and look for unknown caller IP addresses or operations you do not perform.',
    },
  },
];
