import { deleteAttachmentChunks, type WaypointStore } from '../../db';

/** The tables whose records belong to a case, found by their `caseId` tag: deleted with it. */
const caseTables = ['notes', 'checklists', 'followUps', 'attachments'] as const;

/**
 * Deletes a case with its notes, checklists, follow-ups and attachments' records, in one transaction: all
 * of them or none; then the attachments' chunks (a deletion cut short there leaves orphans, which the
 * next unlock sweeps).
 */
export async function deleteCaseRecords(store: WaypointStore, caseId: string): Promise<void> {
  const owned = await Promise.all(caseTables.map(async (table) => [table, await store.list(table, { caseId })] as const));
  await store.deleteIn({ ...Object.fromEntries(owned.map(([table, rows]) => [table, rows.map((row) => row.id)])), cases: [caseId] });
  const attachments = owned.find(([table]) => table === 'attachments')?.[1] ?? [];
  await deleteAttachmentChunks(
    store,
    attachments.flatMap((row) => (row.error === undefined && typeof row.data === 'object' && 'blob' in row.data ? [row.data.blob.id] : [])),
  );
}

/**
 * Deletes a note and the files given (those attached to it that the caseworker chose to delete with it), in one
 * transaction, then those files' chunks. Files attached to the note and not given stay with the case: their link
 * then reads as "no longer linked".
 */
export async function deleteNoteRecords(store: WaypointStore, noteId: string, files: readonly { id: string; blob: { id: string } }[]): Promise<void> {
  await store.deleteIn({ notes: [noteId], attachments: files.map((file) => file.id) });
  await deleteAttachmentChunks(
    store,
    files.map((file) => file.blob.id),
  );
}
