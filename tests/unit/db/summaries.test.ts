// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '@shared/base64';
import { newCaseRecord } from '@shared/cases';
import { agendaItemOf, decodeAgendaItems, encodeAgendaItems, isFollowUp, matchesAgendaItem, type AgendaItem, type FollowUp } from '@shared/followups';
import { agendaSummary, closeRecordStore, deleteDatabase, openRecordStore, writeAllRecords, type RecordKeys, type WaypointStore } from '@renderer/db';
import { summaryFromData, summaryFormat } from '@renderer/db/summaries';
import { applyRestore, collectRecords, planRestore, toRecordInput } from '@renderer/db/transfer';
import { deleteCaseRecords } from '@renderer/features/cases/case-records';
import { saveFollowUp } from '@renderer/features/followups/data';
import { followUpsForBench } from '../../../bench/followups/generate';
import { followUp } from '../followups/fixtures';
import { newKey, openRaw, serialiseRow, uniqueDbName } from './helpers';

afterEach(() => closeRecordStore());

/** What the agenda summary must say: one item per readable follow-up, from the records themselves. */
async function fromRecords(store: WaypointStore): Promise<{ items: AgendaItem[]; unreadable: string[] }> {
  const results = await store.list('followUps');
  const items = results.flatMap((result) => (result.error === undefined && isFollowUp(result.data) ? [agendaItemOf(result.data)] : []));
  const unreadable = results.flatMap((result) => (result.error === undefined && isFollowUp(result.data) ? [] : [result.id]));
  return { items: items.sort((a, b) => (a.id < b.id ? -1 : 1)), unreadable: unreadable.sort() };
}

/** The summary as the agenda reads it, which must be the one the writes kept (not made again) and say what the records say. */
async function expectKept(store: WaypointStore, why: string): Promise<void> {
  const read = await store.readSummary(agendaSummary);
  expect(read.rebuilt, `${why}: the summary had to be made again`).toBe(false);
  expect({ items: read.entries, unreadable: read.unreadable }, why).toEqual(await fromRecords(store));
}

async function withCases(keys?: RecordKeys, dbName = uniqueDbName()): Promise<{ store: WaypointStore; dbName: string; keys: RecordKeys }> {
  const usedKeys = keys ?? (await newKey());
  const store = await openRecordStore(usedKeys, { dbName });
  const now = '2026-03-01T09:00:00.000Z';
  for (const id of ['case-a', 'case-b']) await store.save('cases', { id, kind: 'case', data: newCaseRecord({ id, code: `WP-2026-000${id.at(-1) === 'a' ? 1 : 2}`, now }) });
  return { store, dbName, keys: usedKeys };
}

const input = (f: FollowUp) => ({ id: f.id, kind: 'followUp', index: { caseId: f.caseId }, data: f });

