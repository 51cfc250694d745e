/**
 * Moving every record in and out of the store at once, for backup and restore.
 *
 * In a backup, a record's `data` is `{ kind, index, data }`: what the store needs to write the row
 * again (its kind and lookup values, then the decrypted data), so a restore rebuilds exactly the rows
 * that were backed up, with their `updatedAt`. Tombstones travel like any other record (table
 * `tombstones`), so a merge restore knows what was deleted on either side and does not bring it back.
 * A backup made by version 1 of the record format is mapped as the migration maps its rows (`fromV1`).
 */
import { upgradeAttachment, type CaseAttachment } from '@shared/attachments';
import { fromV1 } from './migrate';
import type { IndexFields } from './schema';
import { attachmentsTable, latestVersion, tombstoneTable, waypointSchema } from './schema';
import type { OpaqueStore, WaypointTable } from './records';
import { writeAllRecords, type RecordInput, type Tombstone } from './store';

export interface TransferRecord {
  table: string;
  id: string;
  updatedAt: number;
  data: unknown;
}

export interface StoredPayload {
  kind: string;
  index: IndexFields;
  data: unknown;
}

/**
 * The tables a backup holds, in a fixed order: not the derived ones (the agenda summary), which the store makes
 * again from the records restored, so a backup never carries a second copy to trust (docs/backup-format.md).
 */
export function recordTables(): WaypointTable[] {
  return Object.entries(latestVersion(waypointSchema).tables).flatMap(([table, spec]) => ('derived' in spec && spec.derived ? [] : [table as WaypointTable]));
}

export interface CollectedRecords {
  records: TransferRecord[];
  counts: Record<string, number>;
  /** Rows that could not be decrypted: they are not in the backup. */
  unreadable: number;
}

/** Reads and decrypts every table. */
export async function collectRecords(store: OpaqueStore, tables: readonly WaypointTable[] = recordTables()): Promise<CollectedRecords> {
  const records: TransferRecord[] = [];
  const counts: Record<string, number> = {};
  let unreadable = 0;
  for (const table of tables) {
    const rows = await store.list(table);
    counts[table] = 0;
    for (const row of rows) {
      if (row.error !== undefined) {
        unreadable += 1;
        continue;
      }
      const payload: StoredPayload = { kind: row.kind, index: row.index, data: row.data };
      records.push({ table, id: row.id, updatedAt: row.updatedAt, data: payload });
      counts[table] += 1;
    }
  }
  return { records, counts, unreadable };
}

export class TransferError extends Error {
  override readonly name = 'TransferError';
  constructor(
    readonly reason: 'unknownTable' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

function isIndexFields(value: unknown): value is IndexFields {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((field) => typeof field === 'string' || (typeof field === 'number' && Number.isFinite(field)))
  );
}

/**
 * Checks a backed-up record before anything is written, and says where it goes (a version 1 backup's
 * own directory entries go to their own table now); throws TransferError.
 */
export function toRecordInput(record: TransferRecord, tables: readonly string[] = recordTables()): { table: string; input: RecordInput<unknown> } {
  if (!tables.includes(record.table)) throw new TransferError('unknownTable', `this version has no table "${record.table}"`);
  const payload = record.data as Partial<StoredPayload> | null;
  if (typeof payload !== 'object' || payload === null || typeof payload.kind !== 'string' || payload.kind === '' || !isIndexFields(payload.index) || !('data' in payload)) {
    throw new TransferError('malformed', `record ${record.table}/${record.id} is not a stored record`);
  }
  const { table, record: input } = fromV1(record.table, { id: record.id, kind: payload.kind, index: payload.index, data: payload.data, updatedAt: record.updatedAt });
  return { table, input };
}

function isTombstone(data: unknown): data is Tombstone {
  const stone = data as Partial<Tombstone> | null;
  return typeof stone === 'object' && stone !== null && typeof stone.table === 'string' && typeof stone.id === 'string' && typeof stone.deletedAt === 'number';
}

/** The latest deletion time of each deleted record, by `table/id`. */
function deletionsOf(stones: readonly unknown[]): Map<string, number> {
  const deleted = new Map<string, number>();
  for (const stone of stones) {
    if (!isTombstone(stone)) continue;
    const key = `${stone.table}/${stone.id}`;
    deleted.set(key, Math.max(deleted.get(key) ?? -Infinity, stone.deletedAt));
  }
  return deleted;
}

export type RestoreMode = 'replace' | 'merge';

export interface RestoreConflict {
  table: string;
  id: string;
  /** A short human label when the data has one (code, title, name), else null. */
  label: string | null;
  /** null when the copy on this device cannot be decrypted (the backup's copy then wins). */
  deviceUpdatedAt: number | null;
  backupUpdatedAt: number;
  winner: 'device' | 'backup';
}

export interface RestorePlan {
  mode: RestoreMode;
  /** What will be written, per table. */
  writes: Record<string, RecordInput<unknown>[]>;
  /** Merge: records only in the backup. */
  added: number;
  /** Merge: records on both sides that differ; the newer `updatedAt` wins, a tie keeps this device's. */
  conflicts: RestoreConflict[];
  /** Replace: records on this device now (readable or not) that the restore removes or overwrites. */
  replaced: number;
  /** Merge: records of the backup left out because they were deleted later, here or before the backup. */
  deletedSkipped: number;
  /** Merge: records on this device the backup says were deleted after their last change, by table. */
  deletes: Record<string, string[]>;
  total: number;
}

function labelOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  for (const field of ['code', 'title', 'name', 'label']) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 80);
  }
  return null;
}

