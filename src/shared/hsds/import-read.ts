import { parseCsv } from './csv';
import type { ImportNote } from './import-notes';
import { jsonSyntaxProblem } from './import-problems';
import type { ImportProblem, ProblemDetail } from './import-problems';
import { detectHsdsVersion, rowReader, tableSource } from './import-versions';
import type { HsdsVersion, TableSource } from './import-versions';
import { importedTables, tableFields, tableFile, tableNames } from './tables';
import type { TableName } from './tables';

/**
 * Reading step of an HSDS import: JSON text (nested records in any of the spec's shapes, the spec's tabular
 * JSON, or Waypoint's own directory file) or a Tabular Data Package becomes one set of flat tables whose rows
 * remember where they came from. Nothing is validated here beyond syntax; `planImport` validates.
 * Rows are built on prototype-less objects holding only the fields Waypoint reads, so a key such as
 * "__proto__" in the input is never copied anywhere.
 */

export type { ImportProblem } from './import-problems';
export { describeProblem } from './import-problems';

export interface RawRow {
  file: string;
  row?: number;
  path?: string;
  values: Record<string, unknown>;
  /**
   * Nested JSON may show one record in several places (the spec's service_full repeats a phone under the
   * service and under its organization); such rows may share an id. Rows of a CSV table may not.
   */
  repeatable?: true;
}

export type RawTables = Record<TableName, RawRow[]>;

/** `readAs`: an older HSDS version the input was recognised as and mapped from (import-versions.ts). */
export type ParsedHsds = { ok: true; tables: RawTables; notes: ImportNote[]; readAs?: OlderVersion } | { ok: false; errors: ImportProblem[]; readAs?: OlderVersion };

export type OlderVersion = Exclude<HsdsVersion, '3.0'>;

export interface ImportLimits {
  /** Characters of input in all (a JSON file, or all files of a package together). */
  maxTextLength: number;
  /** Rows across all tables, after flattening nested JSON. */
  maxRows: number;
  maxFiles: number;
}

export const defaultImportLimits: ImportLimits = { maxTextLength: 256 * 1024 * 1024, maxRows: 2_000_000, maxFiles: 64 };

