import { useEffect, useState } from 'react';
import { buildSearchIndex } from '@shared/directory-search';
import type { DirectorySearchIndex, SearchableOrganization } from '@shared/directory-search';
import { indexOptions } from '@shared/directory-search/options';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { prebuiltWorkerMessages, searchWorkerMessages } from './search-index-request';
import type { SearchWorkerMessage, SearchWorkerReply } from './search-index-request';

/** An index and the very entry list its positions point into. */
export interface ReadyIndex {
  entries: readonly DirectoryEntry[];
  index: DirectorySearchIndex;
}

/** The prebuilt index of the shipped directory, usable when the shipped entries head the list unchanged. */
export interface PrebuiltSource {
  /** Where the app's build put it. */
  url: string;
  /** The shipped directory it must be of (directoryStamp). */
  data: string;
  /** How many entries at the head of the list are the shipped ones. */
  shippedCount: number;
}

/** What the index is built from; a new source (by identity) builds a new index. */
export interface SearchIndexSource {
  entries: readonly DirectoryEntry[];
  organizations: readonly SearchableOrganization[];
  /** Interface language: countries and languages are found by their names in it as well as in English. */
  language: string;
  /** Labels of service types, populations and channels in the interface language. */
  termLabels: Record<string, string>;
  prebuilt: PrebuiltSource | null;
}

type IndexFrom = 'prebuilt' | 'entries';

/**
 * Makes the search index in a Web Worker after the page has painted: from the prebuilt index of the shipped
 * directory and the person's own entries when it can, else (no prebuilt index, one the worker refuses, one
 * that cannot be fetched) from every entry. Until a new index is ready the previous one (with its own entry
 * list) stays in use, so results never point at the wrong entries. The worker gets only what the index reads,
 * in parts (searchWorkerMessages); the entries stay here, paired with the index.
 */
export function useSearchIndex(source: SearchIndexSource): ReadyIndex | null {
  const [ready, setReady] = useState<ReadyIndex | null>(null);
  useEffect(() => {
    let done = false;
    let worker: Worker | null = null;
    const finish = (index: DirectorySearchIndex, from: IndexFrom) => {
      if (done) return;
      done = true;
      // For the bench and tests: which way the index came (a refused prebuilt index is otherwise silent).
      performance.mark('waypoint:directory-index-ready', { detail: { from } });
      setReady({ entries: source.entries, index });
    };
    // A worker that cannot start must not leave search unusable: build here instead, after this frame.
    const buildHere = () => setTimeout(() => finish(buildSearchIndex(source.entries, indexOptions(source)), 'entries'), 0);
    const spawn = (from: IndexFrom, onRefused: () => void): Worker => {
      const current = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
      worker = current;
      current.addEventListener('message', (event: MessageEvent<SearchWorkerReply>) => {
        current.terminate();
        if ('refused' in event.data) onRefused();
        else finish(event.data, from);
      });
      current.addEventListener('error', () => {
        current.terminate();
        buildHere();
      });
      return current;
    };
    /** Posts each message in a task of its own, so no single task holds the page for long. */
    const post = (current: Worker, messages: Iterator<SearchWorkerMessage>) => {
      const postNext = () => {
        const next = messages.next();
        if (done || next.done) return;
        current.postMessage(next.value, next.value.kind === 'prebuilt' ? [next.value.buffer] : []);
        setTimeout(postNext, 0);
      };
      postNext();
    };
    const buildAll = () => {
      if (!done) post(spawn('entries', buildHere), searchWorkerMessages(source.entries, source.organizations, source.language, source.termLabels));
    };
    const { prebuilt } = source;
    if (prebuilt === null) {
      buildAll();
    } else {
      // The worker starts while the index is fetched: loading its script and getting ready overlap the fetch.
      const current = spawn('prebuilt', buildAll);
      fetch(prebuilt.url)
        .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`${response.status}`))))
        .then(
          (buffer) => {
            if (done) return;
            const own = source.entries.slice(prebuilt.shippedCount);
            post(current, prebuiltWorkerMessages({ buffer, data: prebuilt.data }, own, source.organizations, source.language, source.termLabels));
          },
          () => {
            current.terminate();
            buildAll();
          },
        );
    }
    return () => {
      done = true;
      worker?.terminate();
    };
  }, [source]);
  return ready;
}
