import { useEffect, useState } from 'react';
import { buildSearchIndex } from '@shared/directory-search';
import type { DirectorySearchIndex } from '@shared/directory-search';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { indexOptions } from './searchIndexRequest';
import type { SearchIndexRequest } from './searchIndexRequest';

/** An index and the very entry list its positions point into. */
export interface ReadyIndex {
  entries: readonly DirectoryEntry[];
  index: DirectorySearchIndex;
}

/**
 * Builds the search index in a Web Worker after the page has painted. Until a new index is ready the
 * previous one (with its own entry list) stays in use, so results never point at the wrong entries.
 */
export function useSearchIndex(request: SearchIndexRequest): ReadyIndex | null {
  const [ready, setReady] = useState<ReadyIndex | null>(null);
  useEffect(() => {
    let done = false;
    const finish = (index: DirectorySearchIndex) => {
      if (done) return;
      done = true;
      setReady({ entries: request.entries, index });
    };
    const worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<DirectorySearchIndex>) => {
      finish(event.data);
      worker.terminate();
    });
    // A worker that cannot start must not leave search unusable: build here instead, after this frame.
    worker.addEventListener('error', () => {
      worker.terminate();
      setTimeout(() => finish(buildSearchIndex(request.entries, indexOptions(request))), 0);
    });
    worker.postMessage(request);
    return () => {
      done = true;
      worker.terminate();
    };
  }, [request]);
  return ready;
}