function emptyTables(): RawTables {
  return Object.fromEntries(tableNames.map((name) => [name, []])) as unknown as RawTables;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function tooLarge(file: string, limits: ImportLimits): ParsedHsds {
  return { ok: false, errors: [{ file, code: 'tooLarge', values: { limit: limits.maxTextLength } }] };
}

// ---------------------------------------------------------------------------------------------------------
// JSON

class RowLimitReached extends Error {}

/**
 * How deep records may nest (an organization's service's service_at_location's location is 4). Deeper input
 * (service -> service_at_location -> service ..., made to overflow the stack) is an import problem, not a crash.
 */
export const maxRecordNesting = 32;

class NestingLimitReached extends Error {
  constructor(readonly path: string) {
    super('records nested too deep');
  }
}

type SkippedRecord = 'taxonomyTerms' | 'taxonomies' | 'apiDescription';

/** Flattens nested HSDS JSON into tables; the parent's id becomes the child's foreign key. */
class Flattener {
  readonly tables = emptyTables();
  /** What was read but not imported, besides the skipped records. */
  readonly notes: ImportNote[] = [];
  /** Records of kinds Waypoint does not import, counted by kind in the order first met. */
  private readonly skipped = new Map<SkippedRecord, number>();
  readonly problems: ImportProblem[] = [];
  private readonly seen = new Map<TableName, Set<string>>();
  private rowCount = 0;
  private depth = 0;
  private flatInput = false;

  constructor(
    private readonly file: string,
    private readonly maxRows: number,
  ) {}

  skip(kind: SkippedRecord): void {
    this.skipped.set(kind, (this.skipped.get(kind) ?? 0) + 1);
  }

  allNotes(): ImportNote[] {
    return [...this.notes, ...[...this.skipped].map(([code, count]): ImportNote => ({ code, values: { count } }))];
  }

  problem(path: string, detail: ProblemDetail): void {
    this.problems.push({ file: this.file, ...(path ? { path } : {}), ...detail });
  }

  /**
   * Adds one row. A record given only as context (a service's nested organization, a service_at_location's
   * nested service) may repeat across a list: only its first appearance is kept. Returns false when skipped.
   */
  add(table: TableName, record: Record<string, unknown>, path: string, foreignKeys: Record<string, string | undefined>, contextOnly = false): boolean {
    const id = record.id;
    if (typeof id === 'string') {
      const seen = this.seen.get(table) ?? new Set<string>();
      this.seen.set(table, seen);
      if (contextOnly && seen.has(id)) return false;
      seen.add(id);
    }
    if (++this.rowCount > this.maxRows) throw new RowLimitReached();
    const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const field of tableFields(table)) {
      // JSON null reads as absent: HSDS tools write either.
      if (Object.hasOwn(record, field) && record[field] !== null) values[field] = record[field];
    }
    for (const [field, value] of Object.entries(foreignKeys)) if (value !== undefined) values[field] = value;
    const repeatable = !this.flatInput && (contextOnly || (table !== 'services' && table !== 'organizations'));
    this.tables[table].push({ file: this.file, ...(path ? { path } : {}), values, ...(repeatable ? { repeatable } : {}) });
    return true;
  }

  private list(record: Record<string, unknown>, key: string, path: string): { item: Record<string, unknown>; path: string }[] {
    const value = record[key];
    if (value === undefined || value === null) return [];
    const at = path ? `${path}.${key}` : key;
    if (!Array.isArray(value)) {
      this.problem(at, { code: 'expectedList' });
      return [];
    }
    return value.flatMap((item: unknown, i) => {
      const object = asRecord(item);
      if (object === undefined) {
        this.problem(`${at}[${i}]`, { code: 'expectedObject' });
        return [];
      }
      return [{ item: object, path: `${at}[${i}]` }];
    });
  }

  /** Reads one record's contents one level deeper than its parent, refusing to go past `maxRecordNesting`. */
  private nested(path: string, read: () => void): void {
    if (this.depth >= maxRecordNesting) throw new NestingLimitReached(path);
    this.depth++;
    try {
      read();
    } finally {
      this.depth--;
    }
  }

  private children(table: TableName, parent: Record<string, unknown>, key: string, path: string, foreignKeys: Record<string, string | undefined>): void {
    for (const child of this.list(parent, key, path)) this.add(table, child.item, child.path, foreignKeys);
  }

  private attributes(parent: Record<string, unknown>, path: string, entity: 'service' | 'organization' | 'phone'): void {
    const id = idOf(parent);
    for (const child of this.list(parent, 'attributes', path)) {
      this.add('attributes', child.item, child.path, { link_id: id, link_entity: id === undefined ? undefined : entity });
    }
  }

  private phones(parent: Record<string, unknown>, path: string, foreignKeys: Record<string, string | undefined>): void {
    for (const phone of this.list(parent, 'phones', path)) {
      if (this.add('phones', phone.item, phone.path, foreignKeys)) this.attributes(phone.item, phone.path, 'phone');
    }
  }

  service(record: Record<string, unknown>, path: string, context: { organizationId?: string; contextOnly?: boolean }): void {
    this.nested(path, () => {
      const organization = asRecord(record.organization);
      const organizationId = context.organizationId ?? (organization ? idOf(organization) : undefined);
      if (organization) this.organization(organization, path ? `${path}.organization` : 'organization', true);
      if (!this.add('services', record, path, { organization_id: organizationId }, context.contextOnly)) return;
      const id = idOf(record);
      const own = { service_id: id };
      this.phones(record, path, own);
      this.children('schedules', record, 'schedules', path, own);
      this.children('service_areas', record, 'service_areas', path, own);
      this.children('languages', record, 'languages', path, own);
      this.children('contacts', record, 'contacts', path, own);
      this.attributes(record, path, 'service');
      for (const at of this.list(record, 'service_at_locations', path)) this.serviceAtLocation(at.item, at.path, id);
    });
  }

  serviceAtLocation(record: Record<string, unknown>, path: string, serviceId?: string): void {
    this.nested(path, () => {
      const service = asRecord(record.service);
      if (service) this.service(service, path ? `${path}.service` : 'service', { contextOnly: true });
      const location = asRecord(record.location);
      if (location) this.location(location, path ? `${path}.location` : 'location', true);
      const keys = { service_id: serviceId ?? (service ? idOf(service) : undefined), location_id: location ? idOf(location) : undefined };
      if (!this.add('service_at_location', record, path, keys)) return;
      const id = idOf(record);
      const own = { service_at_location_id: id };
      this.phones(record, path, own);
      this.children('schedules', record, 'schedules', path, own);
      this.children('contacts', record, 'contacts', path, own);
    });
  }

  location(record: Record<string, unknown>, path: string, contextOnly = false, organizationId?: string): void {
    this.nested(path, () => {
      if (!this.add('locations', record, path, { organization_id: organizationId }, contextOnly)) return;
      const id = idOf(record);
      this.children('addresses', record, 'addresses', path, { location_id: id });
    });
  }

  organization(record: Record<string, unknown>, path: string, contextOnly = false): void {
    this.nested(path, () => {
      if (!this.add('organizations', record, path, {}, contextOnly)) return;
      const id = idOf(record);
      const own = { organization_id: id };
      this.phones(record, path, own);
      this.children('contacts', record, 'contacts', path, own);
      for (const location of this.list(record, 'locations', path)) this.location(location.item, location.path, false, id);
      this.attributes(record, path, 'organization');
      for (const service of this.list(record, 'services', path)) {
        this.service(service.item, service.path, { organizationId: id });
      }
    });
  }

  /** One record of unknown kind, told apart by the fields each HSDS object requires. */
  record(record: Record<string, unknown>, path: string): void {
    if ('status' in record) this.service(record, path, {});
    else if (asRecord(record.service) || asRecord(record.location)) this.serviceAtLocation(record, path);
    else if ('location_type' in record) this.location(record, path);
    else if ('taxonomy' in record || 'taxonomy_id' in record || 'code' in record) this.skip('taxonomyTerms');
    else if ('openapi_url' in record) this.skip('apiDescription');
    else if ('version' in record) this.skip('taxonomies');
    else if ('name' in record) this.organization(record, path);
    else this.problem(path, { code: 'unknownRecord' });
  }

  /** The spec's tabular JSON: file name -> list of rows, already flat. */
  tabular(document: Record<string, unknown>): void {
    this.flatInput = true;
    const unread: string[] = [];
    for (const [fileName, rows] of Object.entries(document)) {
      const table = tableForFile(fileName);
      if (table === undefined || !importedTables.includes(table)) {
        unread.push(fileName);
        continue;
      }
      if (!Array.isArray(rows)) {
        this.problem(fileName, { code: 'expectedList' });
        continue;
      }
      rows.forEach((row: unknown, i) => {
        const object = asRecord(row);
        if (object === undefined) this.problem(`${fileName}[${i}]`, { code: 'expectedObject' });
        else this.add(table, object, `${fileName}[${i}]`, {});
      });
    }
    if (unread.length > 0) this.notes.push(unreadTablesNote(unread));
  }
}

