/**
 * Runs in Chromium (built into one script by ./migration.ts): writes a database as the version 1 record
 * store did, then times the app's own open of it, which migrates every row to version 2 (src/renderer/src/db/migrate.ts).
 */
import Dexie from 'dexie';
import { deleteDatabase, importLegacyKey, importRecordKeys, openRecordStore, type WaypointTable } from '../../src/renderer/src/db';
import { v1Stores } from '../../src/renderer/src/db/schema';
import type { MigrationBenchOptions, MigrationBenchSamples, MigrationBenchWindow, V1Record } from './migration-protocol';

const dbName = 'migration-bench';
const encoder = new TextEncoder();

/**
 * A row as the version 1 store wrote it: plaintext kind, time and index fields beside AES-GCM under the data key,
 * with the associated data `decryptV1Row` checks (so a row this gets wrong fails the bench's read-back).
 */
async function v1Row(dataKey: CryptoKey, record: V1Record): Promise<Record<string, unknown>> {
  const index = Object.entries(record.index).sort(([a], [b]) => a.localeCompare(b));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const additionalData = encoder.encode(JSON.stringify([1, record.table, record.id, record.kind, record.updatedAt, index]));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, encoder.encode(JSON.stringify(record.data)));
  return { ...record.index, id: record.id, kind: record.kind, updatedAt: record.updatedAt, iv, ciphertext, v: 1 };
}

async function writeV1Database(records: readonly V1Record[], dataKeyBytes: Uint8Array): Promise<void> {
  const dataKey = await crypto.subtle.importKey('raw', dataKeyBytes as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt']);
  const rows = await Promise.all(records.map((record) => v1Row(dataKey, record)));
  const db = new Dexie(dbName);
  db.version(1).stores(v1Stores);
  await db.open();
  const tables = [...new Set(records.map((record) => record.table))];
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await db.table(table).bulkPut(rows.filter((_row, position) => records[position]!.table === table));
  });
  db.close();
}

async function runMigrationBench({ records, repetitions }: MigrationBenchOptions): Promise<MigrationBenchSamples> {
  const samples: MigrationBenchSamples = { migrate: [], reopen: [] };
  // Repetition 0 warms up the JIT and IndexedDB.
  for (let repetition = 0; repetition <= repetitions; repetition++) {
    await deleteDatabase(dbName);
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    await writeV1Database(records, dataKey);
    const keyBytes = () => ({
      records: crypto.getRandomValues(new Uint8Array(32)),
      index: crypto.getRandomValues(new Uint8Array(32)),
      attachments: crypto.getRandomValues(new Uint8Array(32)),
    });
    const keys = await importRecordKeys(keyBytes());
    const legacyKey = await importLegacyKey(dataKey);

    let start = performance.now();
    const store = await openRecordStore(keys, { dbName, legacyKey });
    const migrate = performance.now() - start;
    store.close();
    start = performance.now();
    const again = await openRecordStore(keys, { dbName });
    const reopen = performance.now() - start;

    // Outside the timing: every record came through, readable.
    let readable = 0;
    for (const table of ['cases', 'notes', 'checklists'] satisfies WaypointTable[]) {
      readable += (await again.list(table)).filter((record) => record.error === undefined).length;
    }
    again.close();
    if (readable !== records.length) throw new Error(`Migrated ${readable} of ${records.length} records`);
    if (repetition === 0) continue;
    samples.migrate.push(migrate);
    samples.reopen.push(reopen);
  }
  await deleteDatabase(dbName);
  return samples;
}

(window as unknown as MigrationBenchWindow).runMigrationBench = runMigrationBench;
