import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createVault } from '../src/main/services/vault';
import { rendererKeys } from '../src/main/services/vault/subkeys';
import { startPreviewServer } from '../src/preview/server';
import { chromiumArgs, chromiumExecutable } from '../src/preview/chromium';
import { buildBrowserScript } from './browser-script';

/** The passphrase of every vault a bench seeds. */
export const BENCH_PASSPHRASE = 'bench lantern orchard seventeen';

/** The renderer's subkeys as the seeding script takes them (arrays: they cross into the page as JSON). */
export interface SeedKeys {
  records: number[];
  index: number[];
  attachments: number[];
}

export interface SeededApp {
  /** On the lock screen of the case list, with the seeding script loaded (its global: `globalName`). */
  page: Page;
  keys: SeedKeys;
}

/**
 * The real app in Chromium through the browser preview, for a bench that fills its store first: a vault made
 * in Node by main's own service, the seeding script (`seedEntry`, bundled with the app's own code) injected
 * into the page, where it writes through the app's store with the renderer's keys. The script is never part
 * of the app: bypassCSP lets the bench inject it. Everything is removed when `run` ends.
 */
export async function withSeededApp<T>(outFolder: string, seedEntry: string, globalName: string, run: (app: SeededApp) => Promise<T>): Promise<T> {
  const work = await mkdtemp(join(tmpdir(), `waypoint-bench-${globalName}-`));
  const dataFolder = join(work, 'data');
  await createVault({ folder: dataFolder }).create(BENCH_PASSPHRASE);
  const key = await createVault({ folder: dataFolder }).unlock(BENCH_PASSPHRASE);
  const seedScript = await buildBrowserScript(seedEntry, join(work, 'seed'), globalName);
  const server = await startPreviewServer({ outFolder, dataFolder, port: 0, version: 'bench' });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
    bypassCSP: true,
    viewport: { width: 1280, height: 800 },
  });
  try {
    // tsx (esbuild keepNames) wraps named helpers of evaluated functions in __name(), which the page lacks.
    await context.addInitScript('globalThis.__name = (fn) => fn');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.openUrl); // the tab keeps the token for the next address
    await page.goto(`${server.url}#/cases`);
    await page.getByLabel('Passphrase').waitFor();
    await page.addScriptTag({ content: seedScript });
    const subkeys = rendererKeys(key, false);
    key.fill(0);
    const keys = { records: Array.from(subkeys.records), index: Array.from(subkeys.index), attachments: Array.from(subkeys.attachments) };
    return await run({ page, keys });
  } finally {
    await context.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}
