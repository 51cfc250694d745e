/**
 * Encrypted record store versus plain Dexie in real Chromium: builds ./page.ts into one script,
 * serves it on 127.0.0.1 (WebCrypto needs a secure context; file:// is not one) and drives it with Playwright.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { buildBrowserScript } from '../browser-script';
import { median, ratioRow, type BenchRow } from '../table';
import type { RecordsBenchOptions, RecordsBenchSamples, RecordsBenchWindow } from './protocol';

const bundleName = 'recordsBench.js';
const pageHtml = `<!doctype html><meta charset="utf-8"><title>records bench</title><script src="/${bundleName}"></script>`;

/**
 * Serves one bench entry (a page script of this folder) on 127.0.0.1, opens it in a fresh Chromium and hands it
 * to `use`; also what the profiler (./profile.ts) drives, with an unminified bundle.
 */
export async function withBenchPage<T>(entry: string, use: (page: Page) => Promise<T>, { minify = true } = {}): Promise<T> {
  const outDir = await mkdtemp(join(tmpdir(), 'records-bench-'));
  try {
    const server = await serve(await buildBrowserScript(resolve(import.meta.dirname, entry), outDir, 'recordsBench', { minify }));
    // --expose-gc lets a page collect the garbage of one run before timing the next.
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--js-flags=--expose-gc'] });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      return await use(page);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function serve(script: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === `/${bundleName}`) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

/** The table rows of a run: per layer its median times, and against the baseline the median per-pair ratio with its spread. */
export function recordRows(samples: RecordsBenchSamples, records: number): BenchRow[] {
  const label = `${records / 1000}k`;
  const baseline = samples.layers[samples.baseline]!;
  const round = (value: number) => Number(value.toFixed(1));
  const rows: BenchRow[] = [
    { name: `records: ${samples.baseline} Dexie save all ${label}, median`, value: round(median(baseline.save)), unit: 'ms' },
    { name: `records: ${samples.baseline} Dexie list all ${label}, median`, value: round(median(baseline.list)), unit: 'ms' },
  ];
  for (const [name, layer] of Object.entries(samples.layers)) {
    if (name === samples.baseline) continue;
    rows.push(
      { name: `records: ${name} save all ${label}, median`, value: round(median(layer.save)), unit: 'ms' },
      { name: `records: ${name} list all ${label}, median`, value: round(median(layer.list)), unit: 'ms' },
      ratioRow(`records: write ratio ${name}/${samples.baseline}`, layer.save, baseline.save, '<= 1.1'),
      ratioRow(`records: read ratio ${name}/${samples.baseline}`, layer.list, baseline.list, '<= 1.2'),
    );
  }
  return rows;
}

/** Interleaved pairs in one Chromium; prints nothing. */
export async function benchRecords(options: Partial<RecordsBenchOptions> = {}): Promise<BenchRow[]> {
  const opts: RecordsBenchOptions = { records: 10_000, pairs: 21, ...options };
  const samples = await withBenchPage('page.ts', (page) => page.evaluate((o) => (window as unknown as RecordsBenchWindow).runRecordsBench(o), opts));
  return recordRows(samples, opts.records);
}
