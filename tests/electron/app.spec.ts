import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { channels } from '../../src/shared/channels';
import { defaultSettings } from '../../src/shared/settings';
import { electronBinary } from '../support/electron-binary';
import { createVault, unlock } from '../e2e/vault-steps';

const namespaces = [...new Set(channels.map((channel) => channel.split('.')[0]))].sort();

const binary = electronBinary();
const skipReason = 'skipped: no Electron binary (the electron package could not download it on this machine)';
if (!binary) console.log(`Electron tests ${skipReason}`);

test.describe('the real Electron app', () => {
  test.skip(!binary, skipReason);

  let app: ElectronApplication;
  let userData: string;
  const launch = () =>
    electron.launch({
      executablePath: binary!,
      args: [resolve(import.meta.dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
    });
  test.beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'waypoint-electron-'));
    app = await launch();
  });
  test.afterEach(() => app.close());

  test('opens one hardened window on the app page, locked until a vault is made', async () => {
    const page = await app.firstWindow();
    await createVault(page);
    expect(page.url()).toMatch(/^app:\/\/waypoint\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // No Node in the page: the isolation flags themselves are pinned by the window factory's unit test.
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys(window.waypoint).sort())).toEqual(namespaces);
  });

  test('settings are kept by the main process and the language switch turns the page right-to-left', async () => {
    const page = await app.firstWindow();
    await createVault(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Interface language' }).click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const info = await page.evaluate(() => window.waypoint.app.info());
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron' } });
  });

  test('Chromium starts in the saved interface language, which orders the parts of date fields', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getLocale())).toMatch(/^en/);
    await app.close();
    await writeFile(join(userData, 'settings.json'), JSON.stringify({ ...defaultSettings, language: 'fr' }));
    app = await launch();
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getLocale())).toBe('fr');
  });

  test('lock reloads the window to the lock screen, and unlock opens it again', async () => {
    const page = await app.firstWindow();
    await createVault(page);
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page);
  });

  test('navigation away from the app and new windows are refused', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => window.open('https://example.org/'));
    await page.evaluate(() => (location.href = 'https://example.org/'));
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/waypoint\//);
  });
});
