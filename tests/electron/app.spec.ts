import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { channels } from '../../src/shared/channels';
import { defaultSettings } from '../../src/shared/settings';
import { contentSecurityPolicy } from '../../src/main/security/csp';
import { createVault } from '../e2e/vault-steps';
import { launch, newDataFolder, plan } from './launch';

const namespaces = [...new Set(channels.map((channel) => channel.split('.')[0]))].sort();

test.describe('the real Electron app', () => {
  test.skip(!plan.binary, plan.skip ?? '');

  let app: ElectronApplication;
  let userData: string;
  test.beforeEach(async () => {
    userData = await newDataFolder();
    app = await launch(userData);
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
    app = await launch(userData);
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getLocale())).toBe('fr');
  });

  test('navigation away from the app and new windows are refused', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => window.open('https://example.org/'));
    await page.evaluate(() => (location.href = 'https://example.org/'));
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/waypoint\//);
  });

  test('the content security policy and the permission and request handlers are in place', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // The page itself is served with the policy, which refuses an injected inline script.
    expect(await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))).toBe(contentSecurityPolicy);
    const inline = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(inline).toBe(false);
    // Permissions are refused (only clipboard writes, for the copy buttons, are let through).
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    expect(await page.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((status) => status.state))).toBe('denied');
    expect(
      await page.evaluate(() =>
        navigator.mediaDevices.getUserMedia({ audio: true }).then(
          () => 'granted',
          () => 'refused',
        ),
      ),
    ).toBe('refused');
    // And no request leaves for the network.
    expect(
      await page.evaluate(() =>
        fetch('https://example.org/').then(
          () => 'sent',
          () => 'blocked',
        ),
      ),
    ).toBe('blocked');
  });
});
