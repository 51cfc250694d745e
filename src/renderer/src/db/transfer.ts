/**
 * Moving every record in and out of the store at once, for backup and restore.
 *
 * In a backup, a record's `data` is `{ kind, index, data }`: what the store needs to write the row
 * again (the plaintext kind and index fields, then the decrypted data), so a restore rebuilds exactly
 * the rows that were backed up, with their `updatedAt`.
 */
import type { IndexFields } from './schema';
import { latestVersion, waypointSchema } from './schema';
import { writeAllRecords, type RecordInput, type RecordStore, type RecordTypes } from './store';

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

/** The tables a backup holds, in a fixed order. */
export function recordTables(): string[] {
  return Object.keys(latestVersion(waypointSchema).tables);
}

export interface CollectedRecords {
  records: TransferRecord[];
  counts: Record<string, number>;
  /** Rows that could not be decrypted: they are not in the backup. */
  unreadable: number;
}

/** Reads and decrypts every table. */
export async function collectRecords(store: RecordStore<RecordTypes>, tables: readonly string[] = recordTables()): Promise<CollectedRecords> {
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

/** Checks a backed-up record before anything is written; throws TransferError. */
export function toRecordInput(record: TransferRecord, tables: readonly string[] = recordTables()): RecordInput<unknown> {
  if (!tables.includes(record.table)) throw new TransferError('unknownTable', `this version has no table "${record.table}"`);
  const payload = record.data as Partial<StoredPayload> | null;
  if (typeof payload !== 'object' || payload === null || typeof payload.kind !== 'string' || payload.kind === '' || !isIndexFields(payload.index) || !('data' in payload)) {
    throw new TransferError('malformed', `record ${record.table}/${record.id} is not a stored record`);
  }
  return { id: record.id, kind: payload.kind, index: payload.index, data: payload.data, updatedAt: record.updatedAt };
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
export async function planRestore(store: RecordStore<RecordTypes>, incoming: readonly TransferRecord[], mode: RestoreMode): Promise<RestorePlan> {
  const tables = recordTables();
  const inputs = incoming.map((record) => ({ record, input: toRecordInput(record, tables) }));
  const writes: Record<string, RecordInput<unknown>[]> = {};
  const conflicts: RestoreConflict[] = [];
  let added = 0;
  let replaced = 0;
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
  for (const { record, input } of inputs) {
    if (mode === 'replace') {
      (writes[record.table] ??= []).push(input);
      continue;
    }
    const mine = local.get(record.table)?.get(record.id);
    if (!mine) {
      added += 1;
      (writes[record.table] ??= []).push(input);
      continue;
    }
    if (mine.payload && mine.updatedAt === record.updatedAt && sameJson(mine.payload, record.data)) continue;
    // A row here that cannot be decrypted loses to the backup's readable copy.
    const winner = mine.updatedAt === null || record.updatedAt > mine.updatedAt ? 'backup' : 'device';
    conflicts.push({
      table: record.table,
      id: record.id,
      label: labelOf(input.data) ?? (mine.payload ? labelOf(mine.payload.data) : null),
      deviceUpdatedAt: mine.updatedAt,
      backupUpdatedAt: record.updatedAt,
      winner,
    });
    if (winner === 'backup') (writes[record.table] ??= []).push(input);
  }
  const total = Object.values(writes).reduce((sum, list) => sum + list.length, 0);
  return { mode, writes, added, conflicts, replaced: mode === 'replace' ? replaced : 0, total };
}

/** Writes a plan in one transaction across every table: all of it, or (on any failure) nothing. */
export function applyRestore(store: RecordStore<RecordTypes>, plan: RestorePlan): Promise<number> {
  return writeAllRecords(store, plan.writes, { clearFirst: plan.mode === 'replace' });
}
