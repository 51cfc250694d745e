import { DirectoryFormatError, entryFromHsds, organizationFromHsds, withConfidentialHeadquarters } from './directory';
import type { DirectoryEntry, DirectoryOrganization } from './directory';
import type { ImportNote } from './import-notes';
import { schemaProblem } from './import-problems';
import type { ImportProblem, ProblemDetail } from './import-problems';
import type { OlderVersion, ParsedHsds, RawRow, RawTables } from './import-read';
import { importedTables, tableSchemas } from './tables';
import type { TableName, TableRow } from './tables';
import type { HsdsAttribute, HsdsLocation, HsdsOrganization, HsdsPhone, HsdsService, PhoneType } from './types';
import { directoryId } from './uuid';

/**
 * Planning step of an HSDS import: validates the rows read by `parseHsdsJson` / `parseHsdsPackage`, checks
 * the references Waypoint follows, maps records to directory entries and compares them with the directory,
 * so the person sees what will be added or updated before anything is written. A plan with errors holds
 * nothing to apply. Records keep their HSDS ids, so importing the same data again updates in place.
 *
 * An import never replaces what ships with Waypoint: a record with the id of a shipped entry or organization
 * becomes the person's own copy beside it, under an id derived from the shipped one (`importedCopyId`), so the
 * same file imported again updates that copy, and a file cannot change the hotline numbers Waypoint ships.
 *
 * References Waypoint does not follow (a location's organization_id, a contact's organization_id beside a
 * service_id, parent_organization_id, taxonomy links) are not checked: the spec's own example package has
 * dangling ones there, and nothing is built from them.
 */

export interface PlannedUpdate<T> {
  before: T;
  after: T;
}

export interface ImportPlan {
  /** True when there are no errors; only then is there anything to apply. */
  ok: boolean;
  toAdd: DirectoryEntry[];
  toUpdate: PlannedUpdate<DirectoryEntry>[];
  unchanged: DirectoryEntry[];
  organizations: {
    toAdd: DirectoryOrganization[];
    toUpdate: PlannedUpdate<DirectoryOrganization>[];
    unchanged: DirectoryOrganization[];
  };
  /** The first problems found (at most `maxErrors`), in file order within each check. */
  errors: ImportProblem[];
  /** How many problems there were in all. */
  errorCount: number;
  /** What was read but not imported, as codes the interface puts in words (import-notes.ts). */
  notes: ImportNote[];
  /** The older HSDS version the input was read as, mapped to 3.0 (import-versions.ts); absent for 3.0. */
  readAs?: OlderVersion;
}

export const maxErrors = 20;

function failedPlan(errors: ImportProblem[], errorCount = errors.length, readAs?: OlderVersion): ImportPlan {
  return {
    ...(readAs === undefined ? {} : { readAs }),
    ok: false,
    toAdd: [],
    toUpdate: [],
    unchanged: [],
    organizations: { toAdd: [], toUpdate: [], unchanged: [] },
    errors: errors.slice(0, maxErrors),
    errorCount,
    notes: [],
  };
}

class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;

  add(row: RawRow, field: string | undefined, detail: ProblemDetail): void {
    this.count++;
    if (this.list.length >= maxErrors) return;
    this.list.push({
      file: row.file,
      ...(row.row === undefined ? {} : { row: row.row }),
      ...(row.path === undefined ? {} : { path: row.path }),
      ...(field === undefined ? {} : { field }),
      ...detail,
    });
  }
}

interface Valid<T extends TableName> {
  raw: RawRow;
  value: TableRow<T>;
}

type ValidTables = { [T in TableName]: Valid<T>[] };

/** Tables whose rows are records in their own right, rather than children attached to one parent. */
const recordTables = new Set<TableName>(['services', 'organizations', 'locations', 'service_at_location']);

function validate(tables: RawTables, problems: Problems): ValidTables {
  const valid = {} as ValidTables;
  for (const table of importedTables) {
    const schema = tableSchemas[table];
    const rows: Valid<TableName>[] = [];
    const firstRowOfId = new Map<string, RawRow>();
    for (const raw of tables[table]) {
      const result = schema.safeParse(raw.values);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
          const missing = field !== undefined && raw.values[field] === undefined;
          problems.add(raw, field, schemaProblem(issue, missing));
        }
        continue;
      }
      const earlier = firstRowOfId.get(result.data.id);
      if (earlier && (earlier.repeatable || raw.repeatable)) {
        // The same record shown again elsewhere in nested JSON: one row for a record, one per parent for a child.
        if (recordTables.has(table) || sameData(earlier.values, raw.values)) continue;
      } else if (earlier) {
        problems.add(
          raw,
          'id',
          earlier.row !== undefined
            ? { code: 'duplicateIdRow', values: { row: earlier.row } }
            : earlier.path !== undefined
              ? { code: 'duplicateIdAt', values: { path: earlier.path } }
              : { code: 'duplicateId' },
        );
        continue;
      }
      if (!earlier) firstRowOfId.set(result.data.id, raw);
      rows.push({ raw, value: result.data });
    }
    (valid as Record<TableName, Valid<TableName>[]>)[table] = rows;
  }
  return valid;
}

