/**
 * Attaching and opening a 20 MB file through the chunked attachment store (encrypt, write every 1 MiB chunk
 * to IndexedDB, read and decrypt them back) against raw AES-GCM over the same bytes in the same page, with
 * what its parts cost alone in the same run: IndexedDB with no crypto, and SHA-256 in JavaScript. Then the
 * peak memory while a 200 MB file is attached (./memory.ts).
 */
import { withBenchPage } from '../records';
import { median, ratioRow, type BenchRow } from '../table';
import { attachMemoryRows } from './memory';
import type { AttachmentsBenchWindow } from './page';

export async function benchAttachments({ sizeMb = 20, pairs = 11, largeMb = 200 } = {}): Promise<BenchRow[]> {
  const samples = await withBenchPage('../attachments/page.ts', (page) =>
    page.evaluate(([size, count]) => (window as unknown as AttachmentsBenchWindow).attachmentsBench(size, count), [sizeMb, pairs] as const),
  );
  // In a page of its own, so the 20 MB runs' garbage is not in its baseline.
  const memory = await withBenchPage('../attachments/page.ts', (page) => attachMemoryRows(page, largeMb));
  const ms = (name: string, values: number[]): BenchRow => ({ name: `attachments: ${name}, median`, value: Number(median(values).toFixed(1)), unit: 'ms' });
  return [
    ms(`attach and open ${sizeMb} MB`, samples.attachOpen),
    ms(`attach ${sizeMb} MB (read, hash, encrypt, store)`, samples.attach),
    ms(`raw AES-GCM encrypt and decrypt of ${sizeMb} MB`, samples.raw),
    ms(`IndexedDB alone: put and get the ${sizeMb} chunks, no crypto`, samples.idb),
    ms(`SHA-256 of ${sizeMb} MB, @noble/hashes 1 MiB at a time`, samples.hash),
    ms(`SHA-256 of ${sizeMb} MB, WebCrypto in one call`, samples.nativeHash),
    ratioRow(`attachments: attach and open / raw AES-GCM (${sizeMb} MB)`, samples.attachOpen, samples.raw, '<= 2'),
    ratioRow(`attachments: IndexedDB alone / raw AES-GCM (${sizeMb} MB)`, samples.idb, samples.raw),
    // The store against its floor: what it costs beyond putting and getting the same chunks (docs/performance.md).
    ratioRow(`attachments: attach and open / IndexedDB alone (${sizeMb} MB)`, samples.attachOpen, samples.idb),
    ratioRow(`attachments: SHA-256 in JavaScript / raw AES-GCM (${sizeMb} MB)`, samples.hash, samples.raw),
    ...memory,
  ];
}
