/**
 * Runs in Chromium (bundled by ../records' withBenchPage): attaching a file through the app's chunked
 * store and opening it again, beside raw AES-GCM over the same bytes in the same page.
 */
import { deleteDatabase, importRecordKeys, openRecordStore, readAttachment, writeAttachment } from '../../src/renderer/src/db';

export interface AttachmentsBenchSamples {
  /** Write every chunk, then read and decrypt every chunk back, ms. */
  attachOpen: number[];
  /** One AES-256-GCM encrypt and one decrypt of the same bytes, ms. */
  raw: number[];
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(at + 65_536, size)));
  return bytes;
}

async function run(sizeMb: number, pairs: number): Promise<AttachmentsBenchSamples> {
  const bytes = randomBytes(sizeMb * 1024 * 1024);
  const file = new Blob([bytes]);
  const key = () => crypto.getRandomValues(new Uint8Array(32));
  const samples: AttachmentsBenchSamples = { attachOpen: [], raw: [] };
  const rawKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  for (let pair = 0; pair <= pairs; pair += 1) {
    const dbName = `attachments-bench-${pair}`;
    const store = await openRecordStore(await importRecordKeys({ records: key(), index: key(), attachments: key() }), { dbName });
    let start = performance.now();
    const written = await writeAttachment(store, file, { limitBytes: Infinity, estimate: async () => ({}) });
    let read = 0;
    for await (const chunk of readAttachment(store, written.blob)) read += chunk.length;
    if (read !== bytes.length) throw new Error('the file did not come back whole');
    const attachOpen = performance.now() - start;
    store.close();
    await deleteDatabase(dbName);

    start = performance.now();
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, rawKey, bytes);
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, rawKey, sealed);
    const raw = performance.now() - start;
    if (pair === 0) continue; // warm-up
    samples.attachOpen.push(attachOpen);
    samples.raw.push(raw);
  }
  return samples;
}

(window as unknown as { attachmentsBench: typeof run }).attachmentsBench = run;
