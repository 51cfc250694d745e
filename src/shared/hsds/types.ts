/**
 * The subset of HSDS 3.0 records the bundled directory uses (see resources/directory/hsds-schema/).
 * Optional fields are left out rather than set to null: HSDS types them as plain strings.
 */

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_entity: 'service' | 'phone' | 'organization';
  link_type: string;
  taxonomy_term_id: string;
  value?: string;
}

export interface HsdsLanguage {
  id: string;
  service_id: string;
  name: string;
  code: string;
}

export interface HsdsPhone {
  id: string;
  service_id?: string;
  organization_id?: string;
  number: string;
  type: PhoneType;
  description?: string;
  attributes?: HsdsAttribute[];
}

export interface HsdsSchedule {
  id: string;
  service_id: string;
  freq?: 'WEEKLY';
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name: string;
  description: string;
}

export interface HsdsContact {
  id: string;
  service_id?: string;
  organization_id?: string;
  email: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal';
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  organization_id: string;
  name: string;
  addresses: HsdsAddress[];
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  alternate_name?: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active';
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  service_areas: HsdsServiceArea[];
  languages: HsdsLanguage[];
  contacts: HsdsContact[];
  attributes: HsdsAttribute[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  website?: string;
  email?: string;
  phones: HsdsPhone[];
  contacts: HsdsContact[];
  locations: HsdsLocation[];
  attributes: HsdsAttribute[];
}

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  parent_id?: string;
  language: 'en';
}

/** RFC 6350 phone types, as HSDS names them ("text" is SMS). */
export type PhoneType = 'voice' | 'text' | 'fax' | 'textphone';

/** The bundled directory file: HSDS records in flat lists, plus the versions the app compares on update. */
export interface HsdsDirectory {
  format: 'waypoint-directory';
  hsdsVersion: '3.0';
  dataVersion: number;
  generatedAt: string;
  referenceDate?: string;
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
  organizations: HsdsOrganization[];
  services: HsdsService[];
}
