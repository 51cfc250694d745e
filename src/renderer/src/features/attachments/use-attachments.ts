import { useCallback, useEffect, useState } from 'react';
import { useVault } from '../vault';
import { listCaseAttachments, type ReadAttachments } from './data';

export type AttachmentsLoad = { status: 'loading' } | { status: 'ready'; read: ReadAttachments } | { status: 'error' };

/** A case's attachments, read again with `reload` after each change. */
export function useAttachments(caseId: string) {
  const { store } = useVault();
  const [load, setLoad] = useState<AttachmentsLoad>({ status: 'loading' });
  const read = useCallback(
    (): Promise<AttachmentsLoad> =>
      listCaseAttachments(store, caseId).then(
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
  return { store, load, reload };
}