/** Adds a child row to its parent's list, once: nested JSON may list the same child twice for one parent. */
function pushTo<T extends { value: { id: string } }>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else if (!list.some((other) => other.value.id === item.value.id)) list.push(item);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** HSDS 3.0 leaves phone types open; Waypoint keeps the RFC 6350 ones and reads common others as voice. */
function phoneType(type: string | undefined): PhoneType {
  switch ((type ?? '').toLowerCase()) {
    case 'text':
    case 'sms':
      return 'text';
    case 'fax':
      return 'fax';
    case 'textphone':
    case 'tty':
      return 'textphone';
    default:
      return 'voice';
  }
}

const allDays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * Whether weekly schedules open all day cover every day of the week: in one row (BYDAY=MO,...,SU), or
 * in one row per day, as HSDS 1.1's regular_schedules gives them.
 */
function isRoundTheClock(schedules: readonly TableRow<'schedules'>[]): boolean {
  const days = new Set<string>();
  for (const schedule of schedules) {
    const allDay = schedule.freq?.toUpperCase() === 'WEEKLY' && /^00:00(:00)?$/.test(schedule.opens_at ?? '') && /^(23:59(:59)?|24:00(:00)?)$/.test(schedule.closes_at ?? '');
    if (allDay) for (const day of (schedule.byday ?? '').toUpperCase().split(',')) days.add(day.trim());
  }
  return allDays.every((day) => days.has(day));
}

const countryCode = /^[A-Z]{2}$/;

function isEntity(value: string | undefined): value is HsdsAttribute['link_entity'] {
  return value === 'service' || value === 'organization' || value === 'phone';
}

function toAttribute(a: TableRow<'attributes'>, entity: HsdsAttribute['link_entity'], linkId: string): HsdsAttribute[] {
  if (a.taxonomy_term_id === undefined) return [];
  return [
    { id: a.id, link_id: linkId, link_entity: entity, link_type: a.link_type ?? '', taxonomy_term_id: a.taxonomy_term_id, ...(a.value === undefined ? {} : { value: a.value }) },
  ];
}

