/**
 * HSDS import in Chromium, as the import page runs it: 50,000 generated services in one JSON file, read,
 * validated and planned in the app's import worker. Prints how long until the plan is back and the
 * longest main-thread task meanwhile (the Node row in ./index.ts is the same work on one thread).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { buildBrowserScript } from '../browser-script';
import { median, type BenchRow } from '../table';
import type { ImportWindow } from './import-protocol';

const runs = 3;

export async function benchImportInWorker(services: number, organizations: number): Promise<BenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), 'waypoint-bench-import-'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const pageScript = await buildBrowserScript(resolve(import.meta.dirname, 'import-page.ts'), join(work, 'page'), 'importPage');
    const workerScript = await buildBrowserScript(resolve(import.meta.dirname, '../../src/renderer/src/features/directory/import-worker.ts'), join(work, 'worker'), 'importWorker');
    const planned: number[] = [];
    const longestTask: number[] = [];
    const longestGap: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>bench</title>');
      await page.addScriptTag({ content: pageScript });
      await page.evaluate(({ count, orgs }) => (window as unknown as ImportWindow).prepareImport(count, orgs), { count: services, orgs: organizations });
      const times = await page.evaluate((script) => (window as unknown as ImportWindow).timeImport(script), workerScript);
      if (times.added !== services) throw new Error(`the bench import planned ${times.added} of ${services} services`);
      planned.push(times.planned);
      longestTask.push(times.longestTask);
      longestGap.push(times.longestGap);
      await page.close();
    }
    return [
      { name: `directory: HSDS JSON import in Chromium, ${services} services, file chosen to plan shown (worker, median of ${runs})`, value: median(planned), unit: 'ms' },
      { name: 'directory: longest main-thread task during that import (Long Tasks API; 0 = none over 50 ms)', value: median(longestTask), unit: 'ms', target: '< 200' },
      { name: 'directory: longest a 0 ms timer waited on the main thread during that import', value: median(longestGap), unit: 'ms', target: '< 200' },
    ];
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}
