// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRecordStore, deleteDatabase, openRecordStore, recordFormatVersion, RecordStoreError, type RecordKeys, type RecordSchema, type RecordStore } from '@renderer/db';
import { newKey, openRaw, serialiseRow, uniqueDbName } from './helpers';

interface CaseData {
  clientName: string;
  story: string;
  flags: string[];
}
interface NoteData {
  text: string;
}
type TestRecords = { cases: CaseData; notes: NoteData };

const schema: RecordSchema = {
  versions: [{ version: 2, tables: { cases: { tags: ['status'], byDay: true }, notes: { tags: ['caseId'] }, tombstones: { tags: [] } } }],
};

const day = 86_400_000;

async function openTestStore(dbName = uniqueDbName(), key?: RecordKeys): Promise<{ store: RecordStore<TestRecords>; dbName: string; key: RecordKeys }> {
  const usedKey = key ?? (await newKey());
  return { store: await openRecordStore<TestRecords>(usedKey, { dbName, schema }), dbName, key: usedKey };
}

function caseInput(id: string, status: string, clientName = 'Amina K.') {
  return { id, kind: 'case', index: { status }, data: { clientName, story: 'Met at the shelter.', flags: ['urgent'] } };
}

afterEach(() => closeRecordStore());

describe('record store', () => {
  it('round-trips typed records through save, get and list', async () => {
    const { store } = await openTestStore();
    const saved = await store.save('cases', caseInput('c1', 'open'));
    await store.save('notes', { id: 'n1', kind: 'note', index: { caseId: 'c1' }, data: { text: 'Called back — ☎ ok' } });

    const got = await store.get('cases', 'c1');
    expect(got).toEqual(saved);
    expect(got).toMatchObject({ id: 'c1', kind: 'case', index: { status: 'open' }, data: caseInput('c1', 'open').data });
    expect(typeof saved.updatedAt).toBe('number');
    expect(await store.list('notes')).toEqual([{ id: 'n1', kind: 'note', updatedAt: expect.any(Number), index: { caseId: 'c1' }, data: { text: 'Called back — ☎ ok' } }]);
    expect(await store.get('cases', 'missing')).toBeUndefined();
  });

  it('writes a fresh IV and ciphertext on every save of the same record', async () => {
    const { store, dbName } = await openTestStore();
    const input = { ...caseInput('c1', 'open'), updatedAt: 42 };
    await store.save('cases', input);
    const raw = await openRaw(dbName);
    const first = await raw.table('cases').get('c1');
    await store.save('cases', input);
    const second = await raw.table('cases').get('c1');
    raw.close();

    expect(first.v).toBe(recordFormatVersion);
    expect(first.iv).toHaveLength(12);
    expect(serialiseRow(first.iv)).not.toEqual(serialiseRow(second.iv));
    expect(serialiseRow(first.ciphertext)).not.toEqual(serialiseRow(second.ciphertext));
  });

  it('stores no plaintext of the record: only id, the day, keyed tags of the lookup fields, iv, ciphertext and v', async () => {
    const { store, dbName } = await openTestStore();
    const marker = `MARKER-${crypto.randomUUID()}`;
    const updatedAt = Date.UTC(2026, 2, 14, 9, 26, 53);
    await store.save('cases', { ...caseInput('c1', 'open', marker), updatedAt, data: { clientName: marker, story: marker, flags: [marker] } });
    await store.save('cases', { ...caseInput('c2', 'open'), updatedAt });
    await store.save('notes', { id: 'n1', kind: 'note', index: { caseId: 'open' }, data: { text: marker } });
    const raw = await openRaw(dbName);
    const [row, other] = await raw.table('cases').bulkGet(['c1', 'c2']);
    const note = await raw.table('notes').get('n1');
    raw.close();

    expect(Object.keys(row).sort()).toEqual(['ciphertext', 'day', 'id', 'iv', 'status', 'v']);
    expect(Object.keys(note).sort()).toEqual(['caseId', 'ciphertext', 'id', 'iv', 'v']);
    expect(row.day).toBe(Math.floor(updatedAt / day));
    // The status is a tag: equal for equal statuses, unlike the same value in another field or table.
    expect(row.status).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.status).toBe(other.status);
    expect(note.caseId).not.toBe(row.status);
    for (const text of ['open', 'case', String(updatedAt)]) expect(serialiseRow(row)).not.toContain(text);
    expect(serialiseRow(row)).not.toContain(marker);
    expect(serialiseRow(row)).not.toContain('MARKER');
    expect(new TextDecoder('latin1').decode(row.ciphertext)).not.toContain('MARKER');
  });

  it('refuses index fields that are not tag fields of the table, and values that are not strings or numbers', async () => {
    const { store } = await openTestStore();
    await expect(store.save('cases', { ...caseInput('c1', 'open'), index: { clientName: 'Amina' } })).rejects.toThrow(RecordStoreError);
    await expect(store.save('cases', { ...caseInput('c1', 'open'), index: { status: Number.NaN } })).rejects.toThrow(RecordStoreError);
    // A filter on anything but a tag is applied after decryption (no record has that index field).
    expect(await store.list('cases', { clientName: 'Amina' })).toEqual([]);
    await expect(store.get('unknown' as 'cases', 'x')).rejects.toThrow(/Unknown record table/);
  });

  it('filters list on index fields and kind', async () => {
    const { store } = await openTestStore();
    await store.saveMany('cases', [caseInput('c1', 'open'), caseInput('c2', 'closed'), caseInput('c3', 'open')]);
    await store.save('cases', { ...caseInput('c4', 'open'), kind: 'referral' });

    const ids = async (filter: Record<string, string | number>) => (await store.list('cases', filter)).map((record) => record.id).sort();
    expect(await ids({ status: 'open' })).toEqual(['c1', 'c3', 'c4']);
    // kind is inside the ciphertext: compared after decryption.
    expect(await ids({ status: 'open', kind: 'case' })).toEqual(['c1', 'c3']);
    expect(await ids({ kind: 'referral' })).toEqual(['c4']);
    expect(await ids({ status: 'archived' })).toEqual([]);
    expect(await ids({})).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('reads the records of the newest days first, newest first, with every record of the last day read', async () => {
    const { store } = await openTestStore();
    await store.saveMany('cases', [
      { ...caseInput('old', 'open'), updatedAt: day },
      { ...caseInput('tie-a', 'open'), updatedAt: 2 * day + 1 },
      { ...caseInput('tie-b', 'closed'), updatedAt: 2 * day + 5 },
      { ...caseInput('tie-c', 'open'), updatedAt: 2 * day + 3 },
      { ...caseInput('new', 'open'), updatedAt: 3 * day },
    ]);
    const ids = async (limit: number) => (await store.listNewest('cases', limit)).map((record) => record.id);

    expect(await ids(1)).toEqual(['new']);
    // The second is on a day with two more: all three come, ordered by their exact (decrypted) time.
    expect(await ids(2)).toEqual(['new', 'tie-b', 'tie-c', 'tie-a']);
    expect((await ids(4)).slice(0, 1)).toEqual(['new']);
    expect(await ids(4)).toHaveLength(4);
    expect(await ids(10)).toHaveLength(5);
    expect(await ids(0)).toEqual([]);
    expect((await store.listNewest('cases', 1))[0]).toMatchObject({ id: 'new', data: caseInput('new', 'open').data });
  });

  it('reads a whole table in batches, in id order, the next batch while the last is used', async () => {
    const { store } = await openTestStore();
    const ids = Array.from({ length: 23 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    await store.saveMany(
      'cases',
      [...ids].reverse().map((id) => caseInput(id, 'open')),
    );

    const sizes: number[] = [];
    const read: string[] = [];
    for await (const batch of store.listInBatches('cases', 5)) {
      sizes.push(batch.length);
      read.push(...batch.map((record) => record.id));
    }
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    expect(read).toEqual(ids);

    const first: string[] = [];
    for await (const batch of store.listInBatches('cases', 10)) {
      first.push(...batch.map((record) => record.id));
      break; // leaves the read of the next batch unawaited, which must not surface as an error
    }
    expect(first).toEqual(ids.slice(0, 10));
    await expect(store.listInBatches('cases', 0).next()).rejects.toThrow(RecordStoreError);
  });

  it('stops reading in batches once the store is closed', async () => {
    const { store } = await openTestStore();
    await store.saveMany(
      'cases',
      ['c1', 'c2', 'c3'].map((id) => caseInput(id, 'open')),
    );
    const batches = store.listInBatches('cases', 1);
    expect((await batches.next()).value).toHaveLength(1);
    store.close();
    await expect(batches.next()).rejects.toThrow(/closed/);
  });

  it('counts rows by tag fields without decrypting them, readable or not', async () => {
    const { store, dbName } = await openTestStore();
    await store.saveMany('cases', [caseInput('c1', 'open'), caseInput('c2', 'closed'), caseInput('c3', 'open')]);
    const raw = await openRaw(dbName);
    const c3 = await raw.table('cases').get('c3');
    await raw.table('cases').put({ ...c3, ciphertext: new ArrayBuffer(40) });
    raw.close();

    expect(await store.count('cases')).toBe(3);
    expect(await store.count('cases', { status: 'open' })).toBe(2);
    expect(await store.count('notes')).toBe(0);
    await expect(store.count('cases', { status: 'open', kind: 'case' })).rejects.toThrow(RecordStoreError);
    await expect(store.count('cases', { clientName: 'Amina' })).rejects.toThrow(RecordStoreError);
  });

  it('hands a Web Worker what it needs to open the same store, and nothing once closed', async () => {
    const { store, dbName } = await openTestStore();
    await store.save('cases', caseInput('c1', 'open'));
    const handle = store.handle();
    expect(handle.dbName).toBe(dbName);
    expect(handle.keys.records.extractable).toBe(false);
    expect(handle.keys.index.extractable).toBe(false);

    const other = await openRecordStore<TestRecords>(handle.keys, { dbName: handle.dbName, schema });
    expect(await other.get('cases', 'c1')).toMatchObject({ id: 'c1', data: caseInput('c1', 'open').data });
    store.close();
    expect(() => store.handle()).toThrow(/closed/);
  });

  it('deletes one or many records, leaving an opaque tombstone for each that was there', async () => {
    const { store, dbName } = await openTestStore();
    await store.saveMany(
      'cases',
      ['c1', 'c2', 'c3', 'c4'].map((id) => caseInput(id, 'open')),
    );
    await store.save('notes', { id: 'n1', kind: 'note', index: { caseId: 'c4' }, data: { text: 'kept' } });

    await store.delete('cases', 'c1');
    expect(await store.get('cases', 'c1')).toBeUndefined();
    await store.deleteMany('cases', ['c2', 'c3', 'never-there']);
    expect((await store.list('cases')).map((record) => record.id)).toEqual(['c4']);
    // Deleting no ids (a case without checklists) is no write at all, and no error.
    await store.deleteMany('notes', []);
    await store.deleteIn({ cases: [], notes: [] });
    await store.deleteIn({ cases: ['c4'], notes: ['n1'] });
    expect(await store.list('cases')).toEqual([]);
    expect(await store.list('notes')).toEqual([]);

    const stones = await (store as unknown as RecordStore<{ tombstones: unknown }>).list('tombstones');
    expect(stones.map((stone) => !stone.error && stone.data).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      ['cases/c1', 'cases/c2', 'cases/c3', 'cases/c4', 'notes/n1'].map((key) => ({ table: key.split('/')[0], id: key.split('/')[1], deletedAt: expect.any(Number) })),
    );
    const raw = await openRaw(dbName);
    const rows = await raw.table('tombstones').toArray();
    raw.close();
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['ciphertext', 'id', 'iv', 'v']);
      for (const text of ['cases', 'c1', 'c2', 'n1']) expect(serialiseRow(row)).not.toContain(`"${text}"`);
    }
  });

  it('encrypts a whole batch before writing: a batch with an unencodable record writes nothing', async () => {
    const { store } = await openTestStore();
    const unencodable = { ...caseInput('c3', 'open'), data: { clientName: 'x', story: 'x', flags: [], size: 1n } as unknown as CaseData };
    await expect(store.saveMany('cases', [caseInput('c1', 'open'), caseInput('c2', 'open'), unencodable])).rejects.toThrow(TypeError);
    expect(await store.list('cases')).toEqual([]);
  });

  it('rejects every call after close, and deleteDatabase erases without a key', async () => {
    const { store, dbName, key } = await openTestStore();
    await store.save('cases', caseInput('c1', 'open'));
    closeRecordStore();
    await expect(store.list('cases')).rejects.toThrow(/closed/);

    await deleteDatabase(dbName);
    const reopened = await openRecordStore<TestRecords>(key, { dbName, schema });
    expect(await reopened.list('cases')).toEqual([]);
  });

  it('refuses keys that are not an AES-256-GCM records key, an HMAC-SHA-256 index key and an AES-256-GCM wrapping key', async () => {
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const aes = await crypto.subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const encryptOnly = await crypto.subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['encrypt']);
    const wrap = await crypto.subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
    for (const keys of [
      { records: hmac, index: hmac, attachments: wrap },
      { records: aes, index: aes, attachments: wrap },
      { records: encryptOnly, index: hmac, attachments: wrap },
      { records: aes, index: hmac, attachments: aes },
    ]) {
      await expect(openRecordStore(keys, { dbName: uniqueDbName(), schema })).rejects.toThrow(RecordStoreError);
    }
    expect(await openRecordStore({ records: aes, index: hmac, attachments: wrap }, { dbName: uniqueDbName(), schema })).toBeDefined();
  });
});

