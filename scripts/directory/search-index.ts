/**
 * The prebuilt search index of the shipped directory, made at build time by the renderer's vite plugin below
 * (never committed: it follows the bundled directory and the folding code of the same build). The renderer
 * imports `virtual:directory-search-index` for its address; where there is none (the dev server) or the worker
 * refuses it, the index is built at start as before.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { directoryStamp, encodePrebuiltIndex } from '../../src/shared/directory-search/prebuilt';
import { parseDirectory } from '../../src/shared/hsds/parse';

/** The bundled directory, in the repository at `root`. */
const directoryFile = (root: string) => resolve(root, 'resources/directory/directory.json');

export async function prebuiltSearchIndex(root: string): Promise<ArrayBuffer> {
  const directory = parseDirectory(JSON.parse(await readFile(directoryFile(root), 'utf8')));
  return encodePrebuiltIndex(directory.entries, directory.organizations, directoryStamp(directory));
}

const moduleId = 'virtual:directory-search-index';

/**
 * Emits the prebuilt index as an asset of the renderer's build and gives its address. `root`: the repository
 * (the config knows it; this file's own place is lost when the config is bundled).
 */
export function prebuiltSearchIndexPlugin(root: string): Plugin {
  let serving = false;
  return {
    name: 'waypoint-prebuilt-search-index',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (id) => (id === moduleId ? `\0${moduleId}` : undefined),
    async load(id) {
      if (id !== `\0${moduleId}`) return undefined;
      if (serving) return 'export const prebuiltIndexUrl = undefined;';
      this.addWatchFile(directoryFile(root));
      const reference = this.emitFile({ type: 'asset', name: 'directory-index.bin', source: new Uint8Array(await prebuiltSearchIndex(root)) });
      return `export const prebuiltIndexUrl = import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