/** Builds entries and organizations from valid tables, reporting references to records that are not there. */
function assemble(
  t: ValidTables,
  existingOrganizationIds: ReadonlySet<string>,
  problems: Problems,
  notes: ImportNote[],
): { entries: DirectoryEntry[]; organizations: DirectoryOrganization[] } {
  const services = new Map(t.services.map((s) => [s.value.id, s]));
  const organizations = new Map(t.organizations.map((o) => [o.value.id, o]));
  const locations = new Map(t.locations.map((l) => [l.value.id, l]));
  const serviceAtLocation = new Map(t.service_at_location.map((s) => [s.value.id, s]));
  const phones = new Map(t.phones.map((p) => [p.value.id, p]));

  const need = <T>(row: Valid<TableName>, field: string, id: string, found: ReadonlyMap<string, T>, missing: ProblemDetail): boolean => {
    if (found.has(id)) return true;
    problems.add(row.raw, field, missing);
    return false;
  };
  const noService: ProblemDetail = { code: 'noService' };
  const noLocation: ProblemDetail = { code: 'noLocation' };

  for (const s of t.services) {
    const orgId = s.value.organization_id;
    if (orgId !== undefined && !organizations.has(orgId) && !existingOrganizationIds.has(orgId)) {
      problems.add(s.raw, 'organization_id', { code: 'noOrganization' });
    }
  }
  for (const sal of t.service_at_location) {
    if (sal.value.service_id === undefined) problems.add(sal.raw, 'service_id', { code: 'required' });
    else need(sal, 'service_id', sal.value.service_id, services, noService);
    if (sal.value.location_id !== undefined) need(sal, 'location_id', sal.value.location_id, locations, noLocation);
  }
  for (const a of t.addresses) if (a.value.location_id !== undefined) need(a, 'location_id', a.value.location_id, locations, noLocation);

  type Owner = { service: string } | { organization: string } | undefined;
  /** The service or organization a phone or contact belongs to, by the first reference it gives. */
  const ownerOf = (row: Valid<TableName>, v: { service_id?: string; service_at_location_id?: string; organization_id?: string }, orOrganization: boolean): Owner => {
    if (v.service_id !== undefined) return need(row, 'service_id', v.service_id, services, noService) ? { service: v.service_id } : undefined;
    if (v.service_at_location_id !== undefined) {
      const sal = serviceAtLocation.get(v.service_at_location_id);
      if (!need(row, 'service_at_location_id', v.service_at_location_id, serviceAtLocation, { code: 'noServiceAtLocation' })) return undefined;
      return sal?.value.service_id === undefined ? undefined : { service: sal.value.service_id };
    }
    if (orOrganization && v.organization_id !== undefined) {
      return need(row, 'organization_id', v.organization_id, organizations, { code: 'noOrganizationInImport' }) ? { organization: v.organization_id } : undefined;
    }
    return undefined;
  };

  const phonesOf = new Map<string, Valid<'phones'>[]>();
  for (const p of t.phones) {
    const owner = ownerOf(p, p.value, true);
    if (owner === undefined) continue;
    pushTo(phonesOf, 'service' in owner ? owner.service : owner.organization, p);
  }
  const contactsOf = new Map<string, Valid<'contacts'>[]>();
  for (const c of t.contacts) {
    const owner = ownerOf(c, c.value, true);
    if (owner === undefined || c.value.email === undefined) continue;
    pushTo(contactsOf, 'service' in owner ? owner.service : owner.organization, c);
  }
  const schedulesOf = new Map<string, Valid<'schedules'>[]>();
  for (const s of t.schedules) {
    const owner = ownerOf(s, s.value, false);
    if (owner !== undefined && 'service' in owner) pushTo(schedulesOf, owner.service, s);
  }
  for (const table of ['service_areas', 'languages'] as const) {
    for (const row of t[table]) if (row.value.service_id !== undefined) need(row, 'service_id', row.value.service_id, services, noService);
  }
  const attributesOf = new Map<string, HsdsAttribute[]>();
  for (const a of t.attributes) {
    const entity = a.value.link_entity;
    const linkId = a.value.link_id;
    if (!isEntity(entity) || linkId === undefined) continue;
    const targets: ReadonlyMap<string, unknown> = entity === 'service' ? services : entity === 'organization' ? organizations : phones;
    const noTarget: ProblemDetail = entity === 'service' ? noService : entity === 'organization' ? { code: 'noOrganizationInImport' } : { code: 'noPhone' };
    if (!need(a, 'link_id', linkId, targets, noTarget)) continue;
    const list = attributesOf.get(linkId);
    if (list) list.push(...toAttribute(a.value, entity, linkId));
    else attributesOf.set(linkId, toAttribute(a.value, entity, linkId));
  }
  if (problems.count > 0) return { entries: [], organizations: [] };

  const areasOf = groupBy(t.service_areas, (a) => a.value.service_id);
  const languagesOf = groupBy(t.languages, (l) => l.value.service_id);
  const locationsOfService = groupBy(t.service_at_location, (s) => s.value.service_id);
  const addressesOf = groupBy(t.addresses, (a) => a.value.location_id);
  const locationsOfOrganization = groupBy(t.locations, (l) => l.value.organization_id);

  const toPhones = (ownerId: string, owner: { service_id: string } | { organization_id: string }): HsdsPhone[] =>
    (phonesOf.get(ownerId) ?? []).map(({ value: p }) => {
      const attributes = attributesOf.get(p.id) ?? [];
      return {
        id: p.id,
        ...owner,
        number: p.number,
        type: phoneType(p.type),
        ...(p.description === undefined ? {} : { description: p.description }),
        ...(attributes.length > 0 ? { attributes } : {}),
      };
    });
  const toContacts = (ownerId: string, owner: { service_id: string } | { organization_id: string }) =>
    (contactsOf.get(ownerId) ?? []).map(({ value: c }) => ({ id: c.id, ...owner, email: c.email ?? '' }));

  const entries: DirectoryEntry[] = [];
  let notActive = 0;
  for (const { raw, value: s } of t.services) {
    if (s.status === 'inactive' || s.status === 'defunct') {
      notActive++;
      continue;
    }
    // Countries: service areas named by an ISO code, then the countries of the service's addresses.
    const countries = (areasOf.get(s.id) ?? []).map((a) => a.value.name ?? '').filter((name) => countryCode.test(name));
    for (const sal of locationsOfService.get(s.id) ?? []) {
      for (const address of addressesOf.get(sal.value.location_id ?? '') ?? []) {
        const country = address.value.country?.toUpperCase() ?? '';
        if (countryCode.test(country) && !countries.includes(country)) countries.push(country);
      }
    }
    const schedules = schedulesOf.get(s.id) ?? [];
    const service: HsdsService = {
      id: s.id,
      ...(s.organization_id === undefined ? {} : { organization_id: s.organization_id }),
      name: s.name,
      ...(s.alternate_name === undefined ? {} : { alternate_name: s.alternate_name }),
      description: s.description ?? '',
      ...(s.url === undefined ? {} : { url: s.url }),
      ...(s.email === undefined ? {} : { email: s.email }),
      status: 'active',
      phones: toPhones(s.id, { service_id: s.id }),
      schedules: schedules.map(({ value: h }) => ({ id: h.id, service_id: s.id, ...(h.description === undefined ? {} : { description: h.description }) })),
      service_areas: countries.map((name, i) => ({ id: `${s.id}:${i}`, service_id: s.id, name, description: '' })),
      languages: (languagesOf.get(s.id) ?? []).flatMap(({ value: l }) => (l.code ? [{ id: l.id, service_id: s.id, name: l.name ?? l.code, code: l.code }] : [])),
      contacts: toContacts(s.id, { service_id: s.id }),
      attributes: attributesOf.get(s.id) ?? [],
    };
    try {
      const entry = entryFromHsds(service);
      // Other HSDS tools say "open 24/7" with a weekly schedule rather than Waypoint's attribute.
      if (entry.is24x7 === null && isRoundTheClock(schedules.map((h) => h.value))) entry.is24x7 = true;
      entries.push(entry);
    } catch (error) {
      if (!(error instanceof DirectoryFormatError)) throw error;
      problems.add(raw, 'attributes', error.problem);
    }
  }
  if (notActive > 0) notes.push({ code: 'inactiveServices', values: { count: notActive } });

  const directoryOrganizations: DirectoryOrganization[] = [];
  for (const { raw, value: o } of t.organizations) {
    // The head office is the first of the organization's locations that has an address.
    const located = (locationsOfOrganization.get(o.id) ?? []).filter((l) => addressesOf.has(l.value.id));
    const locationsHsds: HsdsLocation[] = located.slice(0, 1).map(({ value: l }) => ({
      id: l.id,
      location_type: 'physical',
      organization_id: o.id,
      name: l.name ?? '',
      addresses: (addressesOf.get(l.id) ?? []).map(({ value: a }) => ({
        id: a.id,
        location_id: l.id,
        address_1: a.address_1 ?? '',
        city: a.city ?? '',
        state_province: a.state_province ?? '',
        postal_code: a.postal_code ?? '',
        country: a.country ?? '',
        address_type: a.address_type === 'postal' ? 'postal' : 'physical',
      })),
    }));
    const organization: HsdsOrganization = {
      id: o.id,
      name: o.name,
      ...(o.alternate_name === undefined ? {} : { alternate_name: o.alternate_name }),
      description: o.description ?? '',
      ...(o.website === undefined ? {} : { website: o.website }),
      ...(o.email === undefined ? {} : { email: o.email }),
      phones: toPhones(o.id, { organization_id: o.id }),
      contacts: toContacts(o.id, { organization_id: o.id }),
      locations: locationsHsds,
      attributes: attributesOf.get(o.id) ?? [],
    };
    try {
      directoryOrganizations.push(organizationFromHsds(organization));
    } catch (error) {
      if (!(error instanceof DirectoryFormatError)) throw error;
      problems.add(raw, 'attributes', error.problem);
    }
  }
  const atServices = new Set(t.service_at_location.map((s) => s.value.location_id));
  const unlinked = t.locations.filter((l) => !atServices.has(l.value.id) && !organizations.has(l.value.organization_id ?? '')).length;
  if (unlinked > 0) notes.push({ code: 'unlinkedLocations', values: { count: unlinked } });
  // A service flagged confidential-address makes its organization's address confidential, as in the app's own data.
  return { entries, organizations: withConfidentialHeadquarters(entries, directoryOrganizations) };
}

