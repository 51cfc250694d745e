import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startPreviewServer, type PreviewOptions, type PreviewServer } from '../../src/preview/server';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { deriveKey } from '../../src/main/services/vault/kdf';
import { createVault, unlock } from './vault-steps';

const root = resolve(import.meta.dirname, '../..');

export interface PreviewApp {
  server: PreviewServer;
  /** The preview's data folder (settings, vault header...) */
  dataFolder: string;
  /** Chromium's profile folder (IndexedDB, autofill, caches...); only with `test.use({ profile: 'on-disk' })`. */
  readonly profileFolder: string;
  context: BrowserContext;
  /** Every URL the page requested, in order. */
  requests: string[];
  /**
   * Closes the browser and opens it again on the same profile, as a person restarting the app would;
   * only with `test.use({ profile: 'on-disk' })`.
   */
  restartBrowser(): Promise<Page>;
  /** Stops the preview server and starts a new one on the same port and data folder (a restart of main). */
  restartServer(): Promise<Page>;
}

/**
 * Where a test's Chromium keeps its profile. 'in-memory': a new context in the worker's one Chromium,
 * whose storage lives and dies with the context. 'on-disk': a Chromium of the test's own on a profile
 * folder, for the tests that read that folder or restart the browser on it; `profileFolder` and
 * `restartBrowser` refuse to work without it, so such a test cannot silently lose what it checks.
 */
export type BrowserProfile = 'in-memory' | 'on-disk';

const viewport = { width: 1280, height: 800 };

/** Every page of a test's context is watched the same way, whichever profile it has. */
async function watch(context: BrowserContext, requests: string[]): Promise<BrowserContext> {
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(reportAutocompleteOn);
  // The interface reports a text it has no translation for (see src/renderer/src/i18n); collect them.
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('Missing text:')) missingTexts.push(message.text());
    if (message.type() === 'error' && message.text().startsWith(autocompleteOnPrefix)) autocompleteOn.add(message.text());
  });
  return context;
}

/** A Chromium of its own on `profileFolder`, kept on disk after it closes. */
async function launchOnDisk(profileFolder: string, requests: string[]): Promise<BrowserContext> {
  const executablePath = chromiumExecutable();
  const context = await chromium.launchPersistentContext(profileFolder, { ...(executablePath ? { executablePath } : {}), args: chromiumArgs, headless: true, viewport });
  return watch(context, requests);
}

/** A fresh context in the worker's Chromium: its own cookies, storage, IndexedDB, permissions and downloads. */
async function openInMemory(browser: Browser, requests: string[]): Promise<BrowserContext> {
  return watch(await browser.newContext({ viewport }), requests);
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
      reportPasswordNotAlone(field);
      if (field.getAttribute('autocomplete') === 'off' || field.form?.getAttribute('autocomplete') === 'off') continue;
      const label = field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.id;
      console.error(`Autocomplete on: <${field.tagName.toLowerCase()} type="${field.type}"> "${label}" at ${location.hash}`);
    }
  };
  // Chromium's password manager takes the last text field before a password in the same form (all inputs outside a
  // <form> count as one) for a username and keeps it in plaintext in the profile's Login Data: a password field must
  // sit in a <form> that holds no text field.
  const usernameLike = 'input:is([type="text"], [type="email"], [type="tel"], [type="search"], [type="url"], [type="number"], :not([type]))';
  const reportPasswordNotAlone = (field: Element) => {
    const form = (field as HTMLInputElement).form;
    if (field.matches('input[type="password"]') && !form) console.error(`Autocomplete on: <input type="password"> outside a form at ${location.hash}`);
    if (form?.querySelector('input[type="password"]') && form.querySelector(usernameLike)) {
      console.error(
        `Autocomplete on: a text field in a form with a password at ${location.hash}: "${form.querySelector<HTMLInputElement>(usernameLike)?.labels?.[0]?.textContent}"`,
      );
    }
  };
  new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(check))).observe(document, { childList: true, subtree: true });
}

/**
 * scrypt with a memory, one per worker: every test unlocks a copy of the same prepared vault (same passphrase,
 * salt and cost), so the worker derives its key once instead of once a test (about half a second of CPU each).
 * Each call gets a copy, which the vault zeroes after use; any other input (a wrong passphrase, a new salt) is
 * derived for real. The vault's own tests derive every time (tests/unit/vault).
 */
const derivedKeys = new Map<string, Buffer>();
const rememberingDeriveKey: typeof deriveKey = async (secret, params) => {
  const input = JSON.stringify([secret.toString('base64'), params]);
  const known = derivedKeys.get(input) ?? (await deriveKey(secret, params));
  derivedKeys.set(input, Buffer.from(known));
  return Buffer.from(known);
};

async function appVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

async function startServer(dataFolder: string, options: Partial<PreviewOptions> = {}): Promise<PreviewServer> {
  return startPreviewServer({ outFolder: join(root, 'out'), dataFolder, port: 0, version: await appVersion(), ...options });
}

