/**
 * Runs in a blank Chromium page (bundled by ../browser-script.ts, never part of the app): the directory
 * page's own request to its search worker, the app's own worker code, timed from the worker's start to
 * the index's arrival back on the main thread, as useSearchIndex does when the directory opens.
 */
import { generateEntries, generateOrganizations } from './generate';
import { searchWorkerMessages } from '../../src/renderer/src/features/directory/search-index-request';
import type { ReadyWindow } from './ready-protocol';

async function timeIndexReady(workerScript: string, services: number, organizationCount: number) {
  const organizations = generateOrganizations(organizationCount);
  // As the app has them, read from IndexedDB or a file: structured clones, with flat strings.
  const data = structuredClone({ entries: generateEntries(services, organizations), organizations });
  const url = URL.createObjectURL(new Blob([workerScript], { type: 'text/javascript' }));
  const start = performance.now();
  const worker = new Worker(url);
  // As useSearchIndex posts them: each part made and posted in a task of its own.
  const messages = searchWorkerMessages(data.entries, data.organizations, 'en', {});
  let mainThread = 0;
  for (;;) {
    const task = performance.now();
    const next = messages.next();
    if (next.done) break;
    worker.postMessage(next.value);
    mainThread = Math.max(mainThread, performance.now() - task);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
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
