/**
 * Runs in Chromium: the same records saved and listed through the encrypted store and through plain Dexie.
 * Built into one script by ./index.ts.
 */
import Dexie from 'dexie';
import { deleteDatabase, importRecordKeys, openRecordStore, type RecordInput } from '../../src/renderer/src/db';
import type { RecordsBenchOptions, RecordsBenchSamples, RecordsBenchWindow } from './protocol';

interface BenchNote {
  title: string;
  body: string;
  tags: string[];
}

const encryptedDbName = 'records-bench-encrypted';
const plainDbName = 'records-bench-plain';
const words = ['shelter', 'referral', 'interpreter', 'hearing', 'visa', 'clinic', 'follow-up', 'consent', 'transport', 'safety'];

/** About 1 KB of JSON each, deterministic so runs compare. */
function makeRecords(count: number): RecordInput<BenchNote>[] {
  return Array.from({ length: count }, (_, i) => {
    const body = Array.from({ length: 120 }, (_, w) => words[(i * 7 + w * 3) % words.length]).join(' ');
    return {
      id: `note-${String(i).padStart(6, '0')}`,
      kind: 'note',
      index: { caseId: `case-${i % 500}` },
      data: { title: `Note ${i}`, body: body.slice(0, 950), tags: ['bench', words[i % words.length] ?? 'x'] },
    };
  });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function encryptedRun(records: RecordInput<BenchNote>[]): Promise<{ save: number; list: number }> {
  await deleteDatabase(encryptedDbName);
  const keys = await importRecordKeys({ records: crypto.getRandomValues(new Uint8Array(32)), index: crypto.getRandomValues(new Uint8Array(32)) });
  const store = await openRecordStore<{ notes: BenchNote }>(keys, { dbName: encryptedDbName });
  const save = await timed(() => store.saveMany('notes', records));
  let listed: Awaited<ReturnType<typeof store.list>> = [];
  const list = await timed(async () => {
    listed = await store.list('notes');
  });
  if (listed.length !== records.length || listed.some((record) => record.error)) throw new Error('Encrypted list lost records');
  store.close();
  await deleteDatabase(encryptedDbName);
  return { save, list };
}

/** The same row shape minus encryption: the data object stored as is. */
async function plainRun(records: RecordInput<BenchNote>[]): Promise<{ save: number; list: number }> {
  await Dexie.delete(plainDbName);
  const db = new Dexie(plainDbName);
  db.version(1).stores({ notes: 'id, kind, updatedAt, caseId' });
  await db.open();
  const save = await timed(() => {
    const now = Date.now();
    return db.table('notes').bulkPut(records.map(({ id, kind, index, data }) => ({ ...index, id, kind, updatedAt: now, data })));
  });
  let listed: unknown[] = [];
  const list = await timed(async () => {
    listed = await db.table('notes').toArray();
  });
  if (listed.length !== records.length) throw new Error('Plain list lost records');
  db.close();
  await Dexie.delete(plainDbName);
  return { save, list };
}

async function runRecordsBench({ records: count, repetitions }: RecordsBenchOptions): Promise<RecordsBenchSamples> {
  const records = makeRecords(count);
  const samples: RecordsBenchSamples = { encryptedSave: [], plainSave: [], encryptedList: [], plainList: [] };
  // Repetition 0 warms up the JIT and IndexedDB; alternating the order keeps drift from favouring one side.
  for (let repetition = 0; repetition <= repetitions; repetition++) {
    const plainFirst = repetition % 2 === 0;
    const plain = plainFirst ? await plainRun(records) : undefined;
    const encrypted = await encryptedRun(records);
    const plainResult = plain ?? (await plainRun(records));
    if (repetition === 0) continue;
    samples.encryptedSave.push(encrypted.save);
    samples.encryptedList.push(encrypted.list);
    samples.plainSave.push(plainResult.save);
    samples.plainList.push(plainResult.list);
  }
  return samples;
}

(window as unknown as RecordsBenchWindow).runRecordsBench = runRecordsBench;
