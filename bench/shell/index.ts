import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startPreviewServer } from '../../src/preview/server';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { median, type BenchRow } from '../table';

/** Gzipped size of the JavaScript the first screen loads: the entry module and what it preloads. */
export async function initialJavaScriptKb(outFolder: string): Promise<number> {
  const html = await readFile(join(outFolder, 'renderer', 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  let bytes = 0;
  for (const file of new Set(files)) bytes += gzipSync(await readFile(join(outFolder, 'renderer', file))).length;
  return bytes / 1024;
}

/** Median first contentful paint of the preview in Chromium, each load in a fresh profile. */
export async function previewFirstPaintMs(outFolder: string, loads = 7): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'waypoint-bench-'));
  const server = await startPreviewServer({ outFolder, dataFolder: join(work, 'data'), port: 0, version: 'bench' });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const paints: number[] = [];
  try {
    for (let load = 0; load < loads; load++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.openUrl);
      await page.getByRole('heading', { level: 1 }).waitFor();
      paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  return median(paints);
}

export async function benchShell(outFolder: string): Promise<BenchRow[]> {
  return [
    { name: 'renderer initial JavaScript (gzip)', value: await initialJavaScriptKb(outFolder), unit: 'KB', target: '<= 200' },
    { name: 'preview first contentful paint (median of 7)', value: await previewFirstPaintMs(outFolder), unit: 'ms' },
  ];
}
