// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createNote, newCaseRecord } from '@shared/cases';
import { tokenize } from '@shared/fold';
import { closeRecordStore, openRecordStore, type WaypointStore } from '@renderer/db';
import { applyRestore, collectRecords, planRestore } from '@renderer/db/transfer';
import { deleteCaseRecords } from '@renderer/features/cases/case-records';
import { collectCaseTokens, tokensOfCase } from '@renderer/features/cases/text-index';
import { deleteFollowUp, listCaseFollowUps, saveFollowUp } from '@renderer/features/followups/data';
import { readAgendaItems } from '@renderer/features/followups/summary-read';
import { newKey, openRaw, serialiseRow, uniqueDbName } from '../db/helpers';
import { followUp } from './fixtures';

afterEach(() => closeRecordStore());

type Store = WaypointStore;
const marker = 'ZQXMARKER hearing at Calle Mayor';

async function seeded(dbName = uniqueDbName()): Promise<{ store: Store; dbName: string }> {
  const store = await openRecordStore(await newKey(), { dbName });
  const now = '2026-03-01T09:00:00.000Z';
  for (const [id, code] of [
    ['case-a', 'WP-2026-0001'],
    ['case-b', 'WP-2026-0002'],
  ] as const) {
    await store.save('cases', { id, kind: 'case', data: newCaseRecord({ id, code, now }) });
  }
  await store.save('notes', { id: 'note-a', kind: 'note', index: { caseId: 'case-a' }, data: createNote({ id: 'note-a', caseId: 'case-a', text: 'n', now }) });
  await saveFollowUp(store, followUp({ id: 'f-a1', caseId: 'case-a', title: marker, kind: 'appointment', due: { date: '2026-03-20', time: '10:00', zone: 'Europe/Madrid' } }));
  await saveFollowUp(store, followUp({ id: 'f-a2', caseId: 'case-a' }));
  await saveFollowUp(store, followUp({ id: 'f-b1', caseId: 'case-b' }));
  return { store, dbName };
}

describe('follow-up records', () => {
  it('stores a follow-up with its case as a keyed tag and nothing of it in the clear', async () => {
    const { store, dbName } = await seeded();
    expect((await listCaseFollowUps(store, 'case-a')).records.map((f) => f.id).sort()).toEqual(['f-a1', 'f-a2']);
    const raw = await openRaw(dbName);
    const rows = await raw.table('followUps').toArray();
    raw.close();
    expect(rows).toHaveLength(3);
    const onDisk = rows.map(serialiseRow).join('\n');
    for (const secret of ['ZQXMARKER', 'case-a', 'appointment', 'Europe/Madrid', '2026-03-20', '10:00', 'open']) expect(onDisk).not.toContain(secret);
    expect(Object.keys(rows[0] as object).sort()).toEqual(['caseId', 'ciphertext', 'id', 'iv', 'v']);
  });

  it('refuses to write a follow-up the schema rejects, and writes nothing', async () => {
    const { store } = await seeded();
    await expect(saveFollowUp(store, followUp({ id: 'bad', due: { date: '2026-02-30', time: null, zone: null } }))).rejects.toThrow();
    expect(await store.get('followUps', 'bad')).toBeUndefined();
  });

  it('deletes a case with its notes and follow-ups in one go, leaving other cases’ follow-ups', async () => {
    const { store } = await seeded();
    await deleteCaseRecords(store, 'case-a');
    expect(await store.get('cases', 'case-a')).toBeUndefined();
    expect(await store.list('notes', { caseId: 'case-a' })).toEqual([]);
    expect((await readAgendaItems(store)).items.map((f) => f.id)).toEqual(['f-b1']);
    // A tombstone for each, so a merge restore of an older backup does not bring them back.
    expect(await store.count('tombstones')).toBe(4);
  });

  it('travels in a backup, and a merge restore of an older backup does not bring a deleted follow-up back', async () => {
    const { store } = await seeded();
    const backup = (await collectRecords(store)).records;
    expect(backup.filter((r) => r.table === 'followUps')).toHaveLength(3);

    const other = await openRecordStore(await newKey(), { dbName: uniqueDbName() });
    await applyRestore(other, await planRestore(other, backup, 'replace'));
    expect((await listCaseFollowUps(other, 'case-a')).records.find((f) => f.id === 'f-a1')?.title).toBe(marker);

    await deleteFollowUp(store, 'f-b1');
    await applyRestore(store, await planRestore(store, backup, 'merge'));
    expect((await readAgendaItems(store)).items.map((f) => f.id)).toEqual(['f-a1', 'f-a2']);
  });

  it('puts follow-up titles in the case search, by case', async () => {
    const { store } = await seeded();
    const tokens = await collectCaseTokens(store);
    const ofCase = (caseId: string) => tokensOfCase(tokens, tokens.caseIds.indexOf(caseId));
    expect(ofCase('case-a')).toEqual(expect.arrayContaining(tokenize(marker)));
    expect(ofCase('case-b')).not.toEqual(expect.arrayContaining(tokenize(marker)));
  });
});
