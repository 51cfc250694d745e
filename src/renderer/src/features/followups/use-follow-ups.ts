import { useCallback } from 'react';
import type { FollowUp } from '@shared/followups';
import { useVault } from '../vault';
import { useReloaded } from '../../components/use-loaded';
import { deleteFollowUp, listCaseFollowUps, saveFollowUp } from './data';
import { followUpsChangedEvent } from './summary-read';

/** Saving and deleting follow-ups, each followed by the banner's event and `reload` of the list that shows them. */
export function useFollowUpWrites(reload: () => Promise<void>) {
  const { store } = useVault();
  const save = useCallback(
    async (followUp: FollowUp) => {
      await saveFollowUp(store, followUp);
      window.dispatchEvent(new Event(followUpsChangedEvent));
      await reload();
    },
    [store, reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await deleteFollowUp(store, id);
      window.dispatchEvent(new Event(followUpsChangedEvent));
      await reload();
    },
    [store, reload],
  );
  return { save, remove };
}

/** The follow-ups of one case, read again after each change made through `save` and `remove` (the agenda: use-agenda.ts). */
export function useFollowUps(caseId: string) {
  const { store } = useVault();
  const read = useCallback(() => listCaseFollowUps(store, caseId), [store, caseId]);
  const { load, reload } = useReloaded(read);
  return { load, reload, ...useFollowUpWrites(reload) };
}
