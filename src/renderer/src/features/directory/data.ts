import { directoryStamp } from '@shared/directory-search/prebuilt';
import { withConfidentialHeadquarters } from '@shared/hsds/directory';
import type { Directory, DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { parseDirectory } from '@shared/hsds/parse';
import type { OwnEntryData, RecordInput, WaypointRecords, WaypointStore } from '../../db';

/*
 * The directory as the person sees it: the shipped file, loaded on first visit, with the person's own
 * records laid over it. Own records live in the encrypted store, so a new shipped file replaces shipped
 * records only and never these: own entries and organizations in table ownDirectory, the person's marks
 * on any entry (favourite, private note, "did not work" reports) in orgNotes, found by a keyed tag of the
 * entry id. Record ids are random: none is derived from a directory id, which would name the entry on disk.
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

const marks = 'orgNotes';
const own = 'ownDirectory';
const kinds = { entry: 'ownEntry', organization: 'ownOrganization', favourite: 'favourite', note: 'orgNote', report: 'numberReport' } as const;

/** How an own entry came in: typed in the form, or read from an HSDS import. */
export type Origin = OwnEntryData['origin'];

export interface UserDirectory {
  entries: { entry: DirectoryEntry; origin: Origin }[];
  organizations: DirectoryOrganization[];
  favourites: Set<string>;
  /** Own records that could not be decrypted; they are left untouched. */
  unreadable: number;
  /** Ids and update times of the own entries and organizations: the same version, the same records. */
  version: string;
}

type Store = WaypointStore;

/** The directory id an own record is about: an entry and an organization with the same HSDS id stay apart by kind. */
function ownKey(kind: string, data: unknown): string | undefined {
  if (kind === kinds.entry) return `${kind}:${(data as OwnEntryData).entry.id}`;
  if (kind === kinds.organization) return `${kind}:${(data as DirectoryOrganization).id}`;
  return undefined;
}

/** The record ids of the own entries and organizations, by `ownKey`. */
async function ownRecordIds(store: Store): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const record of await store.list(own)) {
    const key = record.error === undefined ? ownKey(record.kind, record.data) : undefined;
    if (key !== undefined) ids.set(key, record.id);
  }
  return ids;
}

/** The marks (of one kind) on one entry, found by the tag of its id. */
async function marksOf(store: Store, entryId: string, kind?: string) {
  return (await store.list(marks, { orgId: entryId, ...(kind === undefined ? {} : { kind }) })).flatMap((record) => (record.error === undefined ? [record] : []));
}