/** Deep equality of plain data (objects, arrays, strings, numbers, booleans, null). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function diff<T extends { id: string }>(incoming: T[], existing: readonly T[]) {
  const byId = new Map(existing.map((item) => [item.id, item]));
  const toAdd: T[] = [];
  const toUpdate: PlannedUpdate<T>[] = [];
  const unchanged: T[] = [];
  for (const item of incoming) {
    const before = byId.get(item.id);
    if (before === undefined) toAdd.push(item);
    else if (sameData(before, item)) unchanged.push(item);
    else toUpdate.push({ before, after: item });
  }
  return { toAdd, toUpdate, unchanged };
}

/** Ids of the records that ship with Waypoint, which an import adds copies beside rather than replaces. */
export interface ShippedIds {
  entryIds: ReadonlySet<string>;
  organizationIds: ReadonlySet<string>;
}

const noShippedIds: ShippedIds = { entryIds: new Set(), organizationIds: new Set() };

/** The id of an imported copy of the shipped record `id`. */
export function importedCopyId(id: string): string {
  return directoryId(`imported-copy|${id}`);
}

/** Imported records under ids of their own where they would otherwise replace shipped ones. */
function besideShipped(built: { entries: DirectoryEntry[]; organizations: DirectoryOrganization[] }, shipped: ShippedIds) {
  const copied = new Set(built.organizations.filter((o) => shipped.organizationIds.has(o.id)).map((o) => o.id));
  return {
    organizations: built.organizations.map((o) => (copied.has(o.id) ? { ...o, id: importedCopyId(o.id) } : o)),
    entries: built.entries.map((e) => {
      // A service naming a shipped organization the import does not hold stays with the shipped one.
      const organizationId = e.organizationId !== null && copied.has(e.organizationId) ? importedCopyId(e.organizationId) : e.organizationId;
      const id = shipped.entryIds.has(e.id) ? importedCopyId(e.id) : e.id;
      return id === e.id && organizationId === e.organizationId ? e : { ...e, id, organizationId };
    }),
  };
}

