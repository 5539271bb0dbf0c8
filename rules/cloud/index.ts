// cloud rules: one file per provider beside this one.
import type { Rule } from '../schema.js';
import { alibabaRules } from './alibaba.js';
import { awsRules } from './aws.js';
import { azureRules } from './azure.js';
import { cloudflareRules } from './cloudflare.js';
import { digitaloceanRules } from './digitalocean.js';
import { flyRules } from './fly.js';
import { gcpRules } from './gcp.js';
import { herokuRules } from './heroku.js';
import { netlifyRules } from './netlify.js';
import { openshiftRules } from './openshift.js';
import { supabaseRules } from './supabase.js';
import { vercelRules } from './vercel.js';

export const cloudRules: Rule[] = [
  ...awsRules,
  ...gcpRules,
  ...azureRules,
  ...digitaloceanRules,
  ...alibabaRules,
  ...cloudflareRules,
  ...herokuRules,
  ...vercelRules,
  ...netlifyRules,
  ...flyRules,
  ...supabaseRules,
  ...openshiftRules,
];
