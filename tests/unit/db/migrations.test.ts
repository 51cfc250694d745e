// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRecordStore, openRecordStore, waypointSchema, type IndexFields, type IndexValue, type RecordSchema } from '@renderer/db';
import { newKey, openRaw, uniqueDbName } from './helpers';

interface CaseData {
  clientName: string;
  openedOn: string;
}

/** How an app update grows the schema: v2 adds an index field filled from the encrypted data, v3 adds a table. */
const grownSchema: RecordSchema = {
  versions: [
    { version: 1, tables: { cases: ['status'], notes: ['caseId'] } },
    {
      version: 2,
      tables: { cases: ['status', 'openedOn'], notes: ['caseId'] },
      backfill: { cases: (record) => ({ openedOn: (record.data as CaseData).openedOn }) },
    },
    { version: 3, tables: { cases: ['status', 'openedOn'], notes: ['caseId'], checklists: ['caseId'] } },
  ],
};

function schemaUpTo(schema: RecordSchema, version: number): RecordSchema {
  return { versions: schema.versions.filter((entry) => entry.version <= version) };
}

afterEach(() => closeRecordStore());

describe('schema migrations', () => {
  const earlierVersions = grownSchema.versions.slice(0, -1).map((entry) => entry.version);

  it.each(earlierVersions)('upgrades a database created at version %i and re-reads every record', async (startVersion) => {
    const dbName = uniqueDbName();
    const key = await newKey();
    const old = await openRecordStore(key, { dbName, schema: schemaUpTo(grownSchema, startVersion) });
    const openedOn = ['2026-01-05', '2026-02-11', '2026-01-05'];
    const saved = await old.saveMany(
      'cases',
      openedOn.map((day, i) => {
        const index: IndexFields = startVersion >= 2 ? { status: 'open', openedOn: day } : { status: 'open' };
        return { id: `c${i}`, kind: 'case', index, data: { clientName: `Client ${i}`, openedOn: day } };
      }),
    );
    await old.save('notes', { id: 'n1', kind: 'note', index: { caseId: 'c0' }, data: { text: 'note' } });
    old.close();

    const current = await openRecordStore(key, { dbName, schema: grownSchema });
    expect((await current.list('cases')).map((record) => record.error === undefined && record.data)).toEqual(saved.map((record) => record.data));
    expect((await current.list('cases', { openedOn: '2026-01-05' })).map((record) => record.id)).toEqual(['c0', 'c2']);
    expect(await current.get('notes', 'n1')).toMatchObject({ data: { text: 'note' }, index: { caseId: 'c0' } });
    await current.save('checklists', { id: 'k1', kind: 'checklist', index: { caseId: 'c0' }, data: { done: [] } });
    expect(await current.list('checklists', { caseId: 'c0' })).toHaveLength(1);
    current.close();

    const raw = await openRaw(dbName);
    expect(raw.verno).toBe(3);
    raw.close();
  });

  it('keeps updatedAt through a backfill and leaves an unreadable record flagged rather than failing the upgrade', async () => {
    const dbName = uniqueDbName();
    const key = await newKey();
    const old = await openRecordStore(key, { dbName, schema: schemaUpTo(grownSchema, 1) });
    await old.save('cases', { id: 'c1', kind: 'case', index: { status: 'open' }, data: { clientName: 'A', openedOn: '2026-03-01' }, updatedAt: 1234 });
    await old.save('cases', { id: 'c2', kind: 'case', index: { status: 'open' }, data: { clientName: 'B', openedOn: '2026-03-02' } });
    old.close();
    const raw = await openRaw(dbName);
    await raw.table('cases').update('c2', { status: 'closed' });
    raw.close();

    const current = await openRecordStore(key, { dbName, schema: grownSchema });
    expect(await current.list('cases')).toEqual([
      { id: 'c1', kind: 'case', updatedAt: 1234, index: { status: 'open', openedOn: '2026-03-01' }, data: { clientName: 'A', openedOn: '2026-03-01' } },
      { id: 'c2', error: 'undecryptable' },
    ]);
  });

  it('runs a backfill once: records saved after the upgrade keep the index values they were given', async () => {
    const dbName = uniqueDbName();
    const key = await newKey();
    (await openRecordStore(key, { dbName, schema: schemaUpTo(grownSchema, 1) })).close();
    const upgraded = await openRecordStore(key, { dbName, schema: grownSchema });
    await upgraded.save('cases', { id: 'c1', kind: 'case', index: { status: 'open', openedOn: 'given' }, data: { clientName: 'A', openedOn: 'derived' } });
    upgraded.close();

    const reopened = await openRecordStore(key, { dbName, schema: grownSchema });
    expect(await reopened.get('cases', 'c1')).toMatchObject({ index: { openedOn: 'given' } });
  });

  it('deletes a table that a later version leaves out', async () => {
    const dbName = uniqueDbName();
    const key = await newKey();
    const old = await openRecordStore(key, { dbName, schema: schemaUpTo(grownSchema, 1) });
    await old.save('notes', { id: 'n1', kind: 'note', data: { text: 'gone' } });
    old.close();

    const withoutNotes: RecordSchema = {
      versions: [...grownSchema.versions, { version: 4, tables: { cases: ['status', 'openedOn'], checklists: ['caseId'] } }],
    };
    const current = await openRecordStore(key, { dbName, schema: withoutNotes });
    await expect(current.list('notes')).rejects.toThrow(/Unknown record table/);
    current.close();
    const raw = await openRaw(dbName);
    expect(raw.tables.map((table) => table.name).sort()).toEqual(['_meta', 'cases', 'checklists']);
    raw.close();
  });

  it('skips a pending backfill of a table that a later version dropped', async () => {
    const dbName = uniqueDbName();
    const key = await newKey();
    const v1: RecordSchema = { versions: [{ version: 1, tables: { cases: ['status'], notes: [] } }] };
    const old = await openRecordStore(key, { dbName, schema: v1 });
    await old.save('cases', { id: 'c1', kind: 'case', index: { status: 'open' }, data: { clientName: 'A', openedOn: 'x' } });
    old.close();

    const current = await openRecordStore(key, {
      dbName,
      schema: {
        versions: [
          ...v1.versions,
          { version: 2, tables: { cases: ['status'], notes: ['caseId'] }, backfill: { notes: () => ({ caseId: 'c1' }) } },
          { version: 3, tables: { cases: ['status'] } },
        ],
      },
    });
    expect(await current.get('cases', 'c1')).toMatchObject({ data: { clientName: 'A' } });
  });
});

