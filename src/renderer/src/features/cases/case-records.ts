import type { WaypointStore } from '../../db';

/** The tables whose records belong to a case, found by their `caseId` tag: deleted with it. */
const caseTables = ['notes', 'checklists', 'followUps'] as const;

/** Deletes a case with its notes, checklists and follow-ups, in one transaction: all of them or none. */
export async function deleteCaseRecords(store: WaypointStore, caseId: string): Promise<void> {
  const owned = await Promise.all(caseTables.map(async (table) => [table, (await store.list(table, { caseId })).map((row) => row.id)] as const));
  await store.deleteIn({ ...Object.fromEntries(owned), cases: [caseId] });
}