describe('the agenda summary', () => {
  it('keeps in step with every way the store writes or deletes follow-ups, without being made again', async () => {
    const { store, dbName, keys } = await withCases();
    await expectKept(store, 'empty');
    await saveFollowUp(store, followUp({ id: 'f1', caseId: 'case-a', kind: 'appointment', due: { date: '2026-03-20', time: '10:00', zone: 'Europe/Madrid' } }));
    await expectKept(store, 'save');
    await store.saveMany('followUps', [input(followUp({ id: 'f2', caseId: 'case-a', repeat: 'weekly' })), input(followUp({ id: 'f3', caseId: 'case-b', status: 'done' }))]);
    await expectKept(store, 'saveMany');
    await saveFollowUp(store, followUp({ id: 'f2', caseId: 'case-a', repeat: 'weekly', occurrencesDone: 3, snoozedUntil: '2026-04-02' }));
    await expectKept(store, 'save over an existing one');
    await store.save('followUps', { id: 'odd', kind: 'followUp', index: { caseId: 'case-b' }, data: { not: 'a follow-up' } as unknown as FollowUp });
    await expectKept(store, 'a record that is not a follow-up (counted unreadable)');
    await store.delete('followUps', 'odd');
    await expectKept(store, 'delete');
    await store.saveMany('followUps', [input(followUp({ id: 'f4', caseId: 'case-b' })), input(followUp({ id: 'f5', caseId: 'case-b' }))]);
    await store.deleteMany('followUps', ['f4', 'nothing-there']);
    await expectKept(store, 'deleteMany');
    await store.deleteIn({ followUps: ['f5'], cases: [] });
    await expectKept(store, 'deleteIn');
    const backup = (await collectRecords(store)).records;
    await deleteCaseRecords(store, 'case-a');
    await expectKept(store, 'case deleted with its follow-ups');

    await applyRestore(store, await planRestore(store, backup, 'merge'));
    await expectKept(store, 'merge restore');
    await saveFollowUp(store, followUp({ id: 'f6', caseId: 'case-b' }));
    await applyRestore(store, await planRestore(store, backup, 'replace'));
    await expectKept(store, 'replace restore');
    expect((await store.readSummary(agendaSummary)).ids).toEqual(['f1', 'f2', 'f3']);
    await writeAllRecords(store, { followUps: [input(followUp({ id: 'f7', caseId: 'case-b' }))] }, { clearFirst: false, deletes: { followUps: ['f3'] } });
    await expectKept(store, 'writeAllRecords');

    // Changing keys re-encrypts the summary like every row: the next store reads it under the new keys as it was.
    store.close();
    const next = await newKey();
    const rekeyed = await openRecordStore(keys, { dbName, nextKeys: next });
    await expectKept(rekeyed, 'keys changed');
    rekeyed.close();
    const underOld = await openRecordStore(keys, { dbName });
    expect(await underOld.list('summaries')).toEqual([{ id: 'agenda', error: 'undecryptable' }]);
    underOld.close();

    // Erased: nothing of it left, and a new vault starts with an empty one.
    await deleteDatabase(dbName);
    const fresh = await openRecordStore(await newKey(), { dbName });
    expect(await fresh.readSummary(agendaSummary)).toEqual({ ids: [], entries: [], unreadable: [], rebuilt: false });
  });

  it('covers every writing method of the store in the test above (a new one must be added there)', async () => {
    const { store } = await withCases();
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter((name) => name !== 'constructor');
    const reading = ['get', 'getMany', 'list', 'listNewest', 'listInBatches', 'count', 'readSummary', 'prefetchSummaries', 'handle', 'close', 'raw', 'dbName', 'encrypt'];
    const writingCovered = ['save', 'saveMany', 'delete', 'deleteMany', 'deleteIn', 'writeAll'];
    expect(methods.sort()).toEqual([...reading, ...writingCovered].sort());
  });

  it('makes a missing, unreadable, stale or mismatched summary again from the follow-ups', async () => {
    const { store, dbName } = await withCases();
    await store.saveMany('followUps', [input(followUp({ id: 'f1', caseId: 'case-a' })), input(followUp({ id: 'f2', caseId: 'case-b', kind: 'other' }))]);
    const raw = await openRaw(dbName);
    const rebuiltAfter = async (why: string) => {
      const read = await store.readSummary(agendaSummary);
      expect(read.rebuilt, why).toBe(true);
      expect({ items: read.entries, unreadable: read.unreadable }, why).toEqual(await fromRecords(store));
      await expectKept(store, `${why}, then read again`);
    };

    await raw.table('summaries').delete('agenda');
    await rebuiltAfter('missing');

    const row = await raw.table('summaries').get('agenda');
    const bytes = new Uint8Array(row.ciphertext as ArrayBuffer).slice();
    bytes[5]! ^= 1;
    await raw.table('summaries').put({ ...row, ciphertext: bytes.buffer });
    await rebuiltAfter('unreadable');

    // A write that finds the summary unreadable does not build on it: it leaves a stale one.
    await raw.table('summaries').put({ ...row, ciphertext: bytes.buffer });
    await saveFollowUp(store, followUp({ id: 'f3', caseId: 'case-a' }));
    await rebuiltAfter('stale');

    // Rolled back to an older copy of itself (a record added since is missing from it).
    const older = await raw.table('summaries').get('agenda');
    await saveFollowUp(store, followUp({ id: 'f4', caseId: 'case-b' }));
    await raw.table('summaries').put(older);
    await rebuiltAfter('an older copy');

    // A follow-up gone from under it (written around the store).
    await raw.table('followUps').delete('f1');
    await rebuiltAfter('a follow-up deleted around the store');

    // One gone and another come around the store: the size matches, the ids do not (the agenda checks them
    // once its first screen is drawn).
    const f4 = await raw.table('followUps').get('f4');
    await raw.table('followUps').delete('f4');
    await raw.table('followUps').put({ ...f4, id: 'f9' });
    expect((await store.readSummary(agendaSummary)).rebuilt).toBe(false);
    const byIds = await store.readSummary(agendaSummary, { checkIds: true });
    expect(byIds.rebuilt).toBe(true);
    expect(byIds.unreadable).toEqual(['f9']); // its ciphertext is bound to the id f4
    expect((await store.readSummary(agendaSummary, { checkIds: true })).rebuilt).toBe(false);

    // A follow-up changed around the store keeps its id: the agenda finds it when it draws the row (its record
    // does not say what the summary says, or does not open) and asks for the summary to be made again.
    const f2 = await raw.table('followUps').get('f2');
    await raw.table('followUps').put({ ...f2, iv: new Uint8Array(12) });
    const [tampered, missing, readable] = await store.getMany('followUps', ['f2', 'nope', 'f3']);
    expect([tampered, missing, readable?.error === undefined && readable?.data.id]).toEqual([{ id: 'f2', error: 'undecryptable' }, undefined, 'f3']);
    const asked = await store.readSummary(agendaSummary, { rebuild: true });
    expect(asked.rebuilt).toBe(true);
    expect(asked.unreadable).toEqual(['f2', 'f9']);
    await expectKept(store, 'made again when asked');
    raw.close();
  });

  it('is read unchecked for a first screen (still made again when missing or unreadable), and prefetched until a write', async () => {
    const { store, dbName } = await withCases();
    await store.saveMany('followUps', [input(followUp({ id: 'f1', caseId: 'case-a' })), input(followUp({ id: 'f2', caseId: 'case-b' }))]);
    const raw = await openRaw(dbName);
    // Not compared with the table: a follow-up deleted around the store is still in it, until a checked read.
    await raw.table('followUps').delete('f1');
    const unchecked = await store.readSummary(agendaSummary, { unchecked: true });
    expect([unchecked.rebuilt, unchecked.ids]).toEqual([false, ['f1', 'f2']]);
    expect((await store.readSummary(agendaSummary)).ids).toEqual(['f2']);
    // Missing or unreadable: made again all the same.
    await raw.table('summaries').delete('agenda');
    expect(await store.readSummary(agendaSummary, { unchecked: true })).toMatchObject({ rebuilt: true, ids: ['f2'] });

    // Prefetched: the first unchecked read takes the read started before it, the next one reads anew.
    store.prefetchSummaries();
    await raw.table('followUps').delete('f2');
    await raw.table('summaries').delete('agenda');
    expect((await store.readSummary(agendaSummary, { unchecked: true })).ids).toEqual(['f2']);
    expect((await store.readSummary(agendaSummary, { unchecked: true })).ids).toEqual([]);
    // A write through the store drops a prefetched read: what it says may be what the write changed.
    store.prefetchSummaries();
    await saveFollowUp(store, followUp({ id: 'f3', caseId: 'case-a' }));
    expect((await store.readSummary(agendaSummary, { unchecked: true })).ids).toEqual(['f3']);
    raw.close();
  });

  it('loses no change when writes and a rebuild run at once', async () => {
    const { store, dbName } = await withCases();
    await saveFollowUp(store, followUp({ id: 'gone', caseId: 'case-a' }));
    const raw = await openRaw(dbName);
    await raw.table('summaries').delete('agenda');
    raw.close();
    await Promise.all([
      store.readSummary(agendaSummary),
      ...Array.from({ length: 12 }, (_, n) => saveFollowUp(store, followUp({ id: `f${n}`, caseId: n % 2 ? 'case-a' : 'case-b' }))),
      store.readSummary(agendaSummary),
      store.delete('followUps', 'gone'),
    ]);
    const read = await store.readSummary(agendaSummary);
    expect({ items: read.entries, unreadable: read.unreadable }).toEqual(await fromRecords(store));
    expect(read.ids).toEqual(Array.from({ length: 12 }, (_, n) => `f${n}`).sort());
  });

  it('keeps nothing in the clear, and travels in no backup: a restore makes it from the records', async () => {
    const { store, dbName } = await withCases();
    await saveFollowUp(store, followUp({ id: 'f1', caseId: 'case-a', kind: 'appointment', due: { date: '2026-03-20', time: '10:00', zone: 'Europe/Madrid' } }));
    const raw = await openRaw(dbName);
    const rows = await raw.table('summaries').toArray();
    raw.close();
    expect(rows.map((row) => Object.keys(row as object).sort())).toEqual([['ciphertext', 'id', 'iv', 'v']]);
    for (const secret of ['case-a', 'appointment', 'Europe/Madrid', '2026-03-20', '10:00', 'open', 'f1']) expect(serialiseRow(rows[0])).not.toContain(secret);

    const backup = await collectRecords(store);
    expect(backup.records.some((record) => record.table === 'summaries')).toBe(false);
    expect(() => toRecordInput({ table: 'summaries', id: 'agenda', updatedAt: 0, data: { kind: 'summary', index: {}, data: {} } })).toThrow(/no table "summaries"/);
    await expect(store.save('summaries', { id: 'agenda', kind: 'summary', data: { format: summaryFormat, table: 'followUps', stale: true } })).rejects.toThrow(/kept by the store/);
    await expect(store.delete('summaries', 'agenda')).rejects.toThrow(/kept by the store/);

    const other = await openRecordStore(await newKey(), { dbName: uniqueDbName() });
    await applyRestore(other, await planRestore(other, backup.records, 'replace'));
    await expectKept(other, 'restored on another install');
    expect((await other.readSummary(agendaSummary)).ids).toEqual(['f1']);
  });
});

