/**
 * Follow-ups in the encrypted store (table `followUps`, found by a keyed tag on their case id; title,
 * kind, dates and status only inside the ciphertext). Every write is checked against the schema first.
 * The store keeps the agenda summary with them (db/summaries.ts): the agenda and the banner read that (summary-read.ts).
 */
import { followUpSchema, isFollowUp, linkChoices, resolveLink, type FollowUp, type FollowUpLink, type LinkTarget } from '@shared/followups';
import { readCaseRecords, type ReadRecords, type RecordResult, type WaypointStore } from '../../db';

type Store = WaypointStore;

export const followUpsTable = 'followUps';

export type ReadFollowUps = ReadRecords<FollowUp>;

export async function listCaseFollowUps(store: Store, caseId: string): Promise<ReadFollowUps> {
  return readCaseRecords(store, followUpsTable, isFollowUp, caseId);
}

/** Follow-ups by id, in one read: null for one that is gone or cannot be read. */
export async function readFollowUps(store: Store, ids: readonly string[]): Promise<Map<string, FollowUp | null>> {
  const results = await store.getMany(followUpsTable, ids);
  return new Map(ids.map((id, at) => [id, readableFollowUp(results[at])]));
}

function readableFollowUp(result: RecordResult<FollowUp> | undefined): FollowUp | null {
  return result && result.error === undefined && isFollowUp(result.data) ? result.data : null;
}

export async function saveFollowUp(store: Store, followUp: FollowUp): Promise<FollowUp> {
  const checked = followUpSchema.parse(followUp);
  await store.save(followUpsTable, { id: checked.id, kind: 'followUp', index: { caseId: checked.caseId }, data: checked });
  return checked;
}

export async function deleteFollowUp(store: Store, id: string): Promise<void> {
  await store.delete(followUpsTable, id);
}

const readable = <T>(result: RecordResult<T> | undefined): T | null => (result && result.error === undefined ? result.data : null);

/** What the form offers to link a follow-up to: the case's notes and checklist items. */
export async function listLinkChoices(store: Store, caseId: string) {
  const [notes, checklists] = await Promise.all([store.list('notes', { caseId }), store.list('checklists', { caseId })]);
  const all = <T>(results: RecordResult<T>[]) => results.flatMap((result) => readable(result) ?? []);
  return linkChoices(caseId, all(notes), all(checklists));
}

/** What a follow-up's link points at now; a deleted or unreadable record reads as missing. */
export async function readLinkTarget(store: Store, caseId: string, link: FollowUpLink): Promise<LinkTarget> {
  if (link.type === 'note') return resolveLink(link, caseId, readable(await store.get('notes', link.noteId)), null);
  return resolveLink(link, caseId, null, readable(await store.get('checklists', link.checklistId)));
}