describe('records that fail to decrypt', () => {
  async function storeWithThreeCases() {
    const opened = await openTestStore();
    await opened.store.saveMany('cases', [caseInput('c1', 'open'), caseInput('c2', 'open'), caseInput('c3', 'closed')]);
    return { ...opened, raw: await openRaw(opened.dbName) };
  }

  async function listSummary(store: RecordStore<TestRecords>, table: 'cases' | 'notes' = 'cases') {
    return (await store.list(table)).map((record) => (record.error ? `${record.id}:${record.error}` : `${record.id}:ok`));
  }

  it('flags both rows when ciphertexts are swapped between them, and leaves the others readable', async () => {
    const { store, raw } = await storeWithThreeCases();
    const [c1, c2] = await raw.table('cases').bulkGet(['c1', 'c2']);
    await raw.table('cases').bulkPut([
      { ...c1, iv: c2.iv, ciphertext: c2.ciphertext },
      { ...c2, iv: c1.iv, ciphertext: c1.ciphertext },
    ]);
    raw.close();

    expect(await listSummary(store)).toEqual(['c1:undecryptable', 'c2:undecryptable', 'c3:ok']);
    expect(await store.get('cases', 'c1')).toEqual({ id: 'c1', error: 'undecryptable' });
  });

  it('flags a row moved to another table under the same id', async () => {
    const { store, raw } = await storeWithThreeCases();
    await store.save('notes', { id: 'n1', kind: 'note', data: { text: 'stays readable' } });
    const c1 = await raw.table('cases').get('c1');
    await raw.table('notes').put({ ...c1, id: 'c1' });
    raw.close();

    expect(await listSummary(store, 'notes')).toEqual(['c1:undecryptable', 'n1:ok']);
    expect(await listSummary(store)).toEqual(['c1:ok', 'c2:ok', 'c3:ok']);
  });

  it('flags a row whose ciphertext, IV, tag, day or format version was altered', async () => {
    const { store, raw } = await storeWithThreeCases();
    await store.saveMany('cases', [caseInput('c4', 'open'), caseInput('c6', 'open')]);
    const [c1, c2, c3, c4, c6] = await raw.table('cases').bulkGet(['c1', 'c2', 'c3', 'c4', 'c6']);
    const flipped = new Uint8Array(c1.ciphertext.slice(0));
    flipped[3] = (flipped[3] ?? 0) ^ 0x01;
    const otherIv = new Uint8Array(c2.iv);
    otherIv[0] = (otherIv[0] ?? 0) ^ 0x80;
    await raw.table('cases').bulkPut([
      { ...c1, ciphertext: flipped.buffer },
      { ...c2, iv: otherIv },
      { ...c3, status: c1.status },
      { ...c4, v: recordFormatVersion + 1 },
      { ...c6, day: c6.day - 1 },
    ]);
    await store.save('cases', caseInput('c5', 'closed'));
    raw.close();

    expect(await listSummary(store)).toEqual(['c1:undecryptable', 'c2:undecryptable', 'c3:undecryptable', 'c4:undecryptable', 'c5:ok', 'c6:undecryptable']);
    // A forged status cannot smuggle a record into a filtered list as readable data.
    expect((await store.list('cases', { status: 'open' })).filter((record) => !record.error).map((record) => record.id)).toEqual([]);
  });

  it('lists a large table completely and in id order, flagging only the bad row', async () => {
    const { store, dbName } = await openTestStore();
    const ids = Array.from({ length: 2000 }, (_, i) => `c${String(i).padStart(4, '0')}`);
    await store.saveMany(
      'cases',
      ids.map((id) => caseInput(id, 'open')),
    );
    const raw = await openRaw(dbName);
    await raw.table('cases').update('c1500', { day: 1 });
    raw.close();

    const listed = await store.list('cases');
    expect(listed.map((record) => record.id)).toEqual(ids);
    expect(listed.filter((record) => record.error).map((record) => record.id)).toEqual(['c1500']);
  });

  it('flags every record read with the wrong key', async () => {
    const { store, dbName } = await openTestStore();
    await store.saveMany('cases', [caseInput('c1', 'open'), caseInput('c2', 'closed')]);
    store.close();

    const { store: wrong } = await openTestStore(dbName, await newKey());
    expect(await listSummary(wrong)).toEqual(['c1:undecryptable', 'c2:undecryptable']);
  });
});