/** Stable comparison of JSON values (object keys in any order). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * What a merge compares of a record. An attachment's file key travels unwrapped in a backup and wrapped
 * under this install's key on the device (docs/attachments-format.md, "Backups"), and where its chunks are
 * is storage, not content: it is compared by its id and metadata, the stored SHA-256 standing for the bytes.
 */
function comparable(table: string, payload: Omit<StoredPayload, 'index'> & { index?: IndexFields | undefined }): unknown {
  if (table !== attachmentsTable || typeof payload.data !== 'object' || payload.data === null) return payload;
  // A record from before links existed reads as today's (an unset noteId is no link), as the Files tab reads it.
  const { blob: _storage, ...metadata } = upgradeAttachment(payload.data as CaseAttachment);
  return { ...payload, data: metadata };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Decides what a restore writes. Replace: every backed-up record, after emptying every table.
 * Merge: records only in the backup, and records on both sides where the backup's is newer.
 * Throws TransferError for a record this version cannot store, before anything is written.
 */
export async function planRestore(store: OpaqueStore, incoming: readonly TransferRecord[], mode: RestoreMode): Promise<RestorePlan> {
  const tables = recordTables();
  const inputs = incoming.map((record) => ({ record, ...toRecordInput(record, tables) }));
  const writes: Record<string, RecordInput<unknown>[]> = {};
  const deletes: Record<string, string[]> = {};
  const conflicts: RestoreConflict[] = [];
  let added = 0;
  let replaced = 0;
  let deletedSkipped = 0;
  const local = new Map<string, Map<string, { updatedAt: number | null; payload: StoredPayload | null }>>();
  for (const table of tables) {
    const rows = await store.list(table);
    replaced += rows.length;
    local.set(
      table,
      new Map(
        rows.map((row) => [
          row.id,
          row.error === undefined ? { updatedAt: row.updatedAt, payload: { kind: row.kind, index: row.index, data: row.data } } : { updatedAt: null, payload: null },
        ]),
      ),
    );
  }
  // Deletions known on either side: a record changed before its deletion stays deleted.
  const deleted = deletionsOf([
    ...[...(local.get(tombstoneTable)?.values() ?? [])].map((row) => row.payload?.data),
    ...inputs.filter(({ table }) => table === tombstoneTable).map(({ input }) => input.data),
  ]);
  const deletedAfter = (table: string, id: string, updatedAt: number | null) => updatedAt !== null && (deleted.get(`${table}/${id}`) ?? -Infinity) >= updatedAt;
  for (const { table, input } of inputs) {
    if (mode === 'replace') {
      (writes[table] ??= []).push(input);
      continue;
    }
    if (deletedAfter(table, input.id, input.updatedAt ?? null)) {
      deletedSkipped += 1;
      continue;
    }
    const mine = local.get(table)?.get(input.id);
    if (!mine) {
      added += 1;
      (writes[table] ??= []).push(input);
      continue;
    }
    if (
      mine.payload &&
      mine.updatedAt === input.updatedAt &&
      sameJson(comparable(table, mine.payload), comparable(table, { kind: input.kind, index: input.index, data: input.data }))
    )
      continue;
    // A row here that cannot be decrypted loses to the backup's readable copy.
    const backupUpdatedAt = input.updatedAt ?? 0;
    const winner = mine.updatedAt === null || backupUpdatedAt > mine.updatedAt ? 'backup' : 'device';
    conflicts.push({
      table,
      id: input.id,
      label: labelOf(input.data) ?? (mine.payload ? labelOf(mine.payload.data) : null),
      deviceUpdatedAt: mine.updatedAt,
      backupUpdatedAt,
      winner,
    });
    if (winner === 'backup') (writes[table] ??= []).push(input);
  }
  if (mode === 'merge') {
    for (const [table, rows] of local) {
      if (table === tombstoneTable) continue;
      for (const [id, row] of rows) if (deletedAfter(table, id, row.updatedAt)) (deletes[table] ??= []).push(id);
    }
  }
  const total = Object.values(writes).reduce((sum, list) => sum + list.length, 0);
  return { mode, writes, added, conflicts, replaced: mode === 'replace' ? replaced : 0, deletedSkipped, deletes, total };
}

/** Writes a plan in one transaction across every table: all of it, or (on any failure) nothing. */
export function applyRestore(store: OpaqueStore, plan: RestorePlan): Promise<number> {
  return writeAllRecords(store, plan.writes, { clearFirst: plan.mode === 'replace', deletes: plan.deletes });
}