describe('the shipped schema', () => {
  it.each(waypointSchema.versions.map((entry) => entry.version))(
    'opens a database created at version %i with the current schema and keeps every table readable',
    async (startVersion) => {
      const dbName = uniqueDbName();
      const key = await newKey();
      const start = schemaUpTo(waypointSchema, startVersion);
      const startTables = start.versions.at(-1)?.tables ?? {};
      const old = await openRecordStore(key, { dbName, schema: start });
      for (const [table, fields] of Object.entries(startTables)) {
        const index: Record<string, IndexValue> = Object.fromEntries(fields.map((field) => [field, `${field}-value`]));
        await old.save(table, { id: `${table}-1`, kind: table, index, data: { table, marker: 'kept' } });
      }
      old.close();

      const current = await openRecordStore(key, { dbName, schema: waypointSchema });
      const currentTables = waypointSchema.versions.at(-1)?.tables ?? {};
      for (const table of Object.keys(startTables).filter((name) => name in currentTables)) {
        expect(await current.get(table, `${table}-1`)).toMatchObject({ data: { table, marker: 'kept' } });
      }
    },
  );
});

describe('schema validation', () => {
  it('rejects versions that do not increase, reserved index field names and backfills of unknown tables', async () => {
    const key = await newKey();
    const open = (schema: RecordSchema) => openRecordStore(key, { dbName: uniqueDbName(), schema });
    await expect(open({ versions: [] })).rejects.toThrow(/at least one version/);
    await expect(open({ versions: [{ version: 2, tables: {} }, { version: 2, tables: {} }] })).rejects.toThrow(/increasing/);
    await expect(open({ versions: [{ version: 1, tables: { cases: ['iv'] } }] })).rejects.toThrow(/reserved/);
    await expect(open({ versions: [{ version: 1, tables: { _meta: [] } }] })).rejects.toThrow(/reserved/);
    await expect(open({ versions: [{ version: 1, tables: {}, backfill: { cases: () => ({}) } }] })).rejects.toThrow(/unknown table/);
  });
});
