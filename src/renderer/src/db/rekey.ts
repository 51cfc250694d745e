/**
 * Changing keys, the renderer's part (docs/vault-format.md, "Changing keys"): every row re-encrypted,
 * and its tags recomputed, under the keys of the next data key. Rows carry no key identifier, so which
 * rows are done cannot be read from them: a journal in `_meta`, written in each batch's transaction,
 * says where a stopped run goes on. It belongs to the next keys (its owner is a tag under their index
 * key), so a journal left by an earlier change is never taken for this one's.
 */
import Dexie from 'dexie';
import { rewrapAttachmentRecord } from './attachments';
import { decryptRows, encryptRecords, layoutOf, tagOf, type RecordKeys, type StoredRow } from './cipher';
import { rewriteInBatches } from './migrate';
import { attachmentsTable, metaTable, type RecordTableSpec } from './schema';

const journalKey = 'keyChange';
const defaultBatchSize = 500;

export interface KeyChangeOptions {
  current: RecordKeys;
  next: RecordKeys;
  tables: Readonly<Record<string, RecordTableSpec>>;
  batchSize?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

function journalOwner(keys: RecordKeys): Promise<string> {
  return tagOf(keys.index, metaTable, journalKey, 'owner');
}

/** Re-encrypts every row of `tables` under `next`; goes on where a stopped run left off, and does nothing once done. */
export async function reencryptUnderNextKeys(db: Dexie, options: KeyChangeOptions): Promise<void> {
  const { current, next, tables } = options;
  const names = Object.keys(tables);
  const total = (await Promise.all(names.map((name) => db.table(name).count()))).reduce((sum, count) => sum + count, 0);
  await rewriteInBatches(db, {
    tables: names,
    batchSize: options.batchSize ?? defaultBatchSize,
    journal: { key: journalKey, owner: await journalOwner(next) },
    async rewrite(table, rows) {
      const decrypted = await decryptRows(current, table, rows as StoredRow[]);
      // A row that does not open under the current keys is left as it is: already under the next
      // ones, or unreadable under any (the store flags it, as before).
      const readable = decrypted.flatMap((record) => (record.error === undefined ? [record] : []));
      // An attachment's file key is wrapped again in the same batch as its record; its chunks, encrypted
      // under that file key, stay as they are (docs/attachments-format.md). A wrap that does not open is left.
      const records =
        table === attachmentsTable
          ? (await Promise.all(readable.map((record) => rewrapAttachmentRecord(current.attachments, next.attachments, record)))).filter((record) => record !== null)
          : readable;
      const rewritten = await encryptRecords(next, table, layoutOf(tables[table]!), records);
      return { deletes: [], puts: [{ table, rows: rewritten }] };
    },
    onBatch: (done) => options.onProgress?.(done, total),
  });
}

/**
 * After an unlock with no change of keys under way: whether the last change finished under these keys
 * while its journal was still there, i.e. Waypoint may have closed before it showed the new recovery
 * key. A journal of any other change is stale and goes.
 */
export async function keyChangeJustFinished(dbName: string, keys: RecordKeys): Promise<boolean> {
  const db = new Dexie(dbName);
  try {
    await db.open();
    if (!db.tables.some((table) => table.name === metaTable)) return false;
    const meta = db.table<{ key: string; owner?: string }, string>(metaTable);
    const journal = await meta.get(journalKey);
    if (!journal) return false;
    if (journal.owner === (await journalOwner(keys))) return true;
    await meta.delete(journalKey);
    return false;
  } finally {
    db.close();
  }
}

/** Once the new recovery key has been shown: the journal of the change goes. */
export async function forgetKeyChange(dbName: string): Promise<void> {
  const db = new Dexie(dbName);
  try {
    await db.open();
    if (db.tables.some((table) => table.name === metaTable)) await db.table(metaTable).delete(journalKey);
  } finally {
    db.close();
  }
}
