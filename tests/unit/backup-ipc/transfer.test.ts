// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRecordStore, openRecordStore, type OpaqueStore, type WaypointTable } from '@renderer/db';
import { applyRestore, collectRecords, planRestore, TransferError, type TransferRecord } from '@renderer/db/transfer';
import { newKey, uniqueDbName } from '../db/helpers';

afterEach(() => closeRecordStore());

async function openStore(): Promise<OpaqueStore> {
  return openRecordStore<Record<WaypointTable, unknown>>(await newKey(), { dbName: uniqueDbName() });
}

function record(table: string, id: string, updatedAt: number, data: unknown, kind = 'case', index: Record<string, string | number> = {}): TransferRecord {
  return { table, id, updatedAt, data: { kind, index, data } };
}

async function everything(store: OpaqueStore) {
  return (await collectRecords(store)).records;
}

describe('collecting and restoring records', () => {
  it('collects every table with kind, index and updatedAt, and a replace rebuilds the same rows elsewhere', async () => {
    const source = await openStore();
    await source.save('cases', { id: 'c1', kind: 'case', data: { code: 'AB-12' }, updatedAt: 111 });
    await source.save('notes', { id: 'n1', kind: 'note', index: { caseId: 'c1' }, data: { text: 'hello' }, updatedAt: 222 });
    await source.save('templates', { id: 't1', kind: 'template', data: { title: 'Mine' }, updatedAt: 333 });
    const collected = await collectRecords(source);
    expect(collected.counts).toEqual({ cases: 1, notes: 1, checklists: 0, orgNotes: 0, templates: 1, ownDirectory: 0, followUps: 0, attachments: 0, tombstones: 0 });
    expect(collected.unreadable).toBe(0);

    const target = await openStore();
    await target.save('cases', { id: 'old', kind: 'case', data: { code: 'GONE' } });
    const plan = await planRestore(target, collected.records, 'replace');
    expect(plan).toMatchObject({ total: 3, replaced: 1 });
    expect(await applyRestore(target, plan)).toBe(3);
    expect(await everything(target)).toEqual(collected.records);
    expect(await target.list('notes', { caseId: 'c1' })).toHaveLength(1);
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

  it('is all or nothing: a record that cannot be written fails the whole replace and nothing is cleared', async () => {
    const store = await openStore();
    await store.save('cases', { id: 'keep', kind: 'case', data: { code: 'K' } });
    const before = await everything(store);
    const plan = await planRestore(store, [record('notes', 'fine', 1, { text: 'ok' }, 'note'), record('cases', 'bad', 1, { size: 1n })], 'replace');
    await expect(applyRestore(store, plan)).rejects.toThrow(TypeError);
    expect(await everything(store)).toEqual(before);
  });

  it('carries tombstones: a merge restore does not bring back what was deleted on this device or before the backup', async () => {
    const device = await openStore();
    await device.saveMany('cases', [
      { id: 'deletedHere', kind: 'case', data: { code: 'D' }, updatedAt: 100 },
      { id: 'deletedThere', kind: 'case', data: { code: 'T' }, updatedAt: 100 },
      { id: 'changedAfter', kind: 'case', data: { code: 'C' }, updatedAt: 100 },
    ]);
    const backup = await collectRecords(device);

    // Elsewhere (the backup's side), two cases were deleted; one was changed again here after that.
    const other = await openStore();
    await applyRestore(other, await planRestore(other, backup.records, 'replace'));
    await other.deleteMany('cases', ['deletedThere', 'changedAfter']);
    const laterBackup = await collectRecords(other);
    expect(laterBackup.counts['tombstones']).toBe(2);
    await device.save('cases', { id: 'changedAfter', kind: 'case', data: { code: 'C2' }, updatedAt: Date.now() + 60_000 });

    await device.delete('cases', 'deletedHere');
    const plan = await planRestore(device, [...backup.records, ...laterBackup.records], 'merge');
    // Every backed-up copy older than a deletion: deletedHere (twice), deletedThere, and the old changedAfter.
    expect(plan.deletedSkipped).toBe(4);
    expect(plan.deletes).toEqual({ cases: ['deletedThere'] });
    await applyRestore(device, plan);
    const codes = (await device.list('cases')).map((row) => (row.error ? null : (row.data as { code: string }).code));
    expect(codes).toEqual(['C2']);
  });

  it('restores a backup made by the version 1 format: own directory records move to their table, marks get random ids', async () => {
    const store = await openStore();
    const entryId = '7f1c2d9e-0000-4000-8000-000000000001';
    const plan = await planRestore(
      store,
      [
        record('cases', 'c1', 5, { code: 'A' }, 'case', { status: 'open', createdAt: 5 }),
        record('orgNotes', `entry:${entryId}`, 6, { entry: { id: entryId }, origin: 'added' }, 'ownEntry', { orgId: entryId }),
        record('orgNotes', `note:${entryId}`, 7, { text: 'hi' }, 'orgNote', { orgId: entryId }),
      ],
      'merge',
    );
    await applyRestore(store, plan);
    expect(await store.get('cases', 'c1')).toMatchObject({ index: {}, data: { code: 'A' } });
    expect((await store.list('ownDirectory')).map((row) => !row.error && row.kind)).toEqual(['ownEntry']);
    const [note] = await store.list('orgNotes', { orgId: entryId });
    expect(note).toMatchObject({ kind: 'orgNote', index: { orgId: entryId }, data: { text: 'hi' } });
    expect(note!.id).not.toContain(entryId);
  });
});
