/**
 * Runs in Chromium: changing the keys of 10,000 records (every row decrypted, re-encrypted and its tags
 * recomputed under the next keys, in journaled batches) against reading and writing the same records
 * once through the store. Built into one script by ./key-change.ts.
 */
import { deleteDatabase, importRecordKeys, openRecordStore, type RecordInput, type RecordKeys } from '../../src/renderer/src/db';
import type { KeyChangeBenchOptions, KeyChangeBenchSamples, KeyChangeBenchWindow } from './key-change-protocol';

const dbName = 'key-change-bench';
const words = ['shelter', 'referral', 'interpreter', 'hearing', 'visa', 'clinic', 'follow-up', 'consent', 'transport', 'safety'];

/** About 1 KB of JSON each, with a tagged field, as the records bench writes them. */
interface BenchNote {
  title: string;
  body: string;
}
type BenchRecords = { notes: BenchNote };

function makeRecords(count: number): RecordInput<BenchNote>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    kind: 'note',
    index: { caseId: `case-${i % 500}` },
    data: {
      title: `Note ${i}`,
      body: Array.from({ length: 120 }, (_, w) => words[(i * 7 + w * 3) % words.length])
        .join(' ')
        .slice(0, 950),
    },
  }));
}

function newKeys(): Promise<RecordKeys> {
  return importRecordKeys({
    records: crypto.getRandomValues(new Uint8Array(32)),
    index: crypto.getRandomValues(new Uint8Array(32)),
    attachments: crypto.getRandomValues(new Uint8Array(32)),
  });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Reads every record and writes it back, under the same keys: the one pass a change of keys is compared with. */
async function readAndWrite(keys: RecordKeys): Promise<number> {
  const store = await openRecordStore<BenchRecords>(keys, { dbName });
  const time = await timed(async () => {
    const listed = await store.list('notes');
    await store.saveMany(
      'notes',
      listed.map((record) => {
        if (record.error !== undefined) throw new Error('A record did not open');
        return { id: record.id, kind: record.kind, index: record.index, data: record.data, updatedAt: record.updatedAt };
      }),
    );
  });
  store.close();
  return time;
}

async function changeKeys(current: RecordKeys, next: RecordKeys, count: number): Promise<number> {
  const time = await timed(async () => (await openRecordStore<BenchRecords>(current, { dbName, nextKeys: next })).close());
  const store = await openRecordStore<BenchRecords>(next, { dbName });
  const listed = await store.list('notes');
  store.close();
  if (listed.length !== count || listed.some((record) => record.error !== undefined)) throw new Error('The change of keys lost records');
  return time;
}

async function runKeyChangeBench({ records: count, repetitions }: KeyChangeBenchOptions): Promise<KeyChangeBenchSamples> {
  const samples: KeyChangeBenchSamples = { readWrite: [], keyChange: [] };
  // Repetition 0 warms up; the order alternates so drift favours neither side.
  for (let repetition = 0; repetition <= repetitions; repetition++) {
    await deleteDatabase(dbName);
    const [current, next] = [await newKeys(), await newKeys()];
    const store = await openRecordStore<BenchRecords>(current, { dbName });
    await store.saveMany('notes', makeRecords(count));
    store.close();
    let readWrite: number;
    let keyChange: number;
    if (repetition % 2 === 0) {
      readWrite = await readAndWrite(current);
      keyChange = await changeKeys(current, next, count);
    } else {
      keyChange = await changeKeys(current, next, count);
      readWrite = await readAndWrite(next);
    }
    if (repetition === 0) continue;
    samples.readWrite.push(readWrite);
    samples.keyChange.push(keyChange);
  }
  await deleteDatabase(dbName);
  return samples;
}

(window as unknown as KeyChangeBenchWindow).runKeyChangeBench = runKeyChangeBench;
