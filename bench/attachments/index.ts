/**
 * Attaching and opening a 20 MB file through the chunked attachment store (encrypt, write every 1 MiB chunk
 * to IndexedDB, read and decrypt them back) against raw AES-GCM over the same bytes in the same page.
 */
import { withBenchPage } from '../records';
import { median, ratioRow, type BenchRow } from '../table';
import type { AttachmentsBenchSamples } from './page';

export async function benchAttachments({ sizeMb = 20, pairs = 5 } = {}): Promise<BenchRow[]> {
  const samples = await withBenchPage('../attachments/page.ts', (page) =>
    page.evaluate(([size, count]) => (window as unknown as { attachmentsBench: (size: number, count: number) => Promise<AttachmentsBenchSamples> }).attachmentsBench(size, count), [
      sizeMb,
      pairs,
    ] as const),
  );
  return [
    { name: `attachments: attach and open ${sizeMb} MB, median`, value: Number(median(samples.attachOpen).toFixed(1)), unit: 'ms' },
    { name: `attachments: raw AES-GCM encrypt and decrypt of ${sizeMb} MB, median`, value: Number(median(samples.raw).toFixed(1)), unit: 'ms' },
    ratioRow(`attachments: attach and open / raw AES-GCM (${sizeMb} MB)`, samples.attachOpen, samples.raw, '<= 2'),
  ];
}
