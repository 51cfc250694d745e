import { once } from '@shared/once';
import { useEffect, useState } from 'react';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { parseDirectory } from '@shared/hsds/parse';
import { buildLegalIndex, type LegalIndex } from '@shared/legal/corpus';
import { buildInfoSchema, legalCorpusSchema } from '@shared/legal/schema';
import type { BuildInfo } from '@shared/legal/schema';

/*
 * Shipped data, loaded on first use so the first screen stays small: the corpus when the section
 * opens, checklist templates and the directory only on the pages that show them. Each is checked
 * against its schema once (the pages rely on its cross-references), and a failed load can be retried.
 */

const legalFiles = import.meta.glob<unknown>('@resources/legal/*.json', { import: 'default' });
const directoryFile = import.meta.glob<unknown>('@resources/directory/directory.json', { import: 'default' });

function loadNamed(files: Record<string, () => Promise<unknown>>, name: string): Promise<unknown> {
  const entry = Object.entries(files).find(([path]) => path.endsWith(`/${name}.json`));
  if (!entry) return Promise.reject(new Error(`${name}.json is not bundled`));
  return entry[1]();
}

export const loadLegalIndex = once(async (): Promise<LegalIndex> => {
  const [instruments, judgments, topics, countries, explainers] = await Promise.all(
    ['instruments', 'judgments', 'topics', 'countries', 'explainers'].map((name) => loadNamed(legalFiles, name)),
  );
  return buildLegalIndex(legalCorpusSchema.parse({ instruments, judgments, topics, countries, explainers }));
});

/** When the country profiles' treaty rows were built, and from what (resources/legal/build-info.json). */
export const loadLegalBuildInfo = once(async (): Promise<BuildInfo> => buildInfoSchema.parse(await loadNamed(legalFiles, 'build-info')));

export const loadDirectoryEntries = once(async (): Promise<DirectoryEntry[]> => {
  const [load] = Object.values(directoryFile);
  if (!load) throw new Error('directory.json is not bundled');
  return parseDirectory(await load()).entries;
});

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error' };

/** The result of one of the loaders above; `retry` starts it again after an error. */
export function useLoaded<T>(load: () => Promise<T>): { state: Loaded<T>; retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (value) => !cancelled && setState({ status: 'ready', value }),
      (error: unknown) => {
        console.error(error);
        if (!cancelled) setState({ status: 'error' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, attempt]);
  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      setAttempt((n) => n + 1);
    },
  };
}