describe('the agenda summary’s columns', () => {
  const items = followUpsForBench(3_000).map((f, n) => ({
    ...agendaItemOf(f),
    id: `f${String(n).padStart(5, '0')}`,
    snoozedUntil: n % 7 === 0 ? '2026-05-01' : null,
    statusChangedAt: n % 5 === 0 ? '2026-02-01T10:00:00.000Z' : null,
    repeat: n % 3 === 0 ? ('monthly' as const) : null,
  }));
  const ids = items.map((item) => item.id);

  it('give back exactly the items encoded, through JSON', () => {
    expect(decodeAgendaItems(JSON.parse(JSON.stringify(encodeAgendaItems(items))), ids)).toEqual(items);
  });

  it('keep whole, and give back exactly, an item whose values the columns would not give back as they were', () => {
    // `isFollowUp` (what the summary reads a record with) does not check the forms of dates, times and instants.
    const odd: AgendaItem[] = [
      { ...items[0]!, due: { date: '2026-2-1', time: null, zone: null } },
      { ...items[1]!, statusChangedAt: '2026-02-01T10:00:00Z' },
      { ...items[2]!, due: { date: '2026-02-01', time: '7:00', zone: 'Europe/Madrid' } },
      { ...items[3]!, due: { date: '2026-02-01', time: '07:00', zone: null } },
      { ...items[4]!, snoozedUntil: 'tomorrow' },
      { ...items[5]!, occurrencesDone: 1.5 },
      { ...items[6]!, due: { date: '0099-12-31', time: null, zone: null } },
    ];
    const mixed = [...odd, ...items.slice(odd.length)];
    const encoded = encodeAgendaItems(mixed);
    expect(encoded.odd.map(([at]) => at)).toEqual(odd.map((_, at) => at));
    expect(decodeAgendaItems(JSON.parse(JSON.stringify(encoded)), ids)).toEqual(mixed);
  });

  it('are refused whole when a column is short, an index points nowhere or a value has the wrong type', () => {
    const good = encodeAgendaItems(items);
    const n = items.length;
    /** The packed columns with one byte changed (byte offsets as summary.ts lays them out). */
    const withByte = (offset: number, value: number) => {
      const bytes = fromBase64(good.packed);
      bytes[offset] = value;
      return { ...good, packed: toBase64(bytes) };
    };
    expect(decodeAgendaItems(good, ids)).toEqual(items);
    expect(decodeAgendaItems({ ...good, packed: toBase64(fromBase64(good.packed).subarray(1)) }, ids)).toBeNull();
    expect(decodeAgendaItems({ ...good, packed: 'not base64!' }, ids)).toBeNull();
    expect(decodeAgendaItems(good, ids.slice(1))).toBeNull();
    expect(decodeAgendaItems(withByte(30 * n + 9, 99), ids)).toBeNull(); // kind
    expect(decodeAgendaItems(withByte(31 * n + 9, 99), ids)).toBeNull(); // status
    expect(decodeAgendaItems(withByte(32 * n + 9, 99), ids)).toBeNull(); // repeat
    expect(decodeAgendaItems(withByte(8 * n + 9 * 4 + 3, 0x7f), ids)).toBeNull(); // case index
    expect(decodeAgendaItems({ ...good, cases: good.cases.slice(1) }, ids)).toBeNull();
    expect(decodeAgendaItems({ ...good, cases: [...good.cases.slice(1), 7] }, ids)).toBeNull();
    expect(decodeAgendaItems({ ...good, odd: [[n, { ...items[0] }]] }, ids)).toBeNull();
    expect(decodeAgendaItems({ ...good, odd: [[0, { ...items[0], kind: 'party' }]] }, ids)).toBeNull();
    expect(decodeAgendaItems(null, ids)).toBeNull();
    // A record of another format (such as format 1's JSON columns) or table, or a stale one, is never read as a summary.
    const data = { format: summaryFormat, table: 'followUps', stale: false, ids, unreadable: [], body: good };
    expect(summaryFromData(agendaSummary, data)?.entries).toEqual(items);
    expect(summaryFromData(agendaSummary, { ...data, format: summaryFormat + 1 })).toBeNull();
    expect(summaryFromData(agendaSummary, { ...data, format: 1 })).toBeNull();
    expect(summaryFromData(agendaSummary, { ...data, table: 'notes' })).toBeNull();
    expect(summaryFromData(agendaSummary, { format: summaryFormat, table: 'followUps', stale: true })).toBeNull();
  });

  it('tell a row whose record says something else (the agenda then has the summary made again)', () => {
    const record = followUp({ id: 'f1', repeat: 'weekly', occurrencesDone: 2, due: { date: '2026-03-20', time: '10:00', zone: 'Europe/Madrid' } });
    const item = agendaItemOf(record);
    expect(matchesAgendaItem({ ...record, title: 'Another title', updatedAt: '2026-04-01T00:00:00.000Z' }, item)).toBe(true);
    for (const changed of [
      { status: 'done' as const },
      { occurrencesDone: 3 },
      { snoozedUntil: '2026-03-25' },
      { due: { ...record.due, zone: 'Europe/Paris' } },
      { kind: 'other' as const },
      { caseId: 'c2' },
      { statusChangedAt: '2026-03-02T00:00:00.000Z' },
    ]) {
      expect(matchesAgendaItem({ ...record, ...changed }, item), JSON.stringify(changed)).toBe(false);
    }
  });
});