/**
 * What importing `parsed` into a directory holding `existing` would change. Services may name an
 * organization that is already in the directory; everything else they refer to must be in the import.
 * Records with the id of a shipped one (`shipped`) are planned as copies beside it.
 */
export function planImport(
  parsed: ParsedHsds,
  existing: readonly DirectoryEntry[],
  existingOrganizations: readonly DirectoryOrganization[] = [],
  shipped: ShippedIds = noShippedIds,
): ImportPlan {
  const { readAs } = parsed;
  if (!parsed.ok) return failedPlan(parsed.errors, parsed.errors.length, readAs);
  const problems = new Problems();
  const valid = validate(parsed.tables, problems);
  if (problems.count > 0) return failedPlan(problems.list, problems.count, readAs);
  const notes = [...parsed.notes];
  const assembled = assemble(valid, new Set(existingOrganizations.map((o) => o.id)), problems, notes);
  if (problems.count > 0) return failedPlan(problems.list, problems.count, readAs);
  const built = besideShipped(assembled, shipped);
  if (built.entries.length === 0 && built.organizations.length === 0 && notes.length === 0) {
    return failedPlan([{ file: parsed.tables.services[0]?.file ?? 'import', code: 'nothingToImport' }], 1, readAs);
  }
  const organizations = diff(built.organizations, existingOrganizations);
  return { ok: true, ...diff(built.entries, existing), organizations, errors: [], errorCount: 0, notes, ...(readAs === undefined ? {} : { readAs }) };
}

export type AppliedImport = { ok: true; entries: DirectoryEntry[]; organizations: DirectoryOrganization[] } | { ok: false; errors: ImportProblem[] };

function applyDiff<T extends { id: string }>(existing: readonly T[], toAdd: readonly T[], toUpdate: readonly PlannedUpdate<T>[]): T[] {
  const updates = new Map(toUpdate.map((u) => [u.after.id, u.after]));
  return [...existing.map((item) => updates.get(item.id) ?? item), ...toAdd];
}

/** The directory after the plan: updated records replaced in place, new ones appended. A failed plan changes nothing. */
export function applyImportPlan(plan: ImportPlan, existing: readonly DirectoryEntry[], existingOrganizations: readonly DirectoryOrganization[] = []): AppliedImport {
  if (!plan.ok) return { ok: false, errors: plan.errors };
  return {
    ok: true,
    entries: applyDiff(existing, plan.toAdd, plan.toUpdate),
    organizations: applyDiff(existingOrganizations, plan.organizations.toAdd, plan.organizations.toUpdate),
  };
}