/**
 * How a test's app starts. 'none': no vault yet, the page shows the first run. 'prepared': the data
 * folder is a copy of a vault this worker created once through the interface (passphrase PASSPHRASE),
 * and the `page` fixture unlocks it on the lock screen, so the test starts on the Directory.
 * Creating a vault costs a KDF calibration; only the tests about creating one should pay it each time.
 */
export type VaultStart = 'none' | 'prepared';

/**
 * The passphrase's key derivation cost of a vault a test creates. 'floor': the production floor,
 * N = 2^17 with p = 1 (`testOnlyKdfAtFloor`), for every vault of the suite but one. 'calibrated':
 * raised on this machine as the app does, measuring each step twice, which costs seconds per vault
 * and makes every later derivation of it dearer; the first-run test in vault.spec.ts keeps it.
 */
export type KdfCost = 'floor' | 'calibrated';

/**
 * First run through the real interface and services, then everything closed; returns the data folder.
 * The server keeps the passphrase's KDF at the production floor (2^17) instead of calibrating it up
 * to half a second, so that each test's unlock of a copy costs the least a real vault can cost.
 * No profile is kept: its records store belongs to the origin, and every test's server has a port
 * (an origin) of its own, so a copy would never be read.
 */
async function prepareVault(browser: Browser, work: string): Promise<string> {
  const dataFolder = join(work, 'data');
  const server = await startServer(dataFolder, { testOnlyKdfAtFloor: true });
  const context = await openInMemory(browser, []);
  try {
    const page = await context.newPage();
    await page.goto(server.openUrl);
    await createVault(page);
  } finally {
    await context.close();
    await server.close();
  }
  return dataFolder;
}

export const test = base.extend<
  { app: PreviewApp; page: Page; vault: VaultStart; profile: BrowserProfile; kdf: KdfCost },
  { browser: Browser; vaultTemplate: () => Promise<string> }
>({
  vault: ['none', { option: true }],
  profile: ['in-memory', { option: true }],
  kdf: ['floor', { option: true }],
  // One Chromium per worker; each test opens a context of its own in it (see `app`).
  browser: [
    async ({}, use) => {
      const executablePath = chromiumExecutable();
      const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs, headless: true });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // Made on first use, so a worker that only runs first-run tests never makes one.
  vaultTemplate: [
    async ({ browser }, use) => {
      const work = await mkdtemp(join(tmpdir(), 'waypoint-e2e-template-'));
      let template: Promise<string> | undefined;
      await use(() => {
        if (!template) {
          // The worker's one-off cost, not the time of the test that happens to come first.
          base.info().setTimeout(base.info().timeout + 60_000);
          template = prepareVault(browser, work);
        }
        return template;
      });
      await rm(work, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  app: async ({ vault, vaultTemplate, profile, kdf, browser }, use) => {
    const work = await mkdtemp(join(tmpdir(), 'waypoint-e2e-'));
    const dataFolder = join(work, 'data');
    const onDisk = profile === 'on-disk';
    const profileFolder = join(work, 'profile');
    const needsDisk = (what: string) => new Error(`${what} needs the profile on disk: test.use({ profile: 'on-disk' })`);
    const requests: string[] = [];
    const open = () => (onDisk ? launchOnDisk(profileFolder, requests) : openInMemory(browser, requests));
    if (vault === 'prepared') {
      // Each test gets its own copy: what one test writes never reaches another.
      await cp(await vaultTemplate(), dataFolder, { recursive: true });
    }
    const serverOptions: Partial<PreviewOptions> = { testOnlyKdfAtFloor: kdf === 'floor', testOnlyDeriveKey: rememberingDeriveKey };
    const app: PreviewApp = {
      server: await startServer(dataFolder, serverOptions),
      async restartServer() {
        const port = Number(new URL(app.server.url).port);
        await app.server.close();
        app.server = await startServer(dataFolder, { ...serverOptions, port });
        const page = app.context.pages()[0] ?? (await app.context.newPage());
        await page.goto(app.server.openUrl);
        return page;
      },
      dataFolder,
      get profileFolder() {
        if (!onDisk) throw needsDisk('profileFolder');
        return profileFolder;
      },
      requests,
      context: await open(),
      async restartBrowser() {
        if (!onDisk) throw needsDisk('restartBrowser');
        await app.context.close();
        app.context = await open();
        const page = app.context.pages()[0] ?? (await app.context.newPage());
        await page.goto(app.server.openUrl);
        return page;
      },
    };
    missingTexts.length = 0;
    autocompleteOn.clear();
    try {
      await use(app);
      // A key shown instead of a text fails the test that showed it.
      expect(missingTexts, 'texts missing from a locale file').toEqual([]);
      expect([...autocompleteOn], 'form fields shown without autocomplete="off", or a password field not alone in a form of its own').toEqual([]);
    } finally {
      // Also after a failure: the worker's Chromium goes on to the next test.
      await app.context.close();
      await app.server.close();
      await rm(work, { recursive: true, force: true });
    }
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
