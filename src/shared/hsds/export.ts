import { writeCsv } from '../csv';
import { directoryToHsds } from './directory';
import type { DirectoryEntry, DirectoryOrganization } from './directory';
import { describeProblem } from './import-problems';
import { readHsdsValue } from './import-read';
import { tableFields, tableFile } from './tables';
import type { TableName } from './tables';
import type { HsdsDirectory } from './types';

/**
 * HSDS 3.0 export of the whole directory or a filtered view, as JSON (Waypoint's directory file shape,
 * which the importer reads back) or as a Tabular Data Package. Both come from `directoryToHsds`, so what
 * one format holds the other holds too.
 *
 * Confidential addresses: an entry flagged `confidentialAddress` has no address of its own in the flat form;
 * the only address linked to it is its organization's head office, which is marked confidential on the address
 * itself (`withConfidentialHeadquarters`, over the whole directory) and dropped by `directoryToHsds`, so a
 * filtered export that leaves the confidential entry out still leaves the address out. The entry's flag is
 * exported, so a re-import keeps it.
 */

export interface DirectoryExportInput {
  entries: readonly DirectoryEntry[];
  /**
   * Organizations to export; pass at least those the entries name (see `organizationsFor`), as the directory
   * holds them: with their confidential head offices marked (`withConfidentialHeadquarters`).
   */
  organizations: readonly DirectoryOrganization[];
  /** Written into the JSON file; defaults to 0 and the Unix epoch so the output depends on the data only. */
  dataVersion?: number;
  generatedAt?: string;
}

/** The organizations `entries` refer to, in the order of `all`. */
export function organizationsFor(entries: readonly DirectoryEntry[], all: readonly DirectoryOrganization[]): DirectoryOrganization[] {
  const named = new Set(entries.map((e) => e.organizationId));
  return all.filter((o) => named.has(o.id));
}

function exportedHsds(input: DirectoryExportInput): HsdsDirectory {
  return directoryToHsds({
    dataVersion: input.dataVersion ?? 0,
    generatedAt: input.generatedAt ?? '1970-01-01',
    organizations: [...input.organizations],
    entries: [...input.entries],
  });
}

/** HSDS JSON text of the entries and organizations (compact: a large directory is hundreds of megabytes indented). */
export function exportHsdsJson(input: DirectoryExportInput): string {
  return JSON.stringify(exportedHsds(input));
}

const exportedTables: readonly TableName[] = [
  'organizations',
  'services',
  'phones',
  'schedules',
  'service_areas',
  'languages',
  'contacts',
  'attributes',
  'locations',
  'addresses',
  'taxonomies',
  'taxonomy_terms',
];

function descriptor(): string {
  return JSON.stringify(
    {
      name: 'waypoint-directory',
      title: 'Waypoint directory export (HSDS 3.0)',
      profile: 'tabular-data-package',
      resources: exportedTables.map((table) => ({
        name: table,
        path: tableFile(table),
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: { fields: tableFields(table).map((name) => ({ name, type: 'string' })), primaryKey: 'id' },
      })),
    },
    null,
    1,
  );
}

/**
 * HSDS Tabular Data Package: file name -> text, CSV files plus datapackage.json. The nested records are
 * flattened by the importer's own reader, so export and import agree on every table and column.
 */
export function exportHsdsPackage(input: DirectoryExportInput): Record<string, string> {
  const hsds = exportedHsds(input);
  const flat = readHsdsValue(hsds, 'export', Number.MAX_SAFE_INTEGER);
  // Our own directoryToHsds output always reads back; an error here is a bug, not bad input.
  if (!flat.ok) throw new Error(`export could not be flattened: ${flat.errors[0] ? describeProblem(flat.errors[0]) : ''}`);
  const files: Record<string, string> = { 'datapackage.json': descriptor() };
  const rows: Record<TableName, Record<string, unknown>[]> = {
    ...Object.fromEntries(exportedTables.map((table) => [table, flat.tables[table].map((row) => row.values)])),
    taxonomies: hsds.taxonomies as unknown as Record<string, unknown>[],
    taxonomy_terms: hsds.taxonomy_terms as unknown as Record<string, unknown>[],
  } as Record<TableName, Record<string, unknown>[]>;
  for (const table of exportedTables) {
    const fields = tableFields(table);
    files[tableFile(table)] = writeCsv(
      fields,
      rows[table].map((row) => fields.map((field) => String(row[field] ?? ''))),
    );
  }
  return files;
}
