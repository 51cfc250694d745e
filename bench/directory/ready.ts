/**
 * Start to index ready, in Chromium: a fresh page and worker each run, the app's request and worker
 * code, 50,000 generated services. The Node rows (./index.ts) time the build alone; these add what
 * the app pays around it (making and posting the request, starting the worker, sending the index back).
 * Two ways, as useSearchIndex has them: every entry indexed at start (the fallback), and the prebuilt index
 * of the shipped entries (made here in Node, as the app's build makes it) with some own entries merged in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { encodePrebuiltIndex } from '../../src/shared/directory-search/prebuilt';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { buildBrowserScript } from '../browser-script';
import { median, type BenchRow } from '../table';
import { generateEntries, generateOrganizations } from './generate';
import type { ReadyWindow } from './ready-protocol';

const runs = 5;
const ownEntries = 200;

export async function benchIndexReady(services: number, organizations: number): Promise<BenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), 'waypoint-bench-ready-'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const pageScript = await buildBrowserScript(resolve(import.meta.dirname, 'ready-page.ts'), join(work, 'page'), 'readyPage');
    const workerScript = await buildBrowserScript(resolve(import.meta.dirname, '../../src/renderer/src/features/directory/search-worker.ts'), join(work, 'worker'), 'searchWorker');
    const generated = generateOrganizations(organizations);
    const prebuiltStart = performance.now();
    const prebuilt = encodePrebuiltIndex(structuredClone(generateEntries(services, generated)), generated, 'bench');
    const prebuiltMs = performance.now() - prebuiltStart;
    const base64 = Buffer.from(prebuilt).toString('base64');
    const times = { built: [] as number[], prebuilt: [] as number[], builtMain: [] as number[], prebuiltMain: [] as number[] };
    // Alternately, so that a busy spell on the machine does not fall on one way only.
    for (let run = 0; run < runs; run++) {
      for (const way of ['built', 'prebuilt'] as const) {
        const page = await browser.newPage();
        await page.setContent('<!doctype html><title>bench</title>');
        await page.addScriptTag({ content: pageScript });
        if (way === 'prebuilt') await page.evaluate(({ text }) => (window as unknown as ReadyWindow).setPrebuilt(text, 'bench'), { text: base64 });
        const measured = await page.evaluate(({ script, count, orgs, own }) => (window as unknown as ReadyWindow).timeIndexReady(script, count, orgs, own === 0 ? null : { own }), {
          script: workerScript,
          count: services,
          orgs: organizations,
          own: way === 'prebuilt' ? ownEntries : 0,
        });
        times[way].push(measured.ready);
        times[way === 'built' ? 'builtMain' : 'prebuiltMain'].push(measured.mainThread);
        await page.close();
      }
    }
    return [
      { name: `directory: start to index ready in Chromium, ${services} services, all indexed at start (fresh worker, median of ${runs})`, value: median(times.built), unit: 'ms' },
      { name: 'directory: longest main-thread task making and posting a part of that request', value: median(times.builtMain), unit: 'ms' },
      {
        name: `directory: start to index ready in Chromium, prebuilt index of ${services} services + ${ownEntries} own entries indexed at start`,
        value: median(times.prebuilt),
        unit: 'ms',
        target: '< 1000',
      },
      { name: 'directory: longest main-thread task posting that request', value: median(times.prebuiltMain), unit: 'ms' },
      { name: `directory: prebuilt index of ${services} services, size`, value: prebuilt.byteLength / 1e6, unit: 'MB' },
      { name: 'directory: making that prebuilt index, in Node (at build time)', value: prebuiltMs, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}
