/**
 * Start to index ready, in Chromium: a fresh page and worker each run, the app's request and worker
 * code, 50,000 generated services. The Node rows (./index.ts) time the build alone; this one adds what
 * the app pays around it (making and posting the request, starting the worker, sending the index back).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { buildBrowserScript } from '../browser-script';
import { median, type BenchRow } from '../table';
import type { ReadyWindow } from './ready-protocol';

const runs = 5;

export async function benchIndexReady(services: number, organizations: number): Promise<BenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), 'waypoint-bench-ready-'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const pageScript = await buildBrowserScript(resolve(import.meta.dirname, 'ready-page.ts'), join(work, 'page'), 'readyPage');
    const workerScript = await buildBrowserScript(resolve(import.meta.dirname, '../../src/renderer/src/features/directory/search-worker.ts'), join(work, 'worker'), 'searchWorker');
    const ready: number[] = [];
    const mainThread: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>bench</title>');
      await page.addScriptTag({ content: pageScript });
      const times = await page.evaluate(
        ({ script, count, orgs }) => (window as unknown as ReadyWindow).timeIndexReady(script, count, orgs),
        { script: workerScript, count: services, orgs: organizations },
      );
      ready.push(times.ready);
      mainThread.push(times.mainThread);
      await page.close();
    }
    return [
      { name: `directory: start to index ready in Chromium, ${services} services (fresh worker, median of ${runs})`, value: median(ready), unit: 'ms', target: '< 1000' },
      { name: 'directory: longest main-thread task making and posting a part of the request', value: median(mainThread), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}
