import { createContext, useContext } from 'react';
import type { WaypointStore } from '../../db';

export interface VaultContextValue {
  /** The encrypted record store; exists only while unlocked. */
  store: WaypointStore;
  lock(): void;
  quickExit(): void;
}

export const VaultContext = createContext<VaultContextValue | null>(null);

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault outside an unlocked vault');
  return value;
}
