import { z } from 'zod';
import { emailPattern } from '../contact-links';

/**
 * The HSDS 3.0 tables Waypoint reads and writes, with the fields it uses, in the order of the spec's tabular
 * form. One definition serves the JSON import (nested records are flattened into these tables), the CSV
 * import and the CSV export, so the three cannot drift apart. Fields not listed are not read.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

// Any 8-4-4-4-12 hex id, as uuidPattern: the format is what an import problem reports (`schemaProblem`).
const id = z.guid();
const optionalId = id.optional();
const text = z.string().optional();
const required = z.string().min(1);
/**
 * One e-mail address and nothing else (a `?attach=` or `?body=` after it would ride along into a mailto: link);
 * blank reads as absent, as an empty CSV cell does. Reported as "not a valid e-mail address".
 */
const email = z.preprocess((value) => (typeof value === 'string' ? value.trim() || undefined : value), z.email({ pattern: emailPattern }).optional());

export const tableSchemas = {
  organizations: z.object({
    id,
    name: required,
    alternate_name: text,
    // HSDS requires a description; Waypoint accepts its absence (an empty CSV cell reads as absent).
    description: text,
    email,
    website: text,
  }),
  services: z.object({
    id,
    organization_id: optionalId,
    name: required,
    alternate_name: text,
    description: text,
    url: text,
    email,
    status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  }),
  phones: z.object({
    id,
    location_id: optionalId,
    service_id: optionalId,
    organization_id: optionalId,
    contact_id: optionalId,
    service_at_location_id: optionalId,
    number: required,
    type: text,
    description: text,
  }),
  schedules: z.object({
    id,
    service_id: optionalId,
    location_id: optionalId,
    service_at_location_id: optionalId,
    freq: text,
    byday: text,
    description: text,
    opens_at: text,
    closes_at: text,
  }),
  service_areas: z.object({ id, service_id: optionalId, name: text, description: text }),
  languages: z.object({ id, service_id: optionalId, location_id: optionalId, phone_id: optionalId, name: text, code: text }),
  contacts: z.object({
    id,
    organization_id: optionalId,
    service_id: optionalId,
    service_at_location_id: optionalId,
    location_id: optionalId,
    email,
  }),
  attributes: z.object({ id, link_id: optionalId, taxonomy_term_id: optionalId, link_type: text, link_entity: text, value: text }),
  service_at_location: z.object({ id, service_id: optionalId, location_id: optionalId }),
  locations: z.object({ id, location_type: z.enum(['physical', 'postal', 'virtual']), organization_id: optionalId, name: text }),
  addresses: z.object({
    id,
    location_id: optionalId,
    address_1: text,
    city: text,
    state_province: text,
    postal_code: text,
    country: text,
    address_type: text,
  }),
  // Written for other HSDS tools; on import Waypoint keeps its own taxonomies.
  taxonomies: z.object({ id, name: text, description: text, version: text }),
  taxonomy_terms: z.object({
    id,
    code: text,
    name: text,
    description: text,
    parent_id: optionalId,
    taxonomy: text,
    language: text,
    taxonomy_id: optionalId,
  }),
};

export type TableName = keyof typeof tableSchemas;
export type TableRow<T extends TableName> = z.infer<(typeof tableSchemas)[T]>;

export const tableNames = Object.keys(tableSchemas) as TableName[];

const fieldsOf = new Map(tableNames.map((table) => [table, Object.keys(tableSchemas[table].shape)]));

/** Field names of a table, in the spec's column order. */
export function tableFields(table: TableName): readonly string[] {
  return fieldsOf.get(table)!;
}

/** The spec's file name of each table (all plural except service_at_location.csv). */
export function tableFile(table: TableName): string {
  return `${table}.csv`;
}

/** Tables Waypoint reads to build directory entries; taxonomies are written but not read. */
export const importedTables: readonly TableName[] = [
  'organizations',
  'services',
  'phones',
  'schedules',
  'service_areas',
  'languages',
  'contacts',
  'attributes',
  'service_at_location',
  'locations',
  'addresses',
];
