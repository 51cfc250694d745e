// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isFollowUp, type FollowUp } from '@shared/followups';
import { closeRecordStore, openRecordStore, readCaseRecords, type WaypointStore } from '@renderer/db';
import { followUp } from '../followups/fixtures';
import { newKey, openRaw, uniqueDbName } from './helpers';

afterEach(() => closeRecordStore());

const save = (store: WaypointStore, data: FollowUp) => store.save('followUps', { id: data.id, kind: 'followUp', index: { caseId: data.caseId }, data });

/** Two cases' follow-ups, with in case-a one row that no longer decrypts and one that decrypts but is not a follow-up. */
async function seeded(): Promise<WaypointStore> {
  const dbName = uniqueDbName();
  const store = await openRecordStore(await newKey(), { dbName });
  await save(store, followUp({ id: 'f-a1', caseId: 'case-a' }));
  await save(store, followUp({ id: 'f-a2', caseId: 'case-a' }));
  await save(store, followUp({ id: 'f-b1', caseId: 'case-b' }));
  await save(store, { ...followUp({ id: 'f-a3', caseId: 'case-a' }), kind: 'unknown kind' } as unknown as FollowUp);
  const raw = await openRaw(dbName);
  const [a2, b1] = await raw.table('followUps').bulkGet(['f-a2', 'f-b1']);
  await raw.table('followUps').put({ ...a2, ciphertext: b1.ciphertext, iv: b1.iv }); // another record's ciphertext
  raw.close();
  return store;
}

describe('readCaseRecords', () => {
  it("reads one case's records and names apart those that do not decrypt or fail the check", async () => {
    const store = await seeded();
    const read = await readCaseRecords(store, 'followUps', isFollowUp, 'case-a');
    expect(read.records.map((record) => record.id)).toEqual(['f-a1']);
    expect(read.unreadable.sort()).toEqual(['f-a2', 'f-a3']);
    expect(await readCaseRecords(store, 'followUps', isFollowUp, 'case-none')).toEqual({ records: [], unreadable: [] });
  });
});
