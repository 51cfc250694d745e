// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closeRecordStore,
  importLegacyKey,
  importRecordKeys,
  needsLegacyKey,
  openRecordStore,
  RecordMigrationError,
  waypointSchema,
  type RecordKeys,
  type RecordSchema,
  type RecordStore,
  type WaypointRecords,
} from '@renderer/db';
import { v1Stores } from '@renderer/db/schema';
import { loadNote, loadNumberReports, loadUserDirectory } from '@renderer/features/directory/data';
import { rendererKeys } from '../../../src/main/services/vault/subkeys';
import { newKey, openRaw, serialiseRow, uniqueDbName } from './helpers';

/** Written by the version 1 store (tests/support/make-records-v1-fixture.ts). */
interface V1Fixture {
  dataKeyHex: string;
  rows: Record<string, Record<string, unknown>[]>;
  expected: { table: string; id: string; kind: string; updatedAt: number; index: Record<string, string | number>; data: unknown }[];
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/records-v1/waypoint-v1.json'), 'utf8')) as V1Fixture;

/** Replays the fixture's rows, byte for byte, into a database at Dexie version 1 as the v1 store declared it. */
async function v1Database(): Promise<string> {
  const dbName = uniqueDbName();
  const db = new Dexie(dbName);
  db.version(1).stores(v1Stores);
  await db.open();
  const revive = (value: unknown) => {
    const bytes = value as { uint8Array?: string; arrayBuffer?: string };
    if (typeof bytes?.uint8Array === 'string') return new Uint8Array(Buffer.from(bytes.uint8Array, 'base64'));
    if (typeof bytes?.arrayBuffer === 'string') return new Uint8Array(Buffer.from(bytes.arrayBuffer, 'base64')).buffer;
    return value;
  };
  for (const [table, rows] of Object.entries(fixture.rows)) {
    await db.table(table).bulkPut(rows.map((row) => Object.fromEntries(Object.entries(row).map(([field, value]) => [field, revive(value)]))));
  }
  db.close();
  return dbName;
}

/** The keys the renderer gets at unlock of the fixture's vault, derived as main derives them. */
async function unlockKeys(): Promise<{ keys: RecordKeys; legacyKey: CryptoKey }> {
  const { legacy, ...keys } = rendererKeys(Buffer.from(fixture.dataKeyHex, 'hex'), true);
  return { keys: await importRecordKeys(keys), legacyKey: await importLegacyKey(legacy!) };
}

type AnyStore = RecordStore<WaypointRecords>;

/** Every readable record of every table, by table, as `kind data` (ids of directory marks are new). */
async function contents(store: AnyStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of Object.keys(waypointSchema.versions.at(-1)!.tables)) {
    const records = await store.list(table as keyof WaypointRecords);
    expect(records.filter((record) => record.error !== undefined)).toEqual([]);
    out[table] = records.flatMap((record) => (record.error === undefined ? [`${record.kind} ${JSON.stringify(record.data)}`] : [])).sort();
  }
  return out;
}

