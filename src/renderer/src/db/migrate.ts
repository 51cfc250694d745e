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

/** Migrates every version 1 row of an open database; does nothing once `_meta` says it has finished. */
export async function migrateFromV1(db: Dexie, options: MigrationOptions): Promise<void> {
  const meta = db.table<{ key: string; value: number }, string>(metaTable);
  if ((await meta.get(recordsFormatKey))?.value === migratedFormat) return;
  const batchSize = options.batchSize ?? defaultBatchSize;
  const present = new Set(db.tables.map((table) => table.name));
  for (const table of v1Tables.filter((name) => present.has(name))) {
    let after: string | undefined;
    for (;;) {
      const rows = db.table<V1Row | StoredRow, string>(table);
      // Read in id order with one getAll per batch, version 2 rows (written by an earlier run, or moved here)
      // skipped after the read: a filter in the query would walk a cursor, one round trip per row.
      const read = await (after === undefined ? rows.orderBy('id') : rows.where('id').above(after)).limit(batchSize).toArray();
      const last = read.at(-1);
      if (!last) break;
      after = last.id;
      const batch = read.filter((row): row is V1Row => row.v === 1);
      if (batch.length === 0) continue;
      if (!options.legacyKey) throw new RecordMigrationError('This database holds version 1 records: opening it needs the legacy key.');
      const decrypted = await Promise.all(batch.map((row) => decryptV1Row(options.legacyKey!, table, row)));
      // Rows that cannot be decrypted stay as they are: the store flags them, as it did before.
      const readable = decrypted.flatMap((result) => (result.error === undefined ? [result] : []));
      const migrated = readable.map((record) => fromV1(table, record));
      // Rows that leave their id or table: the old row goes in the same transaction as the new one comes.
      const replaced = readable.flatMap(({ id }, position) => (migrated[position]!.table !== table || migrated[position]!.record.id !== id ? [id] : []));
      const targets = [...new Set(migrated.map((entry) => entry.table))];
      const encrypted = await Promise.all(
        targets.map(async (target) => ({ target, rows: await options.encrypt(target, migrated.filter((entry) => entry.table === target).map((entry) => entry.record)) })),
      );
      await db.transaction('rw', [table, ...targets], async () => {
        await db.table(table).bulkDelete(replaced);
        for (const { target, rows: written } of encrypted) await db.table(target).bulkPut(written);
      });
    }
  }
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
      if (names.has(table) && (await db.table<{ v: number }>(table).filter((row) => row.v === 1).first()) !== undefined) return true;
    }
    return false;
  } finally {
    db.close();
  }
}
