import { useEffect, useState } from 'react';
import { buildSearchIndex } from '@shared/directory-search';
import type { DirectorySearchIndex, SearchableOrganization } from '@shared/directory-search';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { indexOptions, searchWorkerMessages } from './search-index-request';

/** An index and the very entry list its positions point into. */
export interface ReadyIndex {
  entries: readonly DirectoryEntry[];
  index: DirectorySearchIndex;
}

/** What the index is built from; a new source (by identity) builds a new index. */
export interface SearchIndexSource {
  entries: readonly DirectoryEntry[];
  organizations: readonly SearchableOrganization[];
  /** Interface language: countries and languages are found by their names in it as well as in English. */
  language: string;
  /** Labels of service types, populations and channels in the interface language. */
  termLabels: Record<string, string>;
}

/**
 * Builds the search index in a Web Worker after the page has painted. Until a new index is ready the
 * previous one (with its own entry list) stays in use, so results never point at the wrong entries. The
 * worker gets only what the index reads, in parts (searchWorkerMessages); the entries stay here, paired with the index.
 */
export function useSearchIndex(source: SearchIndexSource): ReadyIndex | null {
  const [ready, setReady] = useState<ReadyIndex | null>(null);
  useEffect(() => {
    let done = false;
    const finish = (index: DirectorySearchIndex) => {
      if (done) return;
      done = true;
      setReady({ entries: source.entries, index });
    };
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<DirectorySearchIndex>) => {
      finish(event.data);
      worker.terminate();
    });
    // A worker that cannot start must not leave search unusable: build here instead, after this frame.
    worker.addEventListener('error', () => {
      worker.terminate();
      setTimeout(() => finish(buildSearchIndex(source.entries, indexOptions(source))), 0);
    });
    const messages = searchWorkerMessages(source.entries, source.organizations, source.language, source.termLabels);
    const postNext = () => {
      const next = messages.next();
      if (done || next.done) return;
      worker.postMessage(next.value);
      setTimeout(postNext, 0);
    };
    postNext();
    return () => {
      done = true;
      worker.terminate();
    };
  }, [source]);
  return ready;
}
