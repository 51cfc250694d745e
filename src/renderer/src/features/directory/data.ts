import { withConfidentialHeadquarters } from '@shared/hsds/directory';
import type { Directory, DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { parseDirectory } from '@shared/hsds/parse';
import type { RecordInput, RecordStore } from '../../db';

/*
 * The directory as the person sees it: the shipped file, loaded on first visit, with the person's own
 * records laid over it. Own records live in the encrypted store (table orgNotes, one kind each, until the
 * directory gets tables of its own), so a new shipped file replaces shipped records only and never these.
 */

const directoryFile = import.meta.glob<unknown>('@resources/directory/directory.json', { import: 'default' });

let shipped: Promise<Directory> | undefined;

export function loadShippedDirectory(): Promise<Directory> {
  const [load] = Object.values(directoryFile);
  if (!load) return Promise.reject(new Error('directory.json is not bundled'));
  shipped ??= load()
    .then(parseDirectory)
    .catch((error: unknown) => {
      shipped = undefined; // let a retry load it again
      throw error;
    });
  return shipped;
}

const table = 'orgNotes';
const kinds = { entry: 'ownEntry', organization: 'ownOrganization', favourite: 'favourite', note: 'orgNote', report: 'numberReport' } as const;

/** How an own entry came in: typed in the form, or read from an HSDS import. */
export type Origin = 'added' | 'imported';

interface OwnEntryData {
  entry: DirectoryEntry;
  origin: Origin;
}

export interface UserDirectory {
  entries: { entry: DirectoryEntry; origin: Origin }[];
  organizations: DirectoryOrganization[];
  favourites: Set<string>;
  /** Own records that could not be decrypted; they are left untouched. */
  unreadable: number;
  /** Ids and update times of the own entries and organizations: the same version, the same records. */
  version: string;
}

type Store = RecordStore<Record<string, unknown>>;

// Record ids carry the kind, so an entry and an organization with the same HSDS id never collide in one table.
const entryRecordId = (id: string) => `entry:${id}`;
const organizationRecordId = (id: string) => `organization:${id}`;
const favouriteRecordId = (id: string) => `favourite:${id}`;
const noteRecordId = (id: string) => `note:${id}`;
const reportRecordId = (entryId: string, reportId: string) => `report:${entryId}:${reportId}`;

export async function loadUserDirectory(store: Store): Promise<UserDirectory> {
  const records = await store.list(table);
  const result: UserDirectory = { entries: [], organizations: [], favourites: new Set(), unreadable: 0, version: '' };
  const versions: string[] = [];
  for (const record of records) {
    if (record.error !== undefined) {
      result.unreadable++;
    } else if (record.kind === kinds.entry) {
      result.entries.push(record.data as unknown as OwnEntryData);
      versions.push(`${record.id} ${record.updatedAt}`);
    } else if (record.kind === kinds.organization) {
      result.organizations.push(record.data as unknown as DirectoryOrganization);
      versions.push(`${record.id} ${record.updatedAt}`);
    } else if (record.kind === kinds.favourite) {
      result.favourites.add(String(record.index['orgId']));
    }
  }
  result.version = versions.join('\n');
  return result;
}

/**
 * `next`, holding the very entry and organization lists of `previous` when those records have not changed
 * (a favourite was set, say), so that what is built from the lists (the search index) can be kept.
 */
export function keepUnchangedLists(previous: UserDirectory, next: UserDirectory): UserDirectory {
  return previous.version === next.version ? { ...next, entries: previous.entries, organizations: previous.organizations } : next;
}

export function entryRecord(entry: DirectoryEntry, origin: Origin): RecordInput<Record<string, unknown>> {
  const data: OwnEntryData = { entry, origin };
  return { id: entryRecordId(entry.id), kind: kinds.entry, index: { orgId: entry.id }, data: data as unknown as Record<string, unknown> };
}

export function organizationRecord(organization: DirectoryOrganization): RecordInput<Record<string, unknown>> {
  return {
    id: organizationRecordId(organization.id),
    kind: kinds.organization,
    index: { orgId: organization.id },
    data: organization as unknown as Record<string, unknown>,
  };
}

/** Writes entries and organizations in one transaction: all of them or none. */
export async function saveOwnRecords(store: Store, entries: readonly DirectoryEntry[], organizations: readonly DirectoryOrganization[], origin: Origin): Promise<void> {
  await store.saveMany(table, [...organizations.map(organizationRecord), ...entries.map((entry) => entryRecord(entry, origin))]);
}

/** What deleting an own entry removes, decided by `ownEntryDeletion`. */
export interface OwnEntryDeletion {
  entryId: string;
  /** The entry's own organization when no other entry names it (it may hold a confidential address); null to keep it. */
  organizationId: string | null;
  /**
   * False when the entry is an imported version of a shipped one: the shipped entry is shown again, and the
   * person's note and favourite stay with it.
   */
  withNoteAndFavourite: boolean;
}

/** What deleting the own entry `entryId` should remove; undefined for a shipped entry, which cannot be deleted. */
export function ownEntryDeletion(directory: MergedDirectory, entryId: string): OwnEntryDeletion | undefined {
  if (!directory.origins.has(entryId)) return undefined;
  const entry = directory.entries.find((e) => e.id === entryId);
  const organizationId = entry?.organizationId ?? null;
  const orphaned =
    organizationId !== null &&
    directory.ownOrganizationIds.has(organizationId) &&
    !directory.shippedOrganizationIds.has(organizationId) &&
    !directory.entries.some((other) => other.id !== entryId && other.organizationId === organizationId);
  return { entryId, organizationId: orphaned ? organizationId : null, withNoteAndFavourite: !directory.shippedEntryIds.has(entryId) };
}

/**
 * Deletes an own entry, with its note, favourite mark, "did not work" reports and orphaned organization as
 * `deletion` says, in one transaction.
 */
export async function deleteOwnEntry(store: Store, deletion: OwnEntryDeletion): Promise<void> {
  const { entryId, organizationId, withNoteAndFavourite } = deletion;
  const reports = withNoteAndFavourite ? (await loadNumberReports(store)).filter((report) => report.entryId === entryId) : [];
  await store.deleteMany(table, [
    entryRecordId(entryId),
    ...(withNoteAndFavourite ? [noteRecordId(entryId), favouriteRecordId(entryId)] : []),
    ...reports.map((report) => reportRecordId(entryId, report.id)),
    ...(organizationId === null ? [] : [organizationRecordId(organizationId)]),
  ]);
}

export async function setFavourite(store: Store, entryId: string, favourite: boolean): Promise<void> {
  if (favourite) await store.save(table, { id: favouriteRecordId(entryId), kind: kinds.favourite, index: { orgId: entryId }, data: {} });
  else await store.delete(table, favouriteRecordId(entryId));
}

export async function loadNote(store: Store, entryId: string): Promise<string> {
  const record = await store.get(table, noteRecordId(entryId));
  if (record === undefined) return '';
  if (record.error !== undefined) throw new Error('undecryptable note');
  return String((record.data as { text?: unknown }).text ?? '');
}

export async function saveNote(store: Store, entryId: string, text: string): Promise<void> {
  await store.save(table, { id: noteRecordId(entryId), kind: kinds.note, index: { orgId: entryId }, data: { text } });
}

export interface MergedDirectory {
  entries: DirectoryEntry[];
  organizations: DirectoryOrganization[];
  /** Own entries (typed in or imported) by id; an own entry with a shipped id takes its place. */
  origins: Map<string, Origin>;
  favourites: Set<string>;
  ownOrganizationIds: Set<string>;
  /** Ids of the shipped entries and organizations, including those an own record replaces. */
  shippedEntryIds: Set<string>;
  shippedOrganizationIds: Set<string>;
}

function overlay<T extends { id: string }>(base: readonly T[], own: readonly T[]): T[] {
  const byId = new Map(base.map((item) => [item.id, item]));
  for (const item of own) byId.set(item.id, item);
  return [...byId.values()];
}

/**
 * The shipped entries and organizations with the person's own laid over them, the head office of every
 * organization that runs a confidential-address entry marked confidential, whatever later shows or exports a part.
 */
export function mergeLists(shippedDirectory: Directory, user: Pick<UserDirectory, 'entries' | 'organizations'>): Pick<MergedDirectory, 'entries' | 'organizations'> {
  const entries = overlay(shippedDirectory.entries, user.entries.map((own) => own.entry));
  return { entries, organizations: withConfidentialHeadquarters(entries, overlay(shippedDirectory.organizations, user.organizations)) };
}

/** `lists`: mergeLists of the same arguments, when already made. */
export function mergeDirectory(shippedDirectory: Directory, user: UserDirectory, lists = mergeLists(shippedDirectory, user)): MergedDirectory {
  return {
    entries: lists.entries,
    organizations: lists.organizations,
    origins: new Map(user.entries.map((own) => [own.entry.id, own.origin])),
    favourites: user.favourites,
    ownOrganizationIds: new Set(user.organizations.map((o) => o.id)),
    shippedEntryIds: new Set(shippedDirectory.entries.map((e) => e.id)),
    shippedOrganizationIds: new Set(shippedDirectory.organizations.map((o) => o.id)),
  };
}

/**
 * "This number did not work": the caseworker's own report on a directory number, kept encrypted like the
 * private notes (same table), shown only to them, and exported only when they ask for a correction list.
 */
export interface NumberReport {
  id: string;
  entryId: string;
  number: string;
  /** YYYY-MM-DD: the day the number failed. */
  date: string;
  /** Optional; empty when not given. */
  note: string;
}

export async function saveNumberReport(store: Store, report: Omit<NumberReport, 'id'>): Promise<NumberReport> {
  const saved = { ...report, id: crypto.randomUUID() };
  await store.save(table, {
    id: reportRecordId(report.entryId, saved.id),
    kind: kinds.report,
    index: { orgId: report.entryId },
    data: { number: saved.number, date: saved.date, note: saved.note },
  });
  return saved;
}

/** Every report, oldest day first; reports that cannot be read are left as they are and not shown. */
export async function loadNumberReports(store: Store): Promise<NumberReport[]> {
  const reports: NumberReport[] = [];
  for (const record of await store.list(table, { kind: kinds.report })) {
    if (record.error !== undefined) continue;
    const entryId = String(record.index['orgId']);
    const data = record.data as { number?: unknown; date?: unknown; note?: unknown };
    const id = record.id.slice(reportRecordId(entryId, '').length);
    reports.push({ id, entryId, number: String(data.number ?? ''), date: String(data.date ?? ''), note: String(data.note ?? '') });
  }
  return reports.sort((a, b) => a.date.localeCompare(b.date));
}

export async function deleteNumberReport(store: Store, report: Pick<NumberReport, 'entryId' | 'id'>): Promise<void> {
  await store.delete(table, reportRecordId(report.entryId, report.id));
}
