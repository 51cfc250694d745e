import type { CaseContext } from '@shared/checklists';
import { isAttachment, upgradeAttachment } from '@shared/attachments';
import { isFollowUp, resolveLink } from '@shared/followups';
import { readCaseRecords, type RecordResult, type WaypointStore } from '../../db';

type Store = Pick<WaypointStore, 'get' | 'list'>;

/** A case's document to print: which case, which checklist (all of them for a summary), and the page's context. */
export type CaseTarget =
  { kind: 'caseSummary'; caseId: string; caseContext?: CaseContext } | { kind: 'filledChecklist'; caseId: string; checklistId: string; caseContext?: CaseContext };

/** The decrypted records a case's document is rendered from (renderPrintDocument's options); null when the case cannot be read. */
export async function loadCase(store: Store, target: CaseTarget) {
  const record = await store.get('cases', target.caseId);
  if (!record || record.error !== undefined) return null;
  const decrypted = <T>(results: readonly RecordResult<T>[]) => results.flatMap((result) => (result.error === undefined ? [result.data] : []));
  // Every checklist of the case, even for one printed checklist: an age answer in any of them shows the child sections.
  const caseChecklists = decrypted(await store.list('checklists', { caseId: target.caseId }));
  const context = target.caseContext ? { caseContext: target.caseContext } : {};
  if (target.kind === 'filledChecklist') {
    const checklist = await store.get('checklists', target.checklistId);
    if (!checklist || checklist.error !== undefined) return null;
    return { caseRecord: record.data, notes: [], checklists: [checklist.data], caseChecklists, ...context };
  }
  const notes = await store.list('notes', { caseId: target.caseId });
  const { records: followUps } = await readCaseRecords(store, 'followUps', isFollowUp, target.caseId);
  const caseNotes = decrypted(notes);
  const attachments = (await readCaseRecords(store, 'attachments', isAttachment, target.caseId)).records
    .map(upgradeAttachment)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // Each file names what it is linked to, resolved against this case's own notes and checklists.
  const files = attachments.map(({ name, link }) => ({
    name,
    linkedTo: link
      ? resolveLink(
          link,
          target.caseId,
          link.type === 'note' ? (caseNotes.find((note) => note.id === link.noteId) ?? null) : null,
          link.type === 'checklistItem' ? (caseChecklists.find((checklist) => checklist.instance.id === link.checklistId) ?? null) : null,
        )
      : null,
  }));
  return { caseRecord: record.data, notes: caseNotes, files, checklists: caseChecklists, caseChecklists, followUps, ...context };
}
