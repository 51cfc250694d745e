/**
 * Follow-ups in the encrypted store (table `followUps`, found by a keyed tag on their case id; title,
 * kind, dates and status only inside the ciphertext). Every write is checked against the schema first.
 */
import { followUpSchema, isFollowUp, type FollowUp } from '@shared/followups';
import type { WaypointStore } from '../../db';

type Store = WaypointStore;

export const followUpsTable = 'followUps';

/** Follow-ups read from the vault; ids of rows that could not be decrypted or are not a follow-up are counted apart. */
export interface ReadFollowUps {
  followUps: FollowUp[];
  unreadable: string[];
}

function split(results: Awaited<ReturnType<Store['list']>>, into: ReadFollowUps): ReadFollowUps {
  for (const result of results) {
    if (!result.error && isFollowUp(result.data)) into.followUps.push(result.data);
    else into.unreadable.push(result.id);
  }
  return into;
}

export async function listCaseFollowUps(store: Store, caseId: string): Promise<ReadFollowUps> {
  return split(await store.list(followUpsTable, { caseId }), { followUps: [], unreadable: [] });
}

/** Every follow-up of every case, a batch at a time so no batch is a long task. */
export async function listAllFollowUps(store: Store): Promise<ReadFollowUps> {
  const read: ReadFollowUps = { followUps: [], unreadable: [] };
  for await (const batch of store.listInBatches(followUpsTable, 1_000)) split(batch, read);
  return read;
}

export async function saveFollowUp(store: Store, followUp: FollowUp): Promise<FollowUp> {
  const checked = followUpSchema.parse(followUp);
  await store.save(followUpsTable, { id: checked.id, kind: 'followUp', index: { caseId: checked.caseId }, data: checked });
  return checked;
}

export async function deleteFollowUp(store: Store, id: string): Promise<void> {
  await store.delete(followUpsTable, id);
}