/** What the fixture's records become: own entries and organizations in their own table, reports keeping their id in the data. */
function expectedContents(): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(Object.keys(waypointSchema.versions.at(-1)!.tables).map((table) => [table, []]));
  for (const record of fixture.expected) {
    const table = record.kind === 'ownEntry' || record.kind === 'ownOrganization' ? 'ownDirectory' : record.table;
    const data = record.kind === 'numberReport' ? { ...(record.data as object), id: record.id.split(':').at(-1) } : record.data;
    out[table]!.push(`${record.kind} ${JSON.stringify(data)}`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

afterEach(() => {
  closeRecordStore();
  vi.restoreAllMocks();
});

describe('migration from the version 1 record format', () => {
  it('migrates a database written by the v1 store once: every record readable, nothing of v1 left in the clear', async () => {
    const dbName = await v1Database();
    expect(await needsLegacyKey(dbName)).toBe(true);
    const { keys, legacyKey } = await unlockKeys();
    // Without the legacy key the v1 rows cannot be read: opening says so and changes nothing.
    await expect(openRecordStore(keys, { dbName })).rejects.toThrow(RecordMigrationError);

    const store = await openRecordStore<WaypointRecords>(keys, { dbName, legacyKey });
    expect(await contents(store)).toEqual(expectedContents());
    // Cases keep their ids and exact times; a case's notes and checklists are found by tag.
    const [aCase] = fixture.expected.filter((record) => record.table === 'cases');
    expect(await store.get('cases', aCase!.id)).toMatchObject({ kind: 'case', updatedAt: aCase!.updatedAt, data: aCase!.data });
    const notesOfCase = fixture.expected.filter((record) => record.table === 'notes' && record.index['caseId'] === aCase!.id);
    expect((await store.list('notes', { caseId: aCase!.id })).map((record) => record.id).sort()).toEqual(notesOfCase.map((record) => record.id).sort());
    expect(await store.count('checklists', { caseId: aCase!.id })).toBe(1);

    // The directory reads the migrated records: own entry and organization, favourite, note and report.
    const shippedId = String(fixture.expected.find((record) => record.kind === 'favourite')!.index['orgId']);
    const user = await loadUserDirectory(store);
    expect(user.entries.map((own) => own.entry.name)).toEqual(['Own shelter']);
    expect(user.organizations.map((organization) => organization.name)).toEqual(['Own organization']);
    expect([...user.favourites]).toEqual([shippedId]);
    expect(await loadNote(store, shippedId)).toBe('Ask for Maria at the front desk');
    expect(await loadNumberReports(store)).toEqual([
      { id: '5b0e7c1a-0000-4000-8000-000000000003', entryId: shippedId, number: '+44 20 7946 0000', date: '2026-02-01', note: 'rang out' },
    ]);
    store.close();

    // On disk: only v2 rows, none with a v1 plaintext field or a value that names a template, status or directory id.
    const raw = await openRaw(dbName);
    // Statuses, template ids, directory ids and the v1 marks' ids (case ids are random and stay the rows' ids).
    const caseIds = new Set(fixture.expected.filter((record) => record.table === 'cases').map((record) => record.id));
    const secrets = new Set<string>();
    for (const record of fixture.expected) {
      for (const value of Object.values(record.index)) if (typeof value === 'string' && !caseIds.has(value)) secrets.add(value);
      if (record.table === 'orgNotes') secrets.add(record.id);
    }
    expect(secrets).toContain('safety-plan');
    for (const table of raw.tables.filter((each) => each.name !== '_meta')) {
      for (const row of await table.toArray()) {
        expect(row.v).toBe(2);
        expect(Object.keys(row).filter((field) => ['kind', 'updatedAt', 'status', 'createdAt', 'templateId'].includes(field))).toEqual([]);
        const text = serialiseRow(row);
        for (const secret of secrets) expect(text).not.toContain(`"${secret}"`);
      }
    }
    expect(await raw.table('_meta').get('recordsFormat')).toEqual({ key: 'recordsFormat', value: 2 });
    raw.close();

    // Once: the next open needs no legacy key and reads the same.
    expect(await needsLegacyKey(dbName)).toBe(false);
    const again = await openRecordStore<WaypointRecords>(keys, { dbName });
    expect(await contents(again)).toEqual(expectedContents());
  });

  it('resumes a migration stopped by a failed batch, without losing or doubling a record', async () => {
    const dbName = await v1Database();
    const { keys, legacyKey } = await unlockKeys();
    // The third write transaction of the migration fails, as if the app were closed there.
    const transaction = Dexie.prototype.transaction;
    let calls = 0;
    vi.spyOn(Dexie.prototype, 'transaction').mockImplementation(function (this: Dexie, ...args: unknown[]) {
      calls += 1;
      if (calls === 3) return Promise.reject(new Error('the app was closed')) as never;
      return (transaction as (...inner: unknown[]) => unknown).apply(this, args) as never;
    });
    await expect(openRecordStore(keys, { dbName, legacyKey, migrationBatchSize: 4 })).rejects.toThrow('the app was closed');
    vi.restoreAllMocks();

    const raw = await openRaw(dbName);
    const versions = (await Promise.all(raw.tables.filter((table) => table.name !== '_meta').map((table) => table.toArray()))).flat().map((row) => row.v);
    expect(versions.filter((v) => v === 2).length).toBe(8); // two batches of four went through
    expect(versions.filter((v) => v === 1).length).toBe(fixture.expected.length - 8);
    expect(await raw.table('_meta').get('recordsFormat')).toBeUndefined();
    raw.close();
    expect(await needsLegacyKey(dbName)).toBe(true);

    const store = await openRecordStore<WaypointRecords>(keys, { dbName, legacyKey, migrationBatchSize: 4 });
    expect(await contents(store)).toEqual(expectedContents());
  });

  it('leaves a version 1 row that cannot be decrypted in place, flagged, and migrates the rest', async () => {
    const dbName = await v1Database();
    const raw = await openRaw(dbName);
    const [first] = await raw.table('notes').toArray();
    await raw.table('notes').put({ ...first, status: 'tampered' });
    raw.close();
    const { keys, legacyKey } = await unlockKeys();
    const store = await openRecordStore<WaypointRecords>(keys, { dbName, legacyKey });
    const notes = await store.list('notes');
    expect(notes.filter((record) => record.error !== undefined).map((record) => record.id)).toEqual([first.id]);
    expect(notes.filter((record) => record.error === undefined)).toHaveLength(fixture.rows['notes']!.length - 1);
  });

  it('needs no legacy key for a new database, nor for one that never held a record', async () => {
    const dbName = uniqueDbName();
    expect(await needsLegacyKey(dbName)).toBe(false);
    expect(await Dexie.exists(dbName)).toBe(false);
    const store = await openRecordStore(await newKey(), { dbName });
    store.close();
    expect(await needsLegacyKey(dbName)).toBe(false);
  });
});

describe('schema versions', () => {
  it('deletes a table that a later version leaves out', async () => {
    const dbName = uniqueDbName();
    const key = await newKey();
    const first: RecordSchema = { versions: [{ version: 2, tables: { cases: { tags: [] }, notes: { tags: ['caseId'] }, tombstones: { tags: [] } } }] };
    const old = await openRecordStore<{ notes: { text: string } }>(key, { dbName, schema: first });
    await old.save('notes', { id: 'n1', kind: 'note', data: { text: 'gone' } });
    old.close();

    const withoutNotes: RecordSchema = {
      versions: [...first.versions, { version: 3, tables: { cases: { tags: [] }, checklists: { tags: ['caseId'] }, tombstones: { tags: [] } } }],
    };
    const current = await openRecordStore<{ notes: unknown }>(key, { dbName, schema: withoutNotes });
    await expect(current.list('notes')).rejects.toThrow(/Unknown record table/);
    current.close();
    const raw = await openRaw(dbName);
    expect(raw.tables.map((table) => table.name).sort()).toEqual(['_meta', 'cases', 'checklists', 'tombstones']);
    raw.close();
  });

  it('rejects versions that do not increase or start at 1, reserved tag field names, and a schema without tombstones', async () => {
    const key = await newKey();
    const open = (schema: RecordSchema) => openRecordStore(key, { dbName: uniqueDbName(), schema });
    const tombstones = { tombstones: { tags: [] } };
    await expect(open({ versions: [] })).rejects.toThrow(/at least one version/);
    await expect(
      open({
        versions: [
          { version: 2, tables: tombstones },
          { version: 2, tables: tombstones },
        ],
      }),
    ).rejects.toThrow(/increasing/);
    await expect(open({ versions: [{ version: 1, tables: tombstones }] })).rejects.toThrow(/above 1/);
    await expect(open({ versions: [{ version: 2, tables: { ...tombstones, cases: { tags: ['iv'] } } }] })).rejects.toThrow(/reserved/);
    await expect(open({ versions: [{ version: 2, tables: { ...tombstones, _meta: { tags: [] } } }] })).rejects.toThrow(/reserved/);
    await expect(open({ versions: [{ version: 2, tables: { cases: { tags: [] } } }] })).rejects.toThrow(/tombstones/);
  });
});
