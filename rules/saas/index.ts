// saas rules: marketing, analytics, CRM, support, productivity, identity, observability and secrets-management providers.
// One file per provider; this list is spread into the built-in catalog (rules/index.ts).
import type { Rule } from '../schema.js';
import { airtableRules } from './airtable.js';
import { algoliaRules } from './algolia.js';
import { amplitudeRules } from './amplitude.js';
import { asanaRules } from './asana.js';
import { atlassianRules } from './atlassian.js';
import { auth0Rules } from './auth0.js';
import { contentfulRules } from './contentful.js';
import { customerioRules } from './customerio.js';
import { datadogRules } from './datadog.js';
import { dopplerRules } from './doppler.js';
import { dynatraceRules } from './dynatrace.js';
import { figmaRules } from './figma.js';
import { grafanaRules } from './grafana.js';
import { hubspotRules } from './hubspot.js';
import { intercomRules } from './intercom.js';
import { klaviyoRules } from './klaviyo.js';
import { linearRules } from './linear.js';
import { mixpanelRules } from './mixpanel.js';
import { newrelicRules } from './newrelic.js';
import { notionRules } from './notion.js';
import { oktaRules } from './okta.js';
import { onepasswordRules } from './onepassword.js';
import { pagerdutyRules } from './pagerduty.js';
import { segmentRules } from './segment.js';
import { sentryRules } from './sentry.js';
import { tinesRules } from './tines.js';
import { zendeskRules } from './zendesk.js';

export const saasRules: Rule[] = [
  ...klaviyoRules,
  ...intercomRules,
  ...customerioRules,
  ...segmentRules,
  ...mixpanelRules,
  ...amplitudeRules,
  ...hubspotRules,
  ...zendeskRules,
  ...atlassianRules,
  ...linearRules,
  ...notionRules,
  ...airtableRules,
  ...asanaRules,
  ...figmaRules,
  ...algoliaRules,
  ...contentfulRules,
  ...oktaRules,
  ...auth0Rules,
  ...datadogRules,
  ...newrelicRules,
  ...sentryRules,
  ...grafanaRules,
  ...pagerdutyRules,
  ...dynatraceRules,
  ...dopplerRules,
  ...onepasswordRules,
  ...tinesRules,
];