function idOf(record: Record<string, unknown>): string | undefined {
  return typeof record.id === 'string' ? record.id : undefined;
}

function tableForFile(fileName: string): TableName | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  return tableNames.find((table) => tableFile(table) === base);
}

function unreadTablesNote(files: readonly string[]): ImportNote {
  return { code: 'unreadTables', values: { files: files.join(', '), count: files.length } };
}

/** Reads HSDS JSON text. Never throws: problems come back as errors. */
export function parseHsdsJson(text: string, fileName = 'import.json', limits: ImportLimits = defaultImportLimits): ParsedHsds {
  if (text.length > limits.maxTextLength) return tooLarge(fileName, limits);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ file: fileName, ...jsonSyntaxProblem(text, error) }] };
  }
  return readHsdsValue(document, fileName, limits.maxRows);
}

/** Reads an already parsed JSON value, as `parseHsdsJson` does after parsing. */
export function readHsdsValue(document: unknown, fileName: string, maxRows: number): ParsedHsds {
  const flat = new Flattener(fileName, maxRows);
  try {
    const object = asRecord(document);
    if (Array.isArray(document)) {
      document.forEach((item: unknown, i) => {
        const record = asRecord(item);
        if (record) flat.record(record, `[${i}]`);
        else flat.problem(`[${i}]`, { code: 'expectedObject' });
      });
    } else if (object === undefined) {
      flat.problem('', { code: 'notHsds' });
    } else if (object.format === 'waypoint-directory') {
      // Waypoint's own directory file or export: flat lists of organizations and services.
      for (const [key, kind] of [
        ['organizations', 'organization'],
        ['services', 'service'],
      ] as const) {
        const list = object[key];
        if (!Array.isArray(list)) {
          flat.problem(key, { code: 'expectedList' });
          continue;
        }
        list.forEach((item: unknown, i) => {
          const record = asRecord(item);
          if (record === undefined) flat.problem(`${key}[${i}]`, { code: 'expectedObject' });
          else if (kind === 'organization') flat.organization(record, `${key}[${i}]`);
          else flat.service(record, `${key}[${i}]`, {});
        });
      }
    } else if (Array.isArray(object.contents)) {
      // A page of an HSDS API list response.
      if (typeof object.total_pages === 'number' && object.total_pages > 1) {
        flat.notes.push({ code: 'otherPages', values: { count: object.total_pages - 1 } });
      }
      object.contents.forEach((item: unknown, i) => {
        const record = asRecord(item);
        if (record) flat.record(record, `contents[${i}]`);
        else flat.problem(`contents[${i}]`, { code: 'expectedObject' });
      });
    } else if (Object.keys(object).length > 0 && Object.keys(object).every((key) => key.endsWith('.csv'))) {
      flat.tabular(object);
    } else {
      flat.record(object, '');
    }
  } catch (error) {
    if (error instanceof NestingLimitReached) {
      return { ok: false, errors: [{ file: fileName, ...(error.path ? { path: error.path } : {}), code: 'tooDeep', values: { limit: maxRecordNesting } }] };
    }
    if (!(error instanceof RowLimitReached)) throw error;
    return { ok: false, errors: [{ file: fileName, code: 'tooManyRecords', values: { limit: maxRows } }] };
  }
  if (flat.problems.length > 0) return { ok: false, errors: flat.problems };
  return { ok: true, tables: flat.tables, notes: flat.allNotes() };
}

