// Alibaba Cloud (Aliyun) RAM AccessKey pairs: https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair
// The AccessKey ID starts with `LTAI` (then 12–20 alphanumerics, 24 in total for current keys); the AccessKey
// secret is 30 alphanumerics with no prefix, so it counts only next to Alibaba names.
import type { Rule } from '../schema.js';

const rotate = [
  'In the RAM console open Identities → Users → (the user) → AccessKey and create a second AccessKey pair.',
  'Deploy the new pair to every service and CI secret that used the old one (or move to RAM roles / STS tokens).',
  'Disable the leaked AccessKey, watch for failures, then delete it.',
  'Search ActionTrail for events with the leaked AccessKey ID since it was exposed.',
];
const docs = 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair';
const guide = {
  grants:
    'An AccessKey pair signs Alibaba Cloud API calls as the RAM user (or root account) it belongs to, with all of its permissions.',
  risks:
    'Attackers read OSS buckets and databases, launch ECS instances for mining on your bill, send SMS or email through your account, or create new RAM users to keep access.',
  checkMisuse:
    'ActionTrail event history (filter by AccessKey ID) lists the calls made with the key; also check RAM for users and keys you did not create and Billing for unexpected spend.',
};

export const alibabaRules: Rule[] = [
  {
    id: 'alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey ID',
    severity: 'high',
    keywords: ['ltai'],
    // Length: 12–20 after `LTAI` (current ids are 24 characters in all, older ones shorter): observed range;
    // Alibaba documents no length.
    pattern: '(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])',
    entropy: 3.2,
    examples: [
      'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5t{{base62:18}}',
      'access_key_id: LTAI{{base62:12}}',
      'client = AcsClient("LTAI4G{{base62:18}}", secret, "cn-hangzhou")',
    ],
    negativeExamples: [
      'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI{{base62:6}}',
      'const star = "ALTAIR";',
      'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: { env: 'ALIBABA_CLOUD_ACCESS_KEY_ID', provider: 'Alibaba Cloud', rotate, docs },
    guide,
  },
  {
    id: 'alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret',
    severity: 'critical',
    keywords: [],
    near: {
      words: ['alibaba', 'aliyun', 'alicloud', 'access_key_secret', 'accesskeysecret', 'access-key-secret'],
      lines: 2,
    },
    // In Alibaba Cloud's SDKs every line names the provider: the value must also follow a credential name or the id.
    credentialWords: ['secret', 'key', 'credential', 'ltai'],
    pattern: '(?<![A-Za-z0-9/+_-])(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9/+=_-])',
    entropy: 4,
    examples: [
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET={{base62:30}}',
      'aliyun configure set --access-key-id LTAI5t{{base62:18}} --access-key-secret {{base62:30}}',
      '  accessKeySecret: "{{base62:30}}",',
    ],
    negativeExamples: [
      // A minified schema viewer's component name with a date-like version in it.
      '// alibaba\nKeywordTitle:He,JSONSchema202012KeywordDefault:Xe,KeywordReadOnly:et',
      'secret = "{{base62:30}}"',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET={{hex:40}}',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET=${ALIBABA_CLOUD_ACCESS_KEY_SECRET}',
      // SDK code: API operation names and callbacks next to "aliyun" and "key".
      '  // aliyun ecs: the key pair comes from DescribeDedicatedHostAutoRenew',
      'const keyRefresh = alicloud.registerCredentialRefreshHook;',
      '  * aliyun key docs: [ModifyCommandInvocationTimeout](https://help.aliyun.com/document_detail/1.html)',
      // A random value next to "alibaba" with no credential name in front of it.
      'const alibabaTraceTag = "{{base62:30}}";',
    ],
    fix: { env: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', provider: 'Alibaba Cloud', rotate, docs },
    guide,
  },
];
