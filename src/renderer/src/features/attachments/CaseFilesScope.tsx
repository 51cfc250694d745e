import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useReloaded, type Loaded } from '../../components/use-loaded';
import type { WaypointStore } from '../../db';
import { useVault } from '../vault';
import type { ReadAttachments } from './data';

export interface CaseFiles {
  caseId: string;
  store: WaypointStore;
  load: Loaded<ReadAttachments>;
  /** Reads the case's files again after a change, and tells the case page (its search takes names and captions). */
  changed: () => Promise<void>;
}

const CaseFilesContext = createContext<CaseFiles | null>(null);

/**
 * A case's files read once for every note and checklist question of the page that shows its own (rather than
 * once each). Small on purpose: the rest of the feature's code loads when a list is first shown.
 */
export function CaseFilesScope({ caseId, onChange, children }: { caseId: string; onChange?: () => void; children: ReactNode }) {
  const { store } = useVault();
  const read = useCallback(async () => (await import('./data')).listCaseAttachments(store, caseId), [store, caseId]);
  const { load, reload } = useReloaded(read);
  const changed = useCallback(async () => {
    await reload();
    onChange?.();
  }, [reload, onChange]);
  const value = useMemo(() => ({ caseId, store, load, changed }), [caseId, store, load, changed]);
  return <CaseFilesContext.Provider value={value}>{children}</CaseFilesContext.Provider>;
}

/** The files of the case around; null outside a CaseFilesScope (nothing is then shown). */
export function useCaseFiles(): CaseFiles | null {
  return useContext(CaseFilesContext);
}
