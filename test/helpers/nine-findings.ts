// The commit of issue 14: nine secrets of four providers (Stripe, Klaviyo, Intercom, Customer.io) in six files,
// as a new user would stage them. Keys are generated at run time.
import { FakeKeys } from './examples.js';

/** File path → content. */
export function nineFindings(keys = new FakeKeys(1414)): Record<string, string> {
  const stripe = () => `sk_live_${keys.chars('base62', 99)}`;
  const klaviyo = () => `pk_${keys.chars('hex', 34)}`;
  return {
    'src/pay.js': `import Stripe from "stripe";\nconst stripe = new Stripe("${stripe()}");\nexport default stripe;\n`,
    'src/webhooks.js': `const endpointSecret = "whsec_${keys.chars('base62', 32)}";\n`,
    '.env': [
      `STRIPE_SECRET_KEY=${stripe()}`,
      `KLAVIYO_PRIVATE_API_KEY=${klaviyo()}`,
      `INTERCOM_ACCESS_TOKEN=${keys.intercom()}`,
      `CUSTOMERIO_APP_API_KEY=${keys.chars('hex', 32)}`,
      '',
    ].join('\n'),
    'config/klaviyo.py': `import klaviyo\n\nKLAVIYO_KEY = "${klaviyo()}"\n`,
    'app/support.rb': `client = Intercom::Client.new(token: '${keys.intercom()}')\n`,
    'lib/cio.ts': `const cio = new TrackClient('${keys.chars('hex', 20)}', '${keys.chars('hex', 20)}', { region: RegionUS });\n`,
  };
}
