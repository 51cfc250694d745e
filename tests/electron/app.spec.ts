import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinary } from '../support/electron-binary';

const binary = electronBinary();
const skipReason = 'skipped: no Electron binary (the electron package could not download it on this machine)';
if (!binary) console.log(`Electron tests ${skipReason}`);

test.describe('the real Electron app', () => {
  test.skip(!binary, skipReason);

  let app: ElectronApplication;
  test.beforeEach(async () => {
    const userData = await mkdtemp(join(tmpdir(), 'waypoint-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [resolve(import.meta.dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
    });
  });
  test.afterEach(() => app.close());

  test('opens one hardened window on the app page', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/waypoint\//);
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const prefs = BrowserWindow.getAllWindows()[0]!.webContents.getLastWebPreferences();
      return { contextIsolation: prefs?.contextIsolation, sandbox: prefs?.sandbox, nodeIntegration: prefs?.nodeIntegration };
    });
    expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys(window.waypoint).sort())).toEqual(['app', 'settings']);
  });

  test('settings are kept by the main process and the language switch turns the page right-to-left', async () => {
    const window = await app.firstWindow();
    await window.getByRole('link', { name: 'Settings' }).click();
    await window.getByRole('combobox', { name: 'Interface language' }).click();
    await window.getByRole('option', { name: 'العربية' }).click();
    await expect(window.locator('html')).toHaveAttribute('dir', 'rtl');
    const info = await window.evaluate(() => window.waypoint.app.info());
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron' } });
  });

  test('navigation away from the app and new windows are refused', async () => {
    const window = await app.firstWindow();
    await window.evaluate(() => window.open('https://example.org/'));
    await window.evaluate(() => (location.href = 'https://example.org/'));
    await window.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(window.url()).toMatch(/^app:\/\/waypoint\//);
  });
});
