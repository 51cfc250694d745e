// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRecordStore, openRecordStore, waypointSchema, type RecordKeys, type RecordStore } from '@renderer/db';
import { forgetKeyChange, keyChangeJustFinished } from '@renderer/db/rekey';
import { newKey, openRaw, uniqueDbName } from './helpers';

type AnyStore = RecordStore<Record<string, unknown>>;
const tables = Object.keys(waypointSchema.versions.at(-1)!.tables);

afterEach(() => {
  closeRecordStore();
  vi.restoreAllMocks();
});

/** A database with records in every kind of table: kept by day, tagged, plain, and tombstones. */
async function filledDatabase(keys: RecordKeys): Promise<string> {
  const dbName = uniqueDbName();
  const store = await openRecordStore<Record<string, unknown>>(keys, { dbName });
  const cases = Array.from({ length: 9 }, (_, n) => ({
    id: crypto.randomUUID(),
    kind: 'case',
    data: { code: `WP-2026-${1000 + n}` },
    updatedAt: 1_800_000_000_000 + n * 86_400_000,
  }));
  await store.saveMany('cases', cases);
  await store.saveMany(
    'notes',
    cases.slice(0, 5).map((c, n) => ({ id: crypto.randomUUID(), kind: 'note', index: { caseId: c.id }, data: { text: `note ${n}` } })),
  );
  await store.saveMany('checklists', [{ id: crypto.randomUUID(), kind: 'checklist', index: { caseId: cases[0]!.id }, data: { answers: {} } }]);
  await store.saveMany('orgNotes', [{ id: crypto.randomUUID(), kind: 'favourite', index: { orgId: 'org-1' }, data: {} }]);
  await store.saveMany('ownDirectory', [{ id: crypto.randomUUID(), kind: 'ownEntry', data: { name: 'Shelter' } }]);
  await store.saveMany('templates', [{ id: crypto.randomUUID(), kind: 'template', data: { title: 'Mine' } }]);
  await store.delete('cases', cases[8]!.id); // leaves a tombstone
  store.close();
  return dbName;
}

/** Every record of every table as text, failing on any that does not open under the store's keys. */
async function contents(store: AnyStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const records = await store.list(table);
    expect(
      records.filter((record) => record.error !== undefined),
      `${table}: rows that do not open`,
    ).toEqual([]);
    out[table] = records.map((record) => JSON.stringify(record)).sort();
  }
  return out;
}

async function rowCount(dbName: string): Promise<number> {
  const raw = await openRaw(dbName);
  const counts = await Promise.all(tables.map((table) => raw.table(table).count()));
  raw.close();
  return counts.reduce((sum, count) => sum + count, 0);
}

/** How many rows open under these keys, and how many do not. */
async function readableUnder(keys: RecordKeys, dbName: string): Promise<{ readable: number; not: number }> {
  const store = await openRecordStore<Record<string, unknown>>(keys, { dbName });
  let readable = 0;
  let not = 0;
  for (const table of tables) {
    for (const record of await store.list(table)) {
      if (record.error === undefined) readable += 1;
      else not += 1;
    }
  }
  store.close();
  return { readable, not };
}

/** Makes the n-th write transaction from now fail, as if the app were closed between two batches. */
function stopAtTransaction(n: number): void {
  const transaction = Dexie.prototype.transaction;
  let calls = 0;
  vi.spyOn(Dexie.prototype, 'transaction').mockImplementation(function (this: Dexie, ...args: unknown[]) {
    calls += 1;
    if (calls === n) return Promise.reject(new Error('the app was closed')) as never;
    return (transaction as (...inner: unknown[]) => unknown).apply(this, args) as never;
  });
}

