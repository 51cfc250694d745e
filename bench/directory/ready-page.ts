/**
 * Runs in a blank Chromium page (bundled by ../browser-script.ts, never part of the app): the directory
 * page's own request to its search worker, the app's own worker code, timed from the worker's start to
 * the index's arrival back on the main thread, as useSearchIndex does when the directory opens.
 */
import { generateEntries, generateOrganizations } from './generate';
import { searchIndexRequest } from '../../src/renderer/src/features/directory/searchIndexRequest';
import type { ReadyWindow } from './ready-protocol';

async function timeIndexReady(workerScript: string, services: number, organizationCount: number) {
  const organizations = generateOrganizations(organizationCount);
  // As the app has them, read from IndexedDB or a file: structured clones, with flat strings.
  const data = structuredClone({ entries: generateEntries(services, organizations), organizations });
  const url = URL.createObjectURL(new Blob([workerScript], { type: 'text/javascript' }));
  const start = performance.now();
  const worker = new Worker(url);
  const request = searchIndexRequest(data.entries, data.organizations, 'en', {});
  worker.postMessage(request);
  const mainThread = performance.now() - start;
  const words = await new Promise<number>((resolve) =>
    worker.addEventListener('message', (event: MessageEvent<{ all: { words: unknown[] } }>) => resolve(event.data.all.words.length)),
  );
  const ready = performance.now() - start;
  worker.terminate();
  URL.revokeObjectURL(url);
  if (words === 0) throw new Error('the worker sent back an empty index');
  return { ready, mainThread };
}

(window as unknown as ReadyWindow).timeIndexReady = timeIndexReady;
