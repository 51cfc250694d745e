import { unguardCell } from '../csv';
import { tableFields, tableFile, tableNames } from './tables';
import type { TableName } from './tables';

/**
 * Older HSDS versions in a Tabular Data Package. Most directories in the field still publish HSDS 1.1 or
 * 2.0; their tables are mapped to the HSDS 3.0 tables Waypoint reads (tables.ts), so one validation and
 * one plan serve every version. The mapping, table by table and field by field, is documented in
 * docs/hsds-versions.md; the field lists come from the datapackage.json of each version of the spec.
 */

export type HsdsVersion = '1.1' | '2.0' | '3.0';

/** Where a 3.0 table's rows come from in a package of some version, and how its fields are read. */
export interface TableSource {
  table: TableName;
  /** 3.0 field -> the column it is read from, where the older version names it otherwise. */
  renamed?: Readonly<Record<string, string>>;
  /** 3.0 fields the older version does not have, with the value every row gets. */
  fixed?: Readonly<Record<string, string>>;
  /** 3.0 fields made from another column's value (an empty result reads as absent). */
  derived?: Readonly<Record<string, { from: string; value: (cell: string) => string | undefined }>>;
}

const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** HSDS 1.1's `weekday`: 1 = Monday ... 7 = Sunday, as the spec says; day names are read too, as publishers write them. */
function byday(weekday: string): string | undefined {
  const day = weekday.trim().toLowerCase();
  const index = /^[1-7]$/.test(day) ? Number(day) - 1 : weekdayNames.findIndex((name) => name === day || name.slice(0, 3) === day);
  return weekdays[index];
}

/** Tables both 1.1 and 2.0 have, in the same shape. Tables not listed are not read (a note names them). */
const olderTables: Readonly<Record<string, TableSource>> = {
  'organizations.csv': { table: 'organizations', renamed: { website: 'url' } },
  'services.csv': { table: 'services' },
  'services_at_location.csv': { table: 'service_at_location' },
  // Locations had no type before 3.0: every one was a place with an address (or none).
  'locations.csv': { table: 'locations', fixed: { location_type: 'physical' } },
  'phones.csv': { table: 'phones' },
  'contacts.csv': { table: 'contacts' },
  // 3.0 keeps both kinds of address in one table, told apart by address_type.
  'physical_addresses.csv': { table: 'addresses', fixed: { address_type: 'physical' } },
  'postal_addresses.csv': { table: 'addresses', fixed: { address_type: 'postal' } },
  'service_areas.csv': { table: 'service_areas', renamed: { name: 'service_area' } },
  // The spec asks for ISO 639-1 codes in `language`; 3.0 has the code in `code`.
  'languages.csv': { table: 'languages', renamed: { code: 'language' } },
};

const versionTables: Readonly<Record<Exclude<HsdsVersion, '3.0'>, Readonly<Record<string, TableSource>>>> = {
  '1.1': {
    ...olderTables,
    'regular_schedules.csv': {
      table: 'schedules',
      fixed: { freq: 'WEEKLY' },
      derived: { byday: { from: 'weekday', value: byday } },
    },
  },
  // 2.0's schedules.csv already has 3.0's RRULE fields (freq, byday, opens_at, closes_at).
  '2.0': { ...olderTables, 'schedules.csv': { table: 'schedules' } },
};

/** Which 3.0 table a package file of this version holds, and how to read it; undefined when Waypoint does not read it. */
export function tableSource(version: HsdsVersion, fileName: string): TableSource | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  if (version !== '3.0') return versionTables[version][base];
  const table = tableNames.find((name) => tableFile(name) === base);
  return table === undefined ? undefined : { table };
}

// Files only one version has (from the datapackage.json of each).
const only11 = ['services_taxonomy.csv', 'regular_schedules.csv', 'holiday_schedules.csv', 'taxonomy.csv'];
const only20 = ['service_attributes.csv', 'other_attributes.csv'];
const only30 = ['attributes.csv', 'service_at_location.csv', 'addresses.csv', 'accessibility.csv', 'cost_options.csv', 'organization_identifiers.csv', 'taxonomies.csv'];
/** Files 1.1 and 2.0 share that 3.0 renamed or merged. */
const olderOnly = ['services_at_location.csv', 'physical_addresses.csv', 'postal_addresses.csv', 'payments_accepted.csv', 'eligibility.csv', 'accessibility_for_disabilities.csv'];

/** The column names on a CSV file's first line (enough to recognise a version; the file is parsed later). */
function headerOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end))
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((name) => name.trim().replace(/^"|"$/g, ''));
}

/** The spec version a datapackage.json states, when it is one of the three (publishers may put their own data's version there). */
function statedVersion(descriptor: unknown): HsdsVersion | undefined {
  const version = descriptor !== null && typeof descriptor === 'object' ? (descriptor as Record<string, unknown>).version : undefined;
  if (typeof version !== 'string') return undefined;
  return (['1.1', '2.0', '3.0'] as const).find((v) => new RegExp(`^${v[0]}\\.\\d+(\\.\\d+)?$`).test(version.trim()));
}

/**
 * Which HSDS version a package is, from its files' names, the version its datapackage.json states, and
 * the names of its tables' fields, in that order of weight. 1.1 and 2.0 share most tables in the same
 * shape: a package with none of the tables that tell them apart is read as 1.1 (the mapping is the same).
 */
export function detectHsdsVersion(files: ReadonlyMap<string, string>, descriptor: unknown): HsdsVersion {
  const has = (names: readonly string[]) => names.some((name) => files.has(name));
  if (has(only11) || headerOf(files.get('services.csv')).includes('taxonomy_ids')) return '1.1';
  if (has(only20)) return '2.0';
  if (has(only30)) return '3.0';
  const stated = statedVersion(descriptor);
  if (stated !== undefined) return stated;
  const organizationFields = headerOf(files.get('organizations.csv'));
  const older =
    has(olderOnly) ||
    (organizationFields.includes('url') && !organizationFields.includes('website')) ||
    headerOf(files.get('service_areas.csv')).includes('service_area') ||
    headerOf(files.get('languages.csv')).includes('language');
  if (!older) return '3.0';
  return files.has('schedules.csv') ? '2.0' : '1.1';
}

/**
 * Reads a CSV row as the 3.0 table's row: the fields Waypoint reads, from the columns the source names,
 * on a prototype-less object (a column named "__proto__" is never copied anywhere).
 */
export function rowReader(source: TableSource, columns: ReadonlyMap<string, number>): (record: readonly string[]) => Record<string, unknown> {
  const read = tableFields(source.table).flatMap((field) => {
    const column = columns.get(source.renamed?.[field] ?? field);
    return column === undefined ? [] : [[field, column] as const];
  });
  const derived = Object.entries(source.derived ?? {}).flatMap(([field, { from, value }]) => {
    const column = columns.get(from);
    return column === undefined ? [] : [[field, column, value] as const];
  });
  return (record) => {
    const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [field, column] of read) {
      const cell = record[column] ?? '';
      // An empty cell is an absent value: CSV cannot tell the two apart.
      if (cell !== '') values[field] = unguardCell(cell);
    }
    for (const [field, column, value] of derived) {
      const made = value(unguardCell(record[column] ?? ''));
      if (made !== undefined) values[field] = made;
    }
    for (const [field, value] of Object.entries(source.fixed ?? {})) values[field] = value;
    return values;
  };
}
