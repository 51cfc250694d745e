import type { WaypointStore, WaypointTable } from './records';

/** Records read from the vault; the ids of rows that could not be decrypted or failed the check are counted apart. */
export interface ReadRecords<T> {
  records: T[];
  unreadable: string[];
}

/**
 * The records of a case-owned table that decrypt and pass `isT`: one case's (found by its keyed `caseId`
 * tag), or without `caseId` every case's, read a batch at a time so no batch is a long task.
 */
export async function readCaseRecords<T>(
  store: Pick<WaypointStore, 'list' | 'listInBatches'>,
  table: WaypointTable,
  isT: (data: unknown) => data is T,
  caseId?: string,
): Promise<ReadRecords<T>> {
  const read: ReadRecords<T> = { records: [], unreadable: [] };
  const split = (results: Awaited<ReturnType<WaypointStore['list']>>) => {
    for (const result of results) {
      if (result.error === undefined && isT(result.data)) read.records.push(result.data);
      else read.unreadable.push(result.id);
    }
  };
  if (caseId !== undefined) split(await store.list(table, { caseId }));
  else for await (const batch of store.listInBatches(table, 1_000)) split(batch);
  return read;
}
