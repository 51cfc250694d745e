import { writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { initialJavaScriptKb } from '../../bench/shell';
import { expect, test } from './fixtures';
import { PASSPHRASE, unlock } from './vault-steps';

test.use({ vault: 'prepared' });

const sections = [
  { link: 'Directory', heading: 'Directory' },
  { link: 'Legal references', heading: 'Legal references' },
  { link: 'Cases', heading: 'Cases' },
  { link: 'Settings', heading: 'Settings' },
];

async function chooseLanguage(page: Page, label: string | RegExp, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

// Needs no page: the build this layer runs against is the figure. The bench prints it too.
test('the first screen loads at most 200 KB of JavaScript, gzipped', async () => {
  expect(await initialJavaScriptKb(resolve(import.meta.dirname, '../../out'))).toBeLessThanOrEqual(200);
});

test('the shell shows its landmarks and opens on the directory', async ({ page }) => {
  await expect(page.getByRole('banner')).toContainText('Waypoint');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  await expect(page).toHaveTitle('Waypoint');
});

test('every section is reachable with the keyboard alone', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Start away from the Directory, where the app opens, so every link leads somewhere new.
  for (const section of [...sections.slice(1), sections[0]!]) {
    // A click on the empty header moves the starting point of Tab to the top of the page.
    await page.getByRole('banner').click({ position: { x: 400, y: 5 } });
    let reached = false;
    for (let presses = 0; presses < 15 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((name) => document.activeElement?.textContent?.trim() === name, section.link);
    }
    expect(reached, `Tab reaches "${section.link}"`).toBe(true);
    await page.keyboard.press('Enter');
    // Reading starts at the new page's heading, even when the page loaded lazily.
    await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeFocused();
    await expect(page.getByRole('link', { name: section.link })).toHaveAttribute('aria-current', 'page');
  }
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The skip link comes first in the page, just before the header: one step back from the header's start.
  await page.getByRole('banner').click({ position: { x: 400, y: 5 } });
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test.describe(() => {
  test.use({ profile: 'on-disk' }); // restarts the browser on its profile
  test('settings persist across a reload and a restart of the browser', async ({ page, app }) => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const minutes = page.getByRole('textbox', { name: 'Lock after inactivity (minutes)' });
    await minutes.fill('12');
    await minutes.blur();
    await expect(page.getByRole('status')).toHaveText('Settings saved');
    await page.getByRole('combobox', { name: 'Home country' }).fill('Greece');
    await page.getByRole('option', { name: 'Greece' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved');

    await page.reload();
    await unlock(page);
    await expect(page.getByRole('textbox', { name: 'Lock after inactivity (minutes)' })).toHaveValue('12');
    await expect(page.getByRole('combobox', { name: 'Home country' })).toHaveValue('Greece');

    const restarted = await app.restartBrowser();
    await unlock(restarted);
    await restarted.getByRole('link', { name: 'Settings' }).click();
    await expect(restarted.getByRole('combobox', { name: 'Home country' })).toHaveValue('Greece');
  });
});

test('Arabic turns the interface right-to-left, and stays so after a reload', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseLanguage(page, 'Interface language', 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'الإعدادات' })).toBeVisible();
  // The navigation sits on the right in a right-to-left layout.
  const navigation = await page.getByRole('navigation').boundingBox();
  expect(navigation!.x).toBeGreaterThan(600);

  // The lock screen after a reload is in Arabic too.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'Waypoint مقفل' })).toBeVisible();
  await page.getByLabel('عبارة المرور').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'فتح القفل' }).click();
  await expect(page.getByRole('link', { name: 'الدليل' })).toBeVisible({ timeout: 20_000 });

  await chooseLanguage(page, 'لغة الواجهة', 'English');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('a corrupt settings file is set aside and the user is told', async ({ app }) => {
  await mkdir(app.dataFolder, { recursive: true });
  await writeFile(join(app.dataFolder, 'settings.json'), '{"language": ');
  // A new preview server reads the settings afresh, as the app does at start.
  const page = await app.restartServer();
  await unlock(page);
  await expect(page.getByRole('alert')).toContainText('The settings file could not be read');
  await expect(page.getByRole('alert')).toContainText('settings.corrupt-');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the page makes no request to any origin but its own', async ({ page, app }) => {
  for (const section of sections) {
    await page.getByRole('link', { name: section.link }).click();
    await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const origin = new URL(app.server.url).origin;
  expect(app.requests.length).toBeGreaterThan(5);
  expect(app.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
});
