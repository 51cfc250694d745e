/**
 * Runs in Chromium: the same records saved and listed through each record layer, plain Dexie first as the
 * baseline. Built into one script by ./index.ts.
 *
 * A layer is one way of storing the records; a new record layer (a new format version, a tuning) is measured
 * by adding it to `layers` below, and its rows appear in the table beside the others.
 */
import Dexie from 'dexie';
import { deleteDatabase, importRecordKeys, openRecordStore, type RecordInput } from '../../src/renderer/src/db';
import type { LayerSamples, RecordsBenchOptions, RecordsBenchSamples, RecordsBenchWindow } from './protocol';

interface BenchNote {
  title: string;
  body: string;
  tags: string[];
}

/** One way of storing records: saves them all into a fresh database, lists them all back, and deletes it. */
export interface RecordLayer {
  name: string;
  run(records: RecordInput<BenchNote>[]): Promise<{ save: number; list: number }>;
}

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

/** Set by runLayerOnce for a profiler, which it tells when each phase starts and ends, outside the timing. */
let phaseHook: ((phase: string) => Promise<void>) | undefined;

async function timed(phase: 'save' | 'list', run: () => Promise<unknown>): Promise<number> {
  await phaseHook?.(`${phase} start`);
  // The garbage of what ran before is collected now rather than inside this timing (withBenchPage starts
  // Chromium with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  await phaseHook?.(`${phase} end`);
  return ms;
}

/** The baseline: the same row shape minus encryption, the data object stored as is. */
const plainDexie: RecordLayer = {
  name: 'plain',
  async run(records) {
    const dbName = 'records-bench-plain';
    await Dexie.delete(dbName);
    const db = new Dexie(dbName);
    db.version(1).stores({ notes: 'id, kind, updatedAt, caseId' });
    await db.open();
    const save = await timed('save', () => {
      const now = Date.now();
      return db.table('notes').bulkPut(records.map(({ id, kind, index, data }) => ({ ...index, id, kind, updatedAt: now, data })));
    });
    let listed: unknown[] = [];
    const list = await timed('list', async () => {
      listed = await db.table('notes').toArray();
    });
    if (listed.length !== records.length) throw new Error('Plain list lost records');
    db.close();
    await Dexie.delete(dbName);
    return { save, list };
  },
};

/** Today's encrypted record store (src/renderer/src/db). */
const encryptedStore: RecordLayer = {
  name: 'encrypted',
  async run(records) {
    const dbName = 'records-bench-encrypted';
    await deleteDatabase(dbName);
    const keys = await importRecordKeys({
      records: crypto.getRandomValues(new Uint8Array(32)),
      index: crypto.getRandomValues(new Uint8Array(32)),
      attachments: crypto.getRandomValues(new Uint8Array(32)),
    });
    const store = await openRecordStore<{ notes: BenchNote }>(keys, { dbName });
    const save = await timed('save', () => store.saveMany('notes', records));
    let listed: Awaited<ReturnType<typeof store.list>> = [];
    const list = await timed('list', async () => {
      listed = await store.list('notes');
    });
    if (listed.length !== records.length || listed.some((record) => record.error)) throw new Error('Encrypted list lost records');
    store.close();
    await deleteDatabase(dbName);
    return { save, list };
  },
};

/** The baseline first; every other layer is compared with it. */
const layers: RecordLayer[] = [plainDexie, encryptedStore];

/** Before each run, IndexedDB gets a moment to finish deleting the previous run's database. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/**
 * Interleaved pairs: baseline, then each other layer, then the baseline again..., each run on a fresh
 * database of the same records. Pair 0 warms up the JIT and IndexedDB and is not counted. Every other pair
 * runs in the reverse order, so a cost that one run leaves to the next falls on each side equally.
 */
async function runRecordsBench({ records: count, pairs }: RecordsBenchOptions): Promise<RecordsBenchSamples> {
  const records = makeRecords(count);
  const samples: Record<string, LayerSamples> = Object.fromEntries(layers.map((layer) => [layer.name, { save: [], list: [] }]));
  for (let pair = 0; pair <= pairs; pair++) {
    for (const layer of pair % 2 ? [...layers].reverse() : layers) {
      await settle();
      const { save, list } = await layer.run(records);
      if (pair === 0) continue;
      samples[layer.name]!.save.push(save);
      samples[layer.name]!.list.push(list);
    }
  }
  return { baseline: layers[0]!.name, layers: samples };
}

async function runLayerOnce(name: string, count: number, hook: (phase: string) => Promise<void>): Promise<{ save: number; list: number }> {
  const layer = layers.find((candidate) => candidate.name === name);
  if (!layer) throw new Error(`no record layer named ${name}`);
  phaseHook = hook;
  try {
    return await layer.run(makeRecords(count));
  } finally {
    phaseHook = undefined;
  }
}

Object.assign(window as unknown as RecordsBenchWindow, { runRecordsBench, runLayerOnce });
