import { createContext, useContext } from 'react';
import type { DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import type { MergedDirectory } from './data';

export interface SearchFilters {
  /** null: all countries. */
  country: string | null;
  service: string | null;
  language: string | null;
  population: string | null;
  channel: string | null;
  open24x7: boolean;
  favouritesOnly: boolean;
}

export interface SearchState {
  query: string;
  filters: SearchFilters;
}

/** A message for the search page to show once, after an entry page deleted its entry. */
export interface DirectoryNotice {
  /** 'reverted': an imported version of a shipped entry was deleted, and the shipped one is shown again. */
  kind: 'deleted' | 'reverted';
  name: string;
}

export interface DirectoryContextValue {
  directory: MergedDirectory;
  entryById: ReadonlyMap<string, DirectoryEntry>;
  organizationById: ReadonlyMap<string, DirectoryOrganization>;
  /** Reads the person's own records again after a change. */
  reload(): Promise<void>;
}

export const DirectoryContext = createContext<DirectoryContextValue | null>(null);

export function useDirectory(): DirectoryContextValue {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectory outside DirectoryPage');
  return value;
}
