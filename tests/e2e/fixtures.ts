import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { createVault, unlock } from './vault-steps';

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
  await context.addInitScript(reportAutocompleteOn);
  // The interface reports a text it has no translation for (see src/renderer/src/i18n); collect them.
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('Missing text:')) missingTexts.push(message.text());
    if (message.type() === 'error' && message.text().startsWith(autocompleteOnPrefix)) autocompleteOn.add(message.text());
  });
  return context;
}

/** Texts the interface asked for and did not have, in any page of the running test. */
const missingTexts: string[] = [];

const autocompleteOnPrefix = 'Autocomplete on:';
/** Form fields any page of the running test showed without autocomplete off (see below). */
const autocompleteOn = new Set<string>();

/**
 * Runs in every page: reports each form field added to the page whose text Chromium could keep in its profile
 * (autofill, restored form state), that is one without autocomplete="off" on itself or on its form. Every test that
 * shows a new field so checks it. Left out: hidden inputs, and the textarea Mantine's autosizing Textarea adds to the
 * body to measure text (no prop reaches it; never typed into, and it holds "x" between measurements).
 */
function reportAutocompleteOn(): void {
  const check = (node: Node) => {
    if (!(node instanceof Element)) return;
    const fields = [...(node.matches('input, textarea, select') ? [node] : []), ...node.querySelectorAll('input, textarea, select')];
    for (const field of fields as Array<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) {
      if (field.type === 'hidden' || field.getAttribute('aria-label') === 'autosize measurement') continue;
      if (field.getAttribute('autocomplete') === 'off' || field.form?.getAttribute('autocomplete') === 'off') continue;
      const label = field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.id;
      console.error(`Autocomplete on: <${field.tagName.toLowerCase()} type="${field.type}"> "${label}" at ${location.hash}`);
    }
  };
  new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(check))).observe(document, { childList: true, subtree: true });
}

async function appVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * How a test's app starts. 'none': no vault yet, the page shows the first run. 'prepared': the data
 * folder is a copy of a vault this worker created once through the interface (passphrase PASSPHRASE),
 * and the `page` fixture unlocks it on the lock screen, so the test starts on the Directory.
 * Creating a vault costs a KDF calibration; only the tests about creating one should pay it each time.
 */
export type VaultStart = 'none' | 'prepared';

/**
 * First run through the real interface and services (real KDF calibration), then everything closed;
 * returns the data folder. The profile is not kept: its records store belongs to the origin, and
 * every test's server has a port (an origin) of its own, so a copy would never be read.
 */
async function prepareVault(work: string): Promise<string> {
  const dataFolder = join(work, 'data');
  const server = await startPreviewServer({ outFolder: join(root, 'out'), dataFolder, port: 0, version: await appVersion() });
  const context = await launch(join(work, 'profile'), []);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.openUrl);
    await createVault(page);
  } finally {
    await context.close();
    await server.close();
  }
  return dataFolder;
}

export const test = base.extend<{ app: PreviewApp; page: Page; vault: VaultStart }, { vaultTemplate: () => Promise<string> }>({
  vault: ['none', { option: true }],
  // Made on first use, so a worker that only runs first-run tests never makes one.
  vaultTemplate: [
    async ({}, use) => {
      const work = await mkdtemp(join(tmpdir(), 'waypoint-e2e-template-'));
      let template: Promise<string> | undefined;
      await use(() => {
        if (!template) {
          // The worker's one-off cost, not the time of the test that happens to come first.
          base.info().setTimeout(base.info().timeout + 60_000);
          template = prepareVault(work);
        }
        return template;
      });
      await rm(work, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  app: async ({ vault, vaultTemplate }, use) => {
    const work = await mkdtemp(join(tmpdir(), 'waypoint-e2e-'));
    const dataFolder = join(work, 'data');
    const profileFolder = join(work, 'profile');
    if (vault === 'prepared') {
      // Each test gets its own copy: what one test writes never reaches another.
      await cp(await vaultTemplate(), dataFolder, { recursive: true });
    }
    const version = await appVersion();
    const server = await startPreviewServer({ outFolder: join(root, 'out'), dataFolder, port: 0, version });
    const requests: string[] = [];
    const app: PreviewApp = {
      server,
      async restartServer() {
        const port = Number(new URL(app.server.url).port);
        await app.server.close();
        app.server = await startPreviewServer({ outFolder: join(root, 'out'), dataFolder, port, version });
        const page = app.context.pages()[0] ?? (await app.context.newPage());
        await page.goto(app.server.openUrl);
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
        await page.goto(app.server.openUrl);
        return page;
      },
    };
    missingTexts.length = 0;
    autocompleteOn.clear();
    await use(app);
    // A key shown instead of a text fails the test that showed it.
    expect(missingTexts, 'texts missing from a locale file').toEqual([]);
    expect([...autocompleteOn], 'form fields shown without autocomplete="off"').toEqual([]);
    await app.context.close();
    await app.server.close();
    await rm(work, { recursive: true, force: true });
  },
  page: async ({ app, vault }, use) => {
    const page = app.context.pages()[0] ?? (await app.context.newPage());
    await page.goto(app.server.openUrl);
    if (vault === 'prepared') {
      await unlock(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
    }
    await use(page);
  },
});

export { expect };
