/**
 * Peak memory of the page above its baseline while a large file is attached (issue: 200 MB attached with at
 * most 64 MB more). Sampled from outside the page every 20 ms through the DevTools protocol:
 * - the resident memory (RSS) of Chromium's renderer processes, read from /proc (Linux only): everything the
 *   page holds, JavaScript heap, ArrayBuffers and the engine's own buffers alike;
 * - the page's JavaScript heap plus its ArrayBuffers' backing stores (`Runtime.getHeapUsage`), on any system.
 * Neither sees the browser process, where Chromium keeps a Blob's bytes and runs IndexedDB.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { BenchRow } from '../table';
import type { AttachmentsBenchWindow } from './page';

const mb = (bytes: number) => Number((bytes / (1024 * 1024)).toFixed(1));

/** Resident bytes of each process, from /proc; null where there is no /proc (macOS, Windows). */
async function residentBytes(pids: readonly number[]): Promise<number | null> {
  let total = 0;
  for (const pid of pids) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb === undefined) return null;
      total += Number(kb) * 1024;
    } catch {
      return null;
    }
  }
  return total;
}

/**
 * One attach of `sizeMb` sampled from outside; with `collect`, a garbage collection is forced before each
 * sample, which leaves only what the attach still holds (what streaming bounds), without the garbage the
 * collector has not come to yet (what the caseworker's laptop pays for all the same).
 */
async function attachPeak(page: Page, sizeMb: number, collect: boolean): Promise<{ ms: number; rss: number | null; heap: number }> {
  const cdp = await page.context().newCDPSession(page);
  const browserCdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  const renderers = processInfo.filter((process) => process.type === 'renderer').map((process) => process.id);
  const heap = async () => {
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  };

  await page.evaluate((size) => (window as unknown as AttachmentsBenchWindow).makeLargeFile(size), sizeMb);
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((settle) => setTimeout(settle, 500));
  const baseline = { rss: await residentBytes(renderers), heap: await heap() };
  const peak = { ...baseline };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      if (collect) await cdp.send('HeapProfiler.collectGarbage');
      const [rss, used] = await Promise.all([residentBytes(renderers), heap()]);
      if (rss !== null && peak.rss !== null) peak.rss = Math.max(peak.rss, rss);
      peak.heap = Math.max(peak.heap, used);
      await new Promise((next) => setTimeout(next, 20));
    }
  })();
  let ms: number;
  try {
    ms = await page.evaluate(() => (window as unknown as AttachmentsBenchWindow).attachLarge());
  } finally {
    sampling = false;
    await sampler;
  }
  return { ms, rss: baseline.rss !== null && peak.rss !== null ? peak.rss - baseline.rss : null, heap: peak.heap - baseline.heap };
}

export async function attachMemoryRows(page: Page, sizeMb: number): Promise<BenchRow[]> {
  const { ms, rss, heap } = await attachPeak(page, sizeMb, false);
  const live = await attachPeak(page, sizeMb, true);
  const rows: BenchRow[] = [{ name: `attachments: attach ${sizeMb} MB, time`, value: Math.round(ms), unit: 'ms' }];
  if (rss !== null) rows.push({ name: `attachments: peak renderer memory (RSS) above baseline, attaching ${sizeMb} MB`, value: mb(rss), unit: 'MB', target: '<= 64' });
  rows.push({ name: `attachments: peak JS heap and ArrayBuffers above baseline, attaching ${sizeMb} MB`, value: mb(heap), unit: 'MB', target: '<= 64' });
  rows.push({ name: `attachments: the same, garbage collected before each sample (what the attach holds)`, value: mb(live.heap), unit: 'MB' });
  return rows;
}
