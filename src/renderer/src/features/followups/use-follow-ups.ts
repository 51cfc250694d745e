import { useCallback, useEffect, useState } from 'react';
import type { FollowUp } from '@shared/followups';
import { useVault } from '../vault';
import { deleteFollowUp, listAllFollowUps, listCaseFollowUps, saveFollowUp, type ReadFollowUps } from './data';

/** Dispatched on window after a follow-up is saved or deleted here, so the banner counts again at once. */
export const followUpsChangedEvent = 'waypoint:follow-ups-changed';

export type FollowUpsLoad = { status: 'loading' } | { status: 'ready'; read: ReadFollowUps } | { status: 'error' };

/** The follow-ups of one case (or of every case), read again after each change made through `save` and `remove`. */
export function useFollowUps(caseId: string | null) {
  const { store } = useVault();
  const [load, setLoad] = useState<FollowUpsLoad>({ status: 'loading' });
  const read = useCallback(
    (): Promise<FollowUpsLoad> =>
      (caseId === null ? listAllFollowUps(store) : listCaseFollowUps(store, caseId)).then(
        (result) => ({ status: 'ready', read: result }),
        () => ({ status: 'error' }),
      ),
    [store, caseId],
  );
  useEffect(() => {
    let current = true;
    void read().then((loaded) => current && setLoad(loaded));
    return () => {
      current = false;
    };
  }, [read]);
  const reload = useCallback(async () => setLoad(await read()), [read]);
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
  return { load, reload, save, remove };
}
