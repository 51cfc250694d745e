import { once } from '@shared/once';
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
