/**
 * The one-time migration from the version 1 row format (plaintext kind, times, statuses and ids beside a
 * ciphertext under the data key) to version 2 (see docs/records-format.md), and the mapping of a version 1
 * record to what version 2 stores, which restoring an older backup uses too.
 *
 * It runs in batches, each one transaction that replaces its version 1 rows by version 2 rows, so the
 * rows themselves say how far it got: a migration stopped midway (the app closed, a batch failed) goes
 * on at the next open with the rows still at `v: 1`. `_meta.recordsFormat` marks it finished.
 */
import Dexie from 'dexie';
import { decryptV1Row, type StoredRow, type V1Row } from './cipher';
import { metaTable, v1Stores, waypointSchema, type DecryptedRecord, type IndexFields } from './schema';

export const recordsFormatKey = 'recordsFormat';
const migratedFormat = 2;
const defaultBatchSize = 500;

/** The tables version 1 had, in the order they are migrated. */
const v1Tables = Object.keys(v1Stores).filter((table) => table !== metaTable);

export class RecordMigrationError extends Error {
  override readonly name = 'RecordMigrationError';
}

/** A version 2 record to write, and its table. */
export interface MigratedRecord {
  table: string;
  record: DecryptedRecord<unknown>;
}

const v1OrgNoteId = /^(entry|organization|favourite|note|report):/;

/** Whether a directory mark's id is one version 1 derived from a directory id (`note:<entry id>`...). */
export function isV1OrgNoteId(id: string): boolean {
  return v1OrgNoteId.test(id);
}

/**
 * What version 2 stores for a version 1 record: the same id, except the directory's marks, whose ids named
 * the directory entry and get a random one; the caseworker's own entries and organizations move to their
 * own table; the index keeps only the table's tag fields (the rest was a plaintext copy of the data).
 */
export function fromV1(table: string, record: DecryptedRecord<unknown>): MigratedRecord {
  let target = table;
  let id = record.id;
  let data = record.data;
  if (table === 'orgNotes' && isV1OrgNoteId(record.id)) {
    id = crypto.randomUUID();
    if (record.kind === 'ownEntry' || record.kind === 'ownOrganization') target = 'ownDirectory';
    // A report's own id was the last part of its record id: it now travels in the data.
    if (record.kind === 'numberReport' && typeof record.data === 'object' && record.data !== null) {
      data = { ...record.data, id: record.id.split(':').at(-1) };
    }
  }
  const tags: readonly string[] = (waypointSchema.versions.at(-1)?.tables as Record<string, { tags: readonly string[] } | undefined>)[target]?.tags ?? [];
  const index: IndexFields = Object.fromEntries(Object.entries(record.index).filter(([field]) => tags.includes(field)));
  return { table: target, record: { id, kind: record.kind, updatedAt: record.updatedAt, index, data } };
}

export interface MigrationOptions {
  /** The data key, which version 1 rows are encrypted under. */
  legacyKey: CryptoKey | undefined;
  batchSize?: number | undefined;
  /** Encrypts version 2 rows for a table (the store's own encryption, run before the batch's transaction). */
  encrypt: (table: string, records: readonly DecryptedRecord<unknown>[]) => Promise<StoredRow[]>;
}

/** What one batch's transaction writes: rows deleted from the batch's table, then rows put, by table. */
export interface BatchWrite {
  readonly deletes: readonly string[];
  readonly puts: readonly { readonly table: string; readonly rows: readonly StoredRow[] }[];
}

/** Where a pass that keeps a journal got to: the last row it rewrote, or the end. */
export type BatchJournal = { readonly table: string; readonly after: string } | { readonly done: true };

/**
 * A pass over every row of some tables that rewrites them in batches (the migration from version 1, a
 * change of keys). Each batch is read, handed to `rewrite` (all WebCrypto work, outside any
 * transaction), then written in one transaction, so a pass stopped midway (the app closed, a batch
 * failed) leaves whole batches only and goes on at the next run where it stopped.
 */
export interface BatchPass {
  /** In the order they are rewritten. */
  readonly tables: readonly string[];
  readonly batchSize: number;
  /** Rows still to rewrite, when the rows themselves say (the migration: `v: 1`); others are passed over. */
  readonly pending?: (row: StoredRow | V1Row) => boolean;
  /**
   * For a pass whose rows do not show whether they were rewritten (a change of keys): the `_meta` row
   * that records, in each batch's own transaction, the last row rewritten, and the end.
   */
  readonly journal?: { readonly key: string; readonly owner: string };
  rewrite(table: string, rows: readonly (StoredRow | V1Row)[]): Promise<BatchWrite>;
  /** After each batch: how many rows were read so far. */
  onBatch?(rowsRead: number): void;
}

