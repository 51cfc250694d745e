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
import { median, type BenchRow } from '../table';
import type { RecordsBenchOptions, RecordsBenchSamples, RecordsBenchWindow } from './protocol';

const bundleName = 'recordsBench.js';
const pageHtml = `<!doctype html><meta charset="utf-8"><title>records bench</title><script src="/${bundleName}"></script>`;

/** Serves one bench entry (a page script of this folder) on 127.0.0.1, opens it in a fresh Chromium and hands it to `use`. */
export async function withBenchPage<T>(entry: string, use: (page: Page) => Promise<T>): Promise<T> {
  const outDir = await mkdtemp(join(tmpdir(), 'records-bench-'));
  try {
    const server = await serve(await buildBrowserScript(resolve(import.meta.dirname, entry), outDir, 'recordsBench'));
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
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

function sampleInChromium(options: RecordsBenchOptions): Promise<RecordsBenchSamples> {
  return withBenchPage('page.ts', (page) => page.evaluate((opts) => (window as unknown as RecordsBenchWindow).runRecordsBench(opts), options));
}

/** Medians over `repetitions` runs after one warm-up; prints nothing. */
export async function benchRecords(options: Partial<RecordsBenchOptions> = {}): Promise<BenchRow[]> {
  const samples = await sampleInChromium({ records: 10_000, repetitions: 7, ...options });
  const encryptedSave = median(samples.encryptedSave);
  const plainSave = median(samples.plainSave);
  const encryptedList = median(samples.encryptedList);
  const plainList = median(samples.plainList);
  const round = (value: number, digits: number): number => Number(value.toFixed(digits));
  return [
    { name: 'records: encrypted save all 10k', value: round(encryptedSave, 1), unit: 'ms' },
    { name: 'records: plain Dexie save all 10k', value: round(plainSave, 1), unit: 'ms' },
    { name: 'records: write ratio encrypted/plain', value: round(encryptedSave / plainSave, 2), unit: 'x', target: '<= 1.1' },
    { name: 'records: encrypted list all 10k', value: round(encryptedList, 1), unit: 'ms' },
    { name: 'records: plain Dexie list all 10k', value: round(plainList, 1), unit: 'ms' },
    { name: 'records: read ratio encrypted/plain', value: round(encryptedList / plainList, 2), unit: 'x', target: '<= 1.2' },
  ];
}
