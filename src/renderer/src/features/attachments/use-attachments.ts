import { useCallback } from 'react';
import { useReloaded } from '../../components/use-loaded';
import { useVault } from '../vault';
import { listCaseAttachments } from './data';

/** A case's attachments, read again with `reload` after each change. */
export function useAttachments(caseId: string) {
  const { store } = useVault();
  const read = useCallback(() => listCaseAttachments(store, caseId), [store, caseId]);
  const { load, reload } = useReloaded(read);
  return { store, load, reload };
}