interface JournalRow {
  key: string;
  /** Which pass wrote it (a change of keys: a tag of its next keys), so a journal left by another pass is never taken for this one's. */
  owner: string;
  value: BatchJournal;
}

export async function rewriteInBatches(db: Dexie, pass: BatchPass): Promise<void> {
  const meta = db.table<JournalRow, string>(metaTable);
  const saved = pass.journal ? await meta.get(pass.journal.key) : undefined;
  const resumeAt = saved && saved.owner === pass.journal?.owner ? saved.value : undefined;
  if (resumeAt && 'done' in resumeAt) return;
  const present = new Set(db.tables.map((table) => table.name));
  let tables = pass.tables.filter((name) => present.has(name));
  if (resumeAt) tables = tables.slice(Math.max(0, tables.indexOf(resumeAt.table)));
  let done = 0;
  for (const table of tables) {
    let after = resumeAt?.table === table ? resumeAt.after : undefined;
    for (;;) {
      const rows = db.table<V1Row | StoredRow, string>(table);
      // Read in id order with one getAll per batch, rows not pending skipped after the read: a filter in
      // the query would walk a cursor, one round trip per row.
      const read = await (after === undefined ? rows.orderBy('id') : rows.where('id').above(after)).limit(pass.batchSize).toArray();
      const last = read.at(-1);
      if (!last) break;
      after = last.id;
      const pending = pass.pending;
      const batch = pending ? read.filter((row) => pending(row)) : read;
      if (batch.length === 0) continue;
      const write = await pass.rewrite(table, batch);
      const targets = [...new Set(write.puts.map((put) => put.table))];
      const position = after;
      await db.transaction('rw', [table, ...targets, ...(pass.journal ? [metaTable] : [])], async () => {
        await db.table(table).bulkDelete([...write.deletes]);
        for (const { table: target, rows: written } of write.puts) await db.table(target).bulkPut([...written]);
        if (pass.journal) await meta.put({ key: pass.journal.key, owner: pass.journal.owner, value: { table, after: position } });
      });
      done += read.length;
      pass.onBatch?.(done);
    }
  }
  if (pass.journal) await meta.put({ key: pass.journal.key, owner: pass.journal.owner, value: { done: true } });
}

/** Migrates every version 1 row of an open database; does nothing once `_meta` says it has finished. */
export async function migrateFromV1(db: Dexie, options: MigrationOptions): Promise<void> {
  const meta = db.table<{ key: string; value: number }, string>(metaTable);
  if ((await meta.get(recordsFormatKey))?.value === migratedFormat) return;
  await rewriteInBatches(db, {
    tables: v1Tables,
    batchSize: options.batchSize ?? defaultBatchSize,
    // The rows are the journal: those still at version 1 are what is left.
    pending: (row) => row.v === 1,
    async rewrite(table, rows) {
      if (!options.legacyKey) throw new RecordMigrationError('This database holds version 1 records: opening it needs the legacy key.');
      const legacyKey = options.legacyKey;
      const decrypted = await Promise.all(rows.map((row) => decryptV1Row(legacyKey, table, row as V1Row)));
      // Rows that cannot be decrypted stay as they are: the store flags them, as it did before.
      const readable = decrypted.flatMap((result) => (result.error === undefined ? [result] : []));
      const migrated = readable.map((record) => fromV1(table, record));
      // Rows that leave their id or table: the old row goes in the same transaction as the new one comes.
      const deletes = readable.flatMap(({ id }, position) => (migrated[position]!.table !== table || migrated[position]!.record.id !== id ? [id] : []));
      const targets = [...new Set(migrated.map((entry) => entry.table))];
      const puts = await Promise.all(
        targets.map(async (target) => ({
          table: target,
          rows: await options.encrypt(
            target,
            migrated.filter((entry) => entry.table === target).map((entry) => entry.record),
          ),
        })),
      );
      return { deletes, puts };
    },
  });
  await meta.put({ key: recordsFormatKey, value: migratedFormat });
}

/**
 * Before unlock: whether the database still holds version 1 rows, so the unlock must ask main for the
 * legacy key. Reads only the rows' plaintext format numbers; creates nothing.
 */
export async function needsLegacyKey(dbName: string): Promise<boolean> {
  if (!(await Dexie.exists(dbName))) return false;
  const db = new Dexie(dbName);
  try {
    await db.open();
    const names = new Set(db.tables.map((table) => table.name));
    if (names.has(metaTable) && (await db.table<{ value: number }, string>(metaTable).get(recordsFormatKey))?.value === migratedFormat) return false;
    for (const table of v1Tables) {
      if (
        names.has(table) &&
        (await db
          .table<{ v: number }>(table)
          .filter((row) => row.v === 1)
          .first()) !== undefined
      )
        return true;
    }
    return false;
  } finally {
    db.close();
  }
}
