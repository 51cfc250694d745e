/**
 * Runs in a blank Chromium page (bundled by ../browser-script.ts, never part of the app): the directory
 * page's own request to its search worker, the app's own worker code, timed from the worker's start to
 * the index's arrival back on the main thread, as useSearchIndex does when the directory opens.
 */
import { generateEntries, generateOrganizations } from './generate';
import { prebuiltWorkerMessages, searchWorkerMessages } from '../../src/renderer/src/features/directory/search-index-request';
import type { SearchWorkerMessage, SearchWorkerReply } from '../../src/renderer/src/features/directory/search-index-request';
import type { ReadyWindow } from './ready-protocol';

/** The prebuilt index at an address of its own, which each run fetches as the app fetches its asset. */
let prebuiltIndex: { url: string; data: string } | undefined;

function setPrebuilt(base64: string, data: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  prebuiltIndex = { url: URL.createObjectURL(new Blob([bytes])), data };
}

async function timeIndexReady(workerScript: string, services: number, organizationCount: number, prebuilt: { own: number } | null) {
  const organizations = generateOrganizations(organizationCount);
  // As the app has them, read from IndexedDB or a file: structured clones, with flat strings.
  const data = structuredClone({ entries: prebuilt ? [] : generateEntries(services, organizations), own: generateEntries(prebuilt?.own ?? 0, organizations, 5), organizations });
  data.own.forEach((entry, i) => (entry.id = `own-${i}`));
  const url = URL.createObjectURL(new Blob([workerScript], { type: 'text/javascript' }));
  const start = performance.now();
  // As useSearchIndex does: the worker started, then the index fetched (timed: it is part of opening the
  // directory) while the worker gets ready; the post transfers it.
  const worker = new Worker(url);
  const buffer = prebuilt && prebuiltIndex ? await (await fetch(prebuiltIndex.url)).arrayBuffer() : undefined;
  // As useSearchIndex posts them: each part made and posted in a task of its own.
  const messages: Iterator<SearchWorkerMessage> =
    buffer && prebuiltIndex
      ? prebuiltWorkerMessages({ buffer, data: prebuiltIndex.data }, data.own, data.organizations, 'en', {})
      : searchWorkerMessages(data.entries, data.organizations, 'en', {});
  const reply = new Promise<SearchWorkerReply>((resolve) => worker.addEventListener('message', (event: MessageEvent<SearchWorkerReply>) => resolve(event.data)));
  let mainThread = 0;
  for (;;) {
    const task = performance.now();
    const next = messages.next();
    if (next.done) break;
    worker.postMessage(next.value, next.value.kind === 'prebuilt' ? [next.value.buffer] : []);
    mainThread = Math.max(mainThread, performance.now() - task);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const index = await reply;
  const ready = performance.now() - start;
  worker.terminate();
  URL.revokeObjectURL(url);
  if ('refused' in index) throw new Error(`the worker refused the prebuilt index: ${index.refused}`);
  if (index.all.words.length === 0) throw new Error('the worker sent back an empty index');
  if (index.size !== services + (prebuilt?.own ?? 0)) throw new Error(`the index holds ${index.size} entries`);
  return { ready, mainThread };
}

Object.assign(window as unknown as ReadyWindow, { setPrebuilt, timeIndexReady });
