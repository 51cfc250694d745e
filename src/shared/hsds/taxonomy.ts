import { directoryId } from './uuid';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from './types';

/**
 * Waypoint's own HSDS taxonomies. Everything HSDS has no field for (service types, populations, channels,
 * 24/7, provenance, flags, emergency roles) is an HSDS `attribute` pointing at one of these terms, with the
 * data in `value` where a term alone is not enough. One mechanism, readable by any HSDS tool.
 */

export const serviceTypes = [
  'hotline',
  'shelter',
  'legal-aid',
  'medical',
  'psychosocial',
  'interpretation',
  'labour-rights',
  'child-protection',
  'migration-return',
  'law-enforcement-reporting',
  'information',
  'police',
  'ambulance',
  'fire',
  'child-helpline',
] as const;
export type ServiceType = (typeof serviceTypes)[number];

export const emergencyRoles = ['police', 'ambulance', 'fire', 'child-helpline'] as const satisfies readonly ServiceType[];
export type EmergencyRole = (typeof emergencyRoles)[number];

export const populations = ['children', 'women', 'men', 'lgbti', 'migrant-workers'] as const;
export type Population = (typeof populations)[number];

export const contactChannels = ['phone', 'sms', 'email', 'web', 'app', 'chat'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const confidences = ['seen-official', 'seen-secondary', 'inferred'] as const;
export type Confidence = (typeof confidences)[number];

export const provenanceTerms = [
  'source',
  'checked',
  'read-by',
  'source-date',
  'confidence',
  'verification-notes',
  'unconfirmed-number',
  'fallback-referral',
  'confidential-address',
] as const;
export type ProvenanceTerm = (typeof provenanceTerms)[number];

interface TaxonomyDefinition {
  name: string;
  linkType: string;
  description: string;
  terms: Record<string, { name: string; description: string; parent?: string }>;
}

const definitions = {
  'waypoint-service-type': {
    name: 'Waypoint service types',
    linkType: 'service_type',
    description: 'What a service offers to a person affected by trafficking or exploitation.',
    terms: {
      hotline: { name: 'Hotline', description: 'A phone or text line for advice, reports or referral.' },
      shelter: { name: 'Shelter', description: 'Safe accommodation.' },
      'legal-aid': { name: 'Legal aid', description: 'Legal advice or representation.' },
      medical: { name: 'Medical care', description: 'Health care.' },
      psychosocial: { name: 'Psychosocial support', description: 'Counselling and emotional support.' },
      interpretation: { name: 'Interpretation', description: 'Help in languages other than the local one.' },
      'labour-rights': { name: 'Labour rights', description: 'Advice or complaints about work, wages and working conditions.' },
      'child-protection': { name: 'Child protection', description: 'Services for children at risk.' },
      'migration-return': { name: 'Migration and return', description: 'Safe migration information, return and reintegration.' },
      'law-enforcement-reporting': { name: 'Law enforcement reporting', description: 'A channel that passes reports to police or another authority.' },
      information: { name: 'Information and guidance', description: 'Research, guidance and referral information for professionals.' },
      emergency: { name: 'Emergency numbers', description: 'Public emergency and child helpline numbers.' },
      police: { name: 'Police', description: 'Police emergency number.', parent: 'emergency' },
      ambulance: { name: 'Ambulance', description: 'Medical emergency number.', parent: 'emergency' },
      fire: { name: 'Fire', description: 'Fire service emergency number.', parent: 'emergency' },
      'child-helpline': { name: 'Child helpline', description: 'National helpline for children.', parent: 'emergency' },
    },
  },
  'waypoint-population': {
    name: 'Waypoint populations served',
    linkType: 'population',
    description: 'Groups a service says it is meant for.',
    terms: {
      children: { name: 'Children', description: 'People under 18.' },
      women: { name: 'Women', description: 'Women and girls.' },
      men: { name: 'Men', description: 'Men and boys.' },
      lgbti: { name: 'LGBTI people', description: 'Lesbian, gay, bisexual, trans and intersex people.' },
      'migrant-workers': { name: 'Migrant workers', description: 'People working, or seeking work, outside their own country.' },
    },
  },
  'waypoint-channel': {
    name: 'Waypoint contact channels',
    linkType: 'channel',
    description: 'Ways to reach a service.',
    terms: {
      phone: { name: 'Phone', description: 'Voice call.' },
      sms: { name: 'SMS', description: 'Text message.' },
      email: { name: 'E-mail', description: 'E-mail.' },
      web: { name: 'Web', description: 'Website or online form.' },
      app: { name: 'App', description: 'Mobile app.' },
      chat: { name: 'Chat', description: 'Online chat or messaging app.' },
    },
  },
  'waypoint-availability': {
    name: 'Waypoint availability',
    linkType: 'availability',
    description: 'When a service can be reached.',
    terms: {
      '24-7': { name: 'Open 24/7', description: 'Value "true" or "false"; no attribute means not known.' },
    },
  },
  'waypoint-provenance': {
    name: 'Waypoint provenance',
    linkType: 'provenance',
    description: 'Where a record comes from and how far to trust it.',
    terms: {
      source: { name: 'Source', description: 'Value: the address the facts were read from; one attribute per source, in order.' },
      // Three dates, never one "last verified": when a source was read to confirm the record, or else when the
      // facts it was taken from were read at the latest, and how old its newest source is.
      checked: { name: 'Checked', description: 'Value: ISO 8601 date on which a source was read and the record confirmed against it.' },
      'read-by': { name: 'Taken from facts read no later than', description: 'Value: ISO 8601 date; set when the record was not checked itself.' },
      'source-date': { name: 'Newest source dated', description: 'Value: ISO 8601 date the newest source gives for itself. Not a verification date.' },
      'verification-notes': { name: 'Verification notes', description: 'Value: what was confirmed, corrected or left in doubt.' },
      'unconfirmed-number': { name: 'Number not read in a source', description: 'On a phone: "true" when the number was listed without being read in any source.' },
      confidence: { name: 'Confidence', description: 'Value: seen-official (verified), seen-secondary or inferred (unverified).' },
      'fallback-referral': { name: 'Fallback referral point', description: 'Not trafficking-specific; listed where no dedicated line was found.' },
      'confidential-address': { name: 'Confidential address', description: 'The address must not be shown or shared.' },
    },
  },
} as const satisfies Record<string, TaxonomyDefinition>;

export type TaxonomyKey = keyof typeof definitions;

export function taxonomyId(taxonomy: TaxonomyKey): string {
  return directoryId(`taxonomy|${taxonomy}`);
}

export function termId(taxonomy: TaxonomyKey, code: string): string {
  return directoryId(`taxonomy-term|${taxonomy}|${code}`);
}

export function linkType(taxonomy: TaxonomyKey): string {
  return definitions[taxonomy].linkType;
}

const taxonomyVersion = '1';

export function waypointTaxonomies(): HsdsTaxonomy[] {
  return (Object.keys(definitions) as TaxonomyKey[]).map((key) => ({
    id: taxonomyId(key),
    name: definitions[key].name,
    description: definitions[key].description,
    version: taxonomyVersion,
  }));
}

export function waypointTaxonomyTerms(): HsdsTaxonomyTerm[] {
  return (Object.keys(definitions) as TaxonomyKey[]).flatMap((key) =>
    Object.entries(definitions[key].terms as TaxonomyDefinition['terms']).map(([code, term]) => ({
      id: termId(key, code),
      code,
      name: term.name,
      description: term.description,
      taxonomy: key,
      taxonomy_id: taxonomyId(key),
      ...(term.parent ? { parent_id: termId(key, term.parent) } : {}),
      language: 'en' as const,
    })),
  );
}