// ---------------------------------------------------------------------------------------------------------
// Tabular Data Package

interface PackageResource {
  file: string;
  source: TableSource;
}

type FoundResources = { resources: PackageResource[]; version: HsdsVersion } | { problem: ImportProblem };

function packageResources(files: ReadonlyMap<string, string>, notes: ImportNote[]): FoundResources {
  const descriptorText = files.get('datapackage.json');
  const csvFiles = [...files.keys()].filter((name) => name.endsWith('.csv'));
  if (descriptorText === undefined) {
    // A folder of the spec's CSV files without a descriptor: the file names say which table is which.
    notes.push({ code: 'noDescriptor' });
    const version = detectHsdsVersion(files, undefined);
    const resources = csvFiles.flatMap((file) => {
      const source = tableSource(version, file);
      return source ? [{ file, source }] : [];
    });
    return { resources, version };
  }
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(descriptorText);
  } catch (error) {
    return { problem: { file: 'datapackage.json', ...jsonSyntaxProblem(descriptorText, error) } };
  }
  const list = asRecord(descriptor)?.resources;
  if (!Array.isArray(list)) return { problem: { file: 'datapackage.json', field: 'resources', code: 'expectedList' } };
  const version = detectHsdsVersion(files, descriptor);
  const resources: PackageResource[] = [];
  for (const [i, item] of list.entries()) {
    const path = asRecord(item)?.path;
    if (typeof path !== 'string') {
      return { problem: { file: 'datapackage.json', path: `resources[${i}]`, field: 'path', code: 'expectedFileName' } };
    }
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (!files.has(file)) return { problem: { file: 'datapackage.json', path: `resources[${i}]`, field: 'path', code: 'missingFile', values: { file } } };
    const source = tableSource(version, file);
    if (source) resources.push({ file, source });
  }
  return { resources, version };
}

/**
 * Reads an HSDS Tabular Data Package: file name -> text, as unpacked from a folder or zip by the caller
 * (folder prefixes in the names are ignored). Never throws.
 */
export function parseHsdsPackage(files: Readonly<Record<string, string>>, limits: ImportLimits = defaultImportLimits): ParsedHsds {
  const names = Object.keys(files);
  if (names.length > limits.maxFiles) return { ok: false, errors: [{ file: 'package', code: 'tooManyFiles', values: { limit: limits.maxFiles } }] };
  const byName = new Map<string, string>();
  let total = 0;
  for (const name of names) {
    const text = files[name];
    if (typeof text !== 'string') return { ok: false, errors: [{ file: name, code: 'notText' }] };
    total += text.length;
    if (total > limits.maxTextLength) return tooLarge(name, limits);
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (byName.has(base)) return { ok: false, errors: [{ file: base, code: 'duplicateFile' }] };
    byName.set(base, text);
  }
  const notes: ImportNote[] = [];
  const found = packageResources(byName, notes);
  if ('problem' in found) return { ok: false, errors: [found.problem] };

  // Older versions are read into the 3.0 tables (import-versions.ts); the plan says which version was read.
  const readAs = found.version === '3.0' ? {} : { readAs: found.version };
  const tables = emptyTables();
  let rowCount = 0;
  for (const { file, source } of found.resources) {
    if (!importedTables.includes(source.table)) continue;
    const parsed = parseCsv(byName.get(file) ?? '', limits.maxRows);
    if (!parsed.ok) return { ok: false, errors: [{ file, row: parsed.row, ...parsed.problem }], ...readAs };
    const { header, records, rows } = parsed.table;
    rowCount += records.length;
    if (rowCount > limits.maxRows) return { ok: false, errors: [{ file, code: 'tooManyRows', values: { limit: limits.maxRows } }], ...readAs };
    const columns = new Map<string, number>();
    for (const [i, name] of header.entries()) {
      const field = name.trim();
      if (columns.has(field)) return { ok: false, errors: [{ file, row: 1, field, code: 'duplicateColumn' }], ...readAs };
      columns.set(field, i);
    }
    const read = rowReader(source, columns);
    records.forEach((record, r) => {
      tables[source.table].push({ file, row: rows[r]!, values: read(record) });
    });
  }
  const unread = [...byName.keys()].filter((name) => name.endsWith('.csv') && !found.resources.some((r) => r.file === name && importedTables.includes(r.source.table)));
  if (unread.length > 0) notes.push(unreadTablesNote(unread));
  return { ok: true, tables, notes, ...readAs };
}