describe('changing keys: every row re-encrypted under the next keys', () => {
  it('re-encrypts every row and recomputes its tags; afterwards every row opens under the new keys and none under the old', async () => {
    const [current, next] = [await newKey(), await newKey()];
    const dbName = await filledDatabase(current);
    const before = await contents(await openRecordStore(current, { dbName }));
    closeRecordStore();
    const rawBefore = await openRaw(dbName);
    const oldNoteTags = (await rawBefore.table('notes').toArray()).map((row: { caseId: string }) => row.caseId).sort();
    rawBefore.close();

    const progress: [number, number][] = [];
    const store = await openRecordStore<Record<string, unknown>>(current, {
      dbName,
      nextKeys: next,
      keyChangeBatchSize: 4,
      onKeyChangeProgress: (done, total) => progress.push([done, total]),
    });
    // The store it gives already uses the new keys.
    expect(await contents(store)).toEqual(before);
    const checklist = (await store.list('checklists'))[0];
    if (!checklist || checklist.error !== undefined) throw new Error('the checklist did not open');
    // Lookups by tag work: the tags were recomputed under the new index key.
    expect(await store.list('notes', { caseId: checklist.index.caseId! })).toHaveLength(1);
    const total = await rowCount(dbName);
    expect(progress.at(-1)).toEqual([total, total]);
    closeRecordStore();

    expect(await contents(await openRecordStore(next, { dbName }))).toEqual(before);
    closeRecordStore();
    expect(await readableUnder(current, dbName)).toEqual({ readable: 0, not: total });
    const rawAfter = await openRaw(dbName);
    const newNoteTags = (await rawAfter.table('notes').toArray()).map((row: { caseId: string }) => row.caseId);
    rawAfter.close();
    expect(newNoteTags.filter((tag) => oldNoteTags.includes(tag))).toEqual([]);
  });

  it('stopped between any two batches, goes on where it stopped at the next open: a consistent store, every row under the new keys, none lost or doubled', async () => {
    const [current, next] = [await newKey(), await newKey()];
    const dbName = await filledDatabase(current);
    const before = await contents(await openRecordStore(current, { dbName }));
    closeRecordStore();
    const total = await rowCount(dbName);
    const batches = Math.ceil(total / 3) + tables.length; // at least the number of batches of 3
    let stoppedMidway = 0;
    for (let stop = 1; stop <= batches; stop += 1) {
      const name = uniqueDbName();
      await copyDatabase(dbName, name);
      stopAtTransaction(stop);
      const run = openRecordStore(current, { dbName: name, nextKeys: next, keyChangeBatchSize: 3 });
      const failed = await run.then(
        () => false,
        (error: Error) => error.message === 'the app was closed',
      );
      vi.restoreAllMocks();
      closeRecordStore();
      if (!failed) break; // fewer batches than `stop`: the run went through
      const split = await readableUnder(next, name);
      if (split.readable > 0 && split.not > 0) stoppedMidway += 1; // some rows under each key: the crash this test is about
      expect(split.readable + split.not).toBe(total);
      const resumed = await openRecordStore<Record<string, unknown>>(current, { dbName: name, nextKeys: next, keyChangeBatchSize: 3 });
      expect(await contents(resumed)).toEqual(before);
      closeRecordStore();
      expect(await readableUnder(next, name)).toEqual({ readable: total, not: 0 });
    }
    expect(stoppedMidway).toBeGreaterThan(3);
  });

  it('a finished change is not run again, and its journal is known by the new keys only until it is forgotten', async () => {
    const [current, next, other] = [await newKey(), await newKey(), await newKey()];
    const dbName = await filledDatabase(current);
    await openRecordStore(current, { dbName, nextKeys: next });
    closeRecordStore();
    // Opened again with the same pair (the header kept its next key after a crash): the rows are not touched.
    const spy = vi.spyOn(Dexie.prototype, 'transaction');
    const store = await openRecordStore<Record<string, unknown>>(current, { dbName, nextKeys: next });
    expect(spy).not.toHaveBeenCalled();
    expect((await store.list('cases')).every((record) => record.error === undefined)).toBe(true);
    closeRecordStore();

    expect(await keyChangeJustFinished(dbName, next)).toBe(true);
    await forgetKeyChange(dbName);
    expect(await keyChangeJustFinished(dbName, next)).toBe(false);

    // A later change under other keys does not take the old journal for its own.
    const raw = await openRaw(dbName);
    await raw.table('_meta').put({ key: 'keyChange', owner: 'left by an earlier change', value: { done: true } });
    raw.close();
    await openRecordStore(next, { dbName, nextKeys: other });
    closeRecordStore();
    expect(await readableUnder(other, dbName)).toEqual({ readable: await rowCount(dbName), not: 0 });
    expect(await keyChangeJustFinished(dbName, current)).toBe(false); // another change's journal: false, and it goes
    expect(await keyChangeJustFinished(dbName, other)).toBe(false);
  });
});

/** A copy of a database, row for row, so each stop point starts from the same rows. */
async function copyDatabase(from: string, to: string): Promise<void> {
  const source = await openRaw(from);
  const target = new Dexie(to);
  target
    .version(source.verno)
    .stores(Object.fromEntries(source.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ')])));
  await target.open();
  for (const table of source.tables) await target.table(table.name).bulkPut(await table.toArray());
  source.close();
  target.close();
}
