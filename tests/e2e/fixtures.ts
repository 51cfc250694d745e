import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';

const root = resolve(import.meta.dirname, '../..');

export interface PreviewApp {
  server: PreviewServer;
  /** The preview's data folder (settings, vault header...) */
  dataFolder: string;
  /** Chromium's profile folder (IndexedDB, caches...) */
  profileFolder: string;
  context: BrowserContext;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Closes the browser and opens it again on the same profile, as a person restarting the app would. */
  restartBrowser(): Promise<Page>;
  /** Stops the preview server and starts a new one on the same port and data folder (a restart of main). */
  restartServer(): Promise<Page>;
}

async function launch(profileFolder: string, requests: string[]): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileFolder, {
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  context.on('request', (request) => requests.push(request.url()));
  // The interface reports a text it has no translation for (see src/renderer/src/i18n); collect them.
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('Missing text:')) missingTexts.push(message.text());
  });
  return context;
}

/** Texts the interface asked for and did not have, in any page of the running test. */
const missingTexts: string[] = [];

export const test = base.extend<{ app: PreviewApp; page: Page }>({
  app: async ({}, use) => {
    const work = await mkdtemp(join(tmpdir(), 'waypoint-e2e-'));
    const dataFolder = join(work, 'data');
    const profileFolder = join(work, 'profile');
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const server = await startPreviewServer({ outFolder: join(root, 'out'), dataFolder, port: 0, version });
    const requests: string[] = [];
    const app: PreviewApp = {
      server,
      async restartServer() {
        const port = Number(new URL(app.server.url).port);
        await app.server.close();
        app.server = await startPreviewServer({ outFolder: join(root, 'out'), dataFolder, port, version });
        const page = app.context.pages()[0] ?? (await app.context.newPage());
        await page.goto(app.server.url);
        return page;
      },
      dataFolder,
      profileFolder,
      requests,
      context: await launch(profileFolder, requests),
      async restartBrowser() {
        await app.context.close();
        app.context = await launch(profileFolder, requests);
        const page = app.context.pages()[0] ?? (await app.context.newPage());
        await page.goto(app.server.url);
        return page;
      },
    };
    missingTexts.length = 0;
    await use(app);
    // A key shown instead of a text fails the test that showed it.
    expect(missingTexts, 'texts missing from a locale file').toEqual([]);
    await app.context.close();
    await app.server.close();
    await rm(work, { recursive: true, force: true });
  },
  page: async ({ app }, use) => {
    const page = app.context.pages()[0] ?? (await app.context.newPage());
    await page.goto(app.server.url);
    await use(page);
  },
});

export { expect };
