// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRecordStore, openRecordStore, writeAllRecords, type RecordSchema } from '@renderer/db';
import { associatedDataText, decryptRows, encryptRecords, mapConcurrently, tagOf } from '@renderer/db/cipher';
import { newKey, openRaw, uniqueDbName } from './helpers';

const schema: RecordSchema = {
  versions: [{ version: 2, tables: { notes: { tags: ['caseId'] }, followUps: { tags: ['caseId'] }, tombstones: { tags: [] } } }],
};

afterEach(() => {
  closeRecordStore();
  vi.restoreAllMocks();
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('encrypting and decrypting a batch', () => {
  it('keeps the items’ order with calls in flight at once, never more than the limit', async () => {
    let pending = 0;
    let most = 0;
    const items = Array.from({ length: 40 }, (_, i) => i);
    const results = await mapConcurrently(items, 7, async (item) => {
      most = Math.max(most, ++pending);
      await settle((item * 7) % 5); // answers arrive out of order
      pending -= 1;
      return item * 2;
    });
    expect(results).toEqual(items.map((item) => item * 2));
    expect(most).toBe(7);
  });

  it('rejects with the first failure and starts no call after it', async () => {
    const started: number[] = [];
    const run = mapConcurrently(
      Array.from({ length: 100 }, (_, i) => i),
      4,
      async (item) => {
        started.push(item);
        await settle(1);
        if (item === 10) throw new Error('item 10 failed');
        return item;
      },
    );
    await expect(run).rejects.toThrow('item 10 failed');
    await settle(20);
    // Only the calls already in flight when 10 failed (at most 3 others) were started after it.
    expect(Math.max(...started)).toBeLessThanOrEqual(13);
  });

  it('signs a lookup value once per batch, with the tag tagOf gives, told apart by type, field, table and keys', async () => {
    const keys = await newKey();
    const other = await newKey();
    const layout = { tags: ['caseId'], byDay: false };
    const records = ['c1', 'c2', 'c1', 5, '5', 'c1'].map((caseId, i) => ({ id: `n${i}`, kind: 'note', updatedAt: 1, index: { caseId }, data: { i } }));
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const rows = await encryptRecords(keys, 'notes', layout, records);
    expect(sign).toHaveBeenCalledTimes(4); // c1, c2, 5 and "5"
    sign.mockRestore();
    const expected = await Promise.all(records.map(({ index }) => tagOf(keys.index, 'notes', 'caseId', index.caseId)));
    expect(rows.map((row) => row.caseId)).toEqual(expected);
    expect(rows[3]!.caseId).not.toBe(rows[4]!.caseId); // 5 and "5"

    // The same values in another table, or under other keys, give other tags.
    const followUps = await encryptRecords(keys, 'followUps', layout, records);
    const underOther = await encryptRecords(other, 'notes', layout, records);
    for (const [position, row] of rows.entries()) {
      expect(followUps[position]!.caseId).not.toBe(row.caseId);
      expect(underOther[position]!.caseId).not.toBe(row.caseId);
    }
    // And every row decrypts, in order, to its record.
    expect(await decryptRows(keys, 'notes', rows)).toEqual(records);
    expect((await decryptRows(keys, 'notes', underOther)).every((result) => result.error === 'undecryptable')).toBe(true);
  });

  it('writes tags of each table under its own name when one write spans tables with the same values', async () => {
    const dbName = uniqueDbName();
    const keys = await newKey();
    const store = await openRecordStore<{ notes: { t: string }; followUps: { t: string } }>(keys, { dbName, schema });
    const input = (id: string) => ({ id, kind: 'x', index: { caseId: 'case-1' }, data: { t: id } });
    await writeAllRecords(store, { notes: [input('a'), input('b')], followUps: [input('c')] }, { clearFirst: false });
    const raw = await openRaw(dbName);
    const [a, b] = await raw.table('notes').bulkGet(['a', 'b']);
    const c = await raw.table('followUps').get('c');
    raw.close();
    expect(a.caseId).toBe(b.caseId);
    expect(c.caseId).not.toBe(a.caseId);
    expect(await store.list('notes', { caseId: 'case-1' })).toHaveLength(2);
    expect(await store.list('followUps', { caseId: 'case-1' })).toHaveLength(1);
  });

  it('binds exactly the associated data of the documented format, for any id, table and tag', () => {
    const texts = ['notes', 'a"b\\c', 'line\nbreak\u0001', 'Łódź — ٤٢ 🩺', '\ud800 lone', '', 'x'.repeat(300)];
    for (const table of texts) {
      for (const id of texts) {
        for (const day of [undefined, 0, 20_430]) {
          const tags = { caseId: `${id}-tag`, a: table, z: 'Z' };
          const entries = Object.keys(tags)
            .sort()
            .map((field) => [field, tags[field as keyof typeof tags]]);
          expect(associatedDataText(table, id, day, tags)).toBe(JSON.stringify([2, table, id, day ?? null, entries]));
          expect(associatedDataText(table, id, day, {})).toBe(JSON.stringify([2, table, id, day ?? null, []]));
        }
      }
    }
  });

  it('writes nothing when one record of a large batch cannot be encrypted, even with the others in flight', async () => {
    const dbName = uniqueDbName();
    const store = await openRecordStore<{ notes: { t: unknown } }>(await newKey(), { dbName, schema });
    await store.save('notes', { id: 'kept', kind: 'note', data: { t: 'before' } });
    const batch = Array.from({ length: 2_000 }, (_, i) => ({ id: `n${i}`, kind: 'note', index: { caseId: `c${i % 10}` }, data: { t: i === 1_500 ? 1n : i } }));
    await expect(store.saveMany('notes', batch)).rejects.toThrow(TypeError);
    expect(await store.list('notes')).toEqual([expect.objectContaining({ id: 'kept', data: { t: 'before' } })]);
  });
});
