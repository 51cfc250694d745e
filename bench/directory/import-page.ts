/**
 * Runs in a blank Chromium page (bundled by ../browser-script.ts, never part of the app): an HSDS JSON file
 * of 50,000 services imported as the import page does it (its own file reading and worker request, the
 * app's worker code), timed from the choice of the file to the plan back on the main thread, while the
 * longest main-thread task is watched with the Long Tasks API and with a 0 ms timer's longest gap.
 */
import { exportHsdsJson, organizationsFor } from '../../src/shared/hsds/export';
import { importFilesOf } from '../../src/renderer/src/features/directory/import-files';
import { importReplyReceiver, transferables } from '../../src/renderer/src/features/directory/import-request';
import type { ImportReply, ImportRequest, ImportWorkerMessage } from '../../src/renderer/src/features/directory/import-request';
import { generateEntries, generateOrganizations } from './generate';
import type { ImportWindow } from './import-protocol';

let file: File | null = null;

function prepareImport(services: number, organizationCount: number): number {
  const organizations = generateOrganizations(organizationCount);
  const entries = generateEntries(services, organizations);
  const text = exportHsdsJson({ entries, organizations: organizationsFor(entries, organizations), dataVersion: 1 });
  file = new File([text], 'bench.json', { type: 'application/json' });
  return text.length;
}

async function timeImport(workerScript: string) {
  if (file === null) throw new Error('prepareImport first');
  const url = URL.createObjectURL(new Blob([workerScript], { type: 'text/javascript' }));
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  // A 0 ms timer that notes how late it runs: the longest gap is the longest time the page could not respond.
  let longestGap = 0;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);

  const start = performance.now();
  // As ImportPage's choose() and planInWorker() do.
  const request: ImportRequest = { files: await importFilesOf([file], false), fromFolder: false, source: file.name, entries: [], organizations: [] };
  const worker = new Worker(url);
  const reply = await new Promise<ImportReply>((resolve) => {
    const receive = importReplyReceiver();
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerMessage>) => {
      const done = receive(event.data);
      if (done !== null) resolve(done);
    });
    worker.addEventListener('error', () => resolve({ kind: 'failed' }));
    worker.postMessage(request, transferables(request));
  });
  const planned = performance.now() - start;
  worker.terminate();
  // Let the observer and the timer see the last task.
  await new Promise((resolve) => setTimeout(resolve, 100));
  ticking = false;
  observer.disconnect();
  URL.revokeObjectURL(url);
  if (reply.kind !== 'plan' || !reply.plan.ok) throw new Error('the bench import was not planned');
  return { planned, longestTask, longestGap, added: reply.plan.toAdd.length };
}

(window as unknown as ImportWindow).prepareImport = prepareImport;
(window as unknown as ImportWindow).timeImport = timeImport;
