// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRecordStore, openRecordStore, type RecordStore } from '@renderer/db';
import { applyRestore, collectRecords, planRestore, TransferError, type TransferRecord } from '@renderer/db/transfer';
import { newKey, uniqueDbName } from '../db/helpers';

afterEach(() => closeRecordStore());

async function openStore(): Promise<RecordStore<Record<string, unknown>>> {
  return openRecordStore(await newKey(), { dbName: uniqueDbName() });
}

function record(table: string, id: string, updatedAt: number, data: unknown, kind = 'case', index: Record<string, string | number> = {}): TransferRecord {
  return { table, id, updatedAt, data: { kind, index, data } };
}

async function everything(store: RecordStore<Record<string, unknown>>) {
  return (await collectRecords(store)).records;
}

describe('collecting and restoring records', () => {
  it('collects every table with kind, index and updatedAt, and a replace rebuilds the same rows elsewhere', async () => {
    const source = await openStore();
    await source.save('cases', { id: 'c1', kind: 'case', index: { status: 'open', createdAt: 5 }, data: { code: 'AB-12' }, updatedAt: 111 });
    await source.save('notes', { id: 'n1', kind: 'note', index: { caseId: 'c1', createdAt: 6 }, data: { text: 'hello' }, updatedAt: 222 });
    await source.save('templates', { id: 't1', kind: 'template', data: { title: 'Mine' }, updatedAt: 333 });
    const collected = await collectRecords(source);
    expect(collected.counts).toEqual({ cases: 1, notes: 1, checklists: 0, orgNotes: 0, templates: 1 });
    expect(collected.unreadable).toBe(0);

    const target = await openStore();
    await target.save('cases', { id: 'old', kind: 'case', data: { code: 'GONE' } });
    const plan = await planRestore(target, collected.records, 'replace');
    expect(plan).toMatchObject({ total: 3, replaced: 1 });
    expect(await applyRestore(target, plan)).toBe(3);
    expect(await everything(target)).toEqual(collected.records);
    expect(await target.list('cases', { status: 'open' })).toHaveLength(1);
  });

  it('merge: records only in the backup are added; on both sides the newer wins, and the conflicts are listed', async () => {
    const store = await openStore();
    await store.save('cases', { id: 'same', kind: 'case', data: { code: 'S' }, updatedAt: 100 });
    await store.save('cases', { id: 'newerHere', kind: 'case', data: { code: 'HERE' }, updatedAt: 500 });
    await store.save('cases', { id: 'newerThere', kind: 'case', data: { code: 'OLD' }, updatedAt: 100 });
    await store.save('cases', { id: 'onlyHere', kind: 'case', data: { code: 'H' }, updatedAt: 100 });
    const incoming = [
      record('cases', 'same', 100, { code: 'S' }),
      record('cases', 'newerHere', 400, { code: 'THERE' }),
      record('cases', 'newerThere', 900, { code: 'NEW' }),
      record('notes', 'onlyThere', 50, { text: 'n' }, 'note', { caseId: 'x' }),
    ];
    const plan = await planRestore(store, incoming, 'merge');
    expect(plan.added).toBe(1);
    expect(plan.conflicts).toEqual([
      { table: 'cases', id: 'newerHere', label: 'THERE', deviceUpdatedAt: 500, backupUpdatedAt: 400, winner: 'device' },
      { table: 'cases', id: 'newerThere', label: 'NEW', deviceUpdatedAt: 100, backupUpdatedAt: 900, winner: 'backup' },
    ]);
    expect(await applyRestore(store, plan)).toBe(2);
    const cases = Object.fromEntries((await store.list('cases')).map((row) => [row.id, row.error ? null : [row.updatedAt, (row.data as { code: string }).code]]));
    expect(cases).toEqual({ same: [100, 'S'], newerHere: [500, 'HERE'], newerThere: [900, 'NEW'], onlyHere: [100, 'H'] });
    expect(await store.list('notes')).toHaveLength(1);
  });

  it('refuses an unknown table or a malformed record before anything is written', async () => {
    const store = await openStore();
    await store.save('cases', { id: 'keep', kind: 'case', data: { code: 'K' } });
    const before = await everything(store);
    await expect(planRestore(store, [record('cases', 'a', 1, {}), record('spaceships', 'b', 1, {})], 'replace')).rejects.toBeInstanceOf(TransferError);
    await expect(planRestore(store, [{ table: 'cases', id: 'c', updatedAt: 1, data: { just: 'data' } }], 'replace')).rejects.toMatchObject({ reason: 'malformed' });
    expect(await everything(store)).toEqual(before);
  });

  it('is all or nothing: an index field this schema does not declare fails the whole replace and nothing is cleared', async () => {
    const store = await openStore();
    await store.save('cases', { id: 'keep', kind: 'case', data: { code: 'K' } });
    const before = await everything(store);
    const plan = await planRestore(store, [record('notes', 'fine', 1, { text: 'ok' }, 'note'), record('cases', 'bad', 1, {}, 'case', { colour: 'red' })], 'replace');
    await expect(applyRestore(store, plan)).rejects.toThrow(/colour/);
    expect(await everything(store)).toEqual(before);
  });
});