export async function loadUserDirectory(store: Store): Promise<UserDirectory> {
  const [ownRecords, markRecords] = await Promise.all([store.list(own), store.list(marks, { kind: kinds.favourite })]);
  const result: UserDirectory = { entries: [], organizations: [], favourites: new Set(), unreadable: 0, version: '' };
  const versions: string[] = [];
  for (const record of [...ownRecords, ...markRecords]) {
    if (record.error !== undefined) {
      result.unreadable++;
    } else if (record.kind === kinds.entry) {
      result.entries.push(record.data as OwnEntryData);
      versions.push(`${record.id} ${record.updatedAt}`);
    } else if (record.kind === kinds.organization) {
      result.organizations.push(record.data as DirectoryOrganization);
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

/** Writes entries and organizations in one transaction: all of them or none. One already kept is replaced. */
export async function saveOwnRecords(store: Store, entries: readonly DirectoryEntry[], organizations: readonly DirectoryOrganization[], origin: Origin): Promise<void> {
  const ids = await ownRecordIds(store);
  const record = (kind: string, data: WaypointRecords['ownDirectory']): RecordInput<WaypointRecords['ownDirectory']> => ({
    id: ids.get(ownKey(kind, data)!) ?? crypto.randomUUID(),
    kind,
    data,
  });
  await store.saveMany(own, [...organizations.map((organization) => record(kinds.organization, organization)), ...entries.map((entry) => record(kinds.entry, { entry, origin }))]);
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
  const ids = await ownRecordIds(store);
  const ownIds = [ids.get(`${kinds.entry}:${entryId}`), organizationId === null ? undefined : ids.get(`${kinds.organization}:${organizationId}`)];
  // Every mark on the entry: its note, favourite and reports.
  const markIds = withNoteAndFavourite ? (await store.list(marks, { orgId: entryId })).map((record) => record.id) : [];
  await store.deleteIn({ [own]: ownIds.filter((id) => id !== undefined), [marks]: markIds });
}

export async function setFavourite(store: Store, entryId: string, favourite: boolean): Promise<void> {
  const existing = await marksOf(store, entryId, kinds.favourite);
  if (favourite && existing.length === 0) await store.save(marks, { id: crypto.randomUUID(), kind: kinds.favourite, index: { orgId: entryId }, data: {} });
  if (!favourite)
    await store.deleteMany(
      marks,
      existing.map((record) => record.id),
    );
}

export async function loadNote(store: Store, entryId: string): Promise<string> {
  const records = await store.list(marks, { orgId: entryId, kind: kinds.note });
  if (records.some((record) => record.error !== undefined)) throw new Error('undecryptable note');
  const [newest] = records.flatMap((record) => (record.error === undefined ? [record] : [])).sort((a, b) => b.updatedAt - a.updatedAt);
  return newest === undefined ? '' : String((newest.data as { text?: unknown }).text ?? '');
}

export async function saveNote(store: Store, entryId: string, text: string): Promise<void> {
  const [existing] = await marksOf(store, entryId, kinds.note);
  await store.save(marks, { id: existing?.id ?? crypto.randomUUID(), kind: kinds.note, index: { orgId: entryId }, data: { text } });
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
  /**
   * The shipped directory (directoryStamp) and its entry count when its entries head `entries` unchanged: no
   * own record replaces a shipped entry or organization. Then a prebuilt index of it holds what a build would.
   */
  shippedHead: { data: string; count: number } | null;
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
  const entries = overlay(
    shippedDirectory.entries,
    user.entries.map((own) => own.entry),
  );
  return { entries, organizations: withConfidentialHeadquarters(entries, overlay(shippedDirectory.organizations, user.organizations)) };
}

/** `lists`: mergeLists of the same arguments, when already made. */
export function mergeDirectory(shippedDirectory: Directory, user: UserDirectory, lists = mergeLists(shippedDirectory, user)): MergedDirectory {
  const shippedEntryIds = new Set(shippedDirectory.entries.map((e) => e.id));
  const shippedOrganizationIds = new Set(shippedDirectory.organizations.map((o) => o.id));
  const replacesShipped = user.entries.some(({ entry }) => shippedEntryIds.has(entry.id)) || user.organizations.some((o) => shippedOrganizationIds.has(o.id));
  return {
    entries: lists.entries,
    organizations: lists.organizations,
    origins: new Map(user.entries.map((own) => [own.entry.id, own.origin])),
    favourites: user.favourites,
    ownOrganizationIds: new Set(user.organizations.map((o) => o.id)),
    shippedEntryIds,
    shippedOrganizationIds,
    shippedHead: replacesShipped ? null : { data: directoryStamp(shippedDirectory), count: shippedDirectory.entries.length },
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
  await store.save(marks, {
    id: saved.id,
    kind: kinds.report,
    index: { orgId: report.entryId },
    data: { id: saved.id, number: saved.number, date: saved.date, note: saved.note },
  });
  return saved;
}

/** Every report, oldest day first; reports that cannot be read are left as they are and not shown. */
export async function loadNumberReports(store: Store): Promise<NumberReport[]> {
  const reports: NumberReport[] = [];
  for (const record of await store.list(marks, { kind: kinds.report })) {
    if (record.error !== undefined) continue;
    const data = record.data as { id?: unknown; number?: unknown; date?: unknown; note?: unknown };
    // The report's own id is kept in its data; the record id is random (the migration gives it one).
    reports.push({
      id: String(data.id ?? record.id),
      entryId: String(record.index['orgId']),
      number: String(data.number ?? ''),
      date: String(data.date ?? ''),
      note: String(data.note ?? ''),
    });
  }
  return reports.sort((a, b) => a.date.localeCompare(b.date));
}

export async function deleteNumberReport(store: Store, report: Pick<NumberReport, 'entryId' | 'id'>): Promise<void> {
  const records = await marksOf(store, report.entryId, kinds.report);
  await store.deleteMany(
    marks,
    records.filter((record) => (record.data as { id?: unknown }).id === report.id).map((record) => record.id),
  );
}
