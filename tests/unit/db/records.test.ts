// The store's table map: checked by the compiler (`npm run typecheck` covers tests), run here only so
// that the checks sit in a test file. Replacing the map by `Record<string, unknown>` leaves every
// `@ts-expect-error` below unused, which fails the typecheck.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { CaseNote, CaseRecord } from '@shared/cases';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { closeRecordStore, openRecordStore, waypointSchema, type OwnEntryData, type WaypointRecords, type WaypointStore, type WaypointTable } from '@renderer/db';
import { newKey, uniqueDbName } from './helpers';

afterEach(() => closeRecordStore());

/** Never called: each line is a claim about types, checked when the tests are typechecked. */
async function typeClaims(store: WaypointStore, note: CaseNote, entry: DirectoryEntry): Promise<void> {
  const [first] = await store.list('notes', { caseId: note.caseId });
  if (first?.error === undefined) expectTypeOf(first!.data).toEqualTypeOf<CaseNote>();
  const found = await store.get('cases', 'some-id');
  if (found?.error === undefined) expectTypeOf(found!.data).toEqualTypeOf<CaseRecord>();
  // @ts-expect-error a note is not a case
  await store.save('cases', { id: 'x', kind: 'case', data: note });
  // @ts-expect-error own entries live in their own table, not among the marks on directory entries
  await store.save('orgNotes', { id: 'x', kind: 'ownEntry', data: { entry, origin: 'added' } satisfies OwnEntryData });
  await store.save('ownDirectory', { id: 'x', kind: 'ownEntry', data: { entry, origin: 'added' } });
  // @ts-expect-error no such table
  await store.list('orgnotes');
}

describe('the typed record store', () => {
  it('has a record type for every table of the newest schema, and opens as the app’s store by default', async () => {
    expectTypeOf<WaypointTable>().toEqualTypeOf<keyof WaypointRecords>();
    expect(typeof typeClaims).toBe('function');
    const tables: WaypointTable[] = ['cases', 'notes', 'checklists', 'templates', 'orgNotes', 'ownDirectory', 'followUps', 'attachments', 'summaries', 'tombstones'];
    expect(Object.keys(waypointSchema.versions.at(-1)!.tables).sort()).toEqual([...tables].sort());
    const store = await openRecordStore(await newKey(), { dbName: uniqueDbName() });
    expectTypeOf(store).toEqualTypeOf<WaypointStore>();
    expect(await store.list('ownDirectory')).toEqual([]);
  });
});
