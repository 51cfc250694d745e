import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { FLOOR_LOG_N, RECOVERY_LOG_N } from '../../src/main/services/vault/kdf';
import { expect, test } from './fixtures';

// The `vault: 'prepared'` start most specs use: one vault per worker, a copy of it per test.
test.use({ vault: 'prepared' });
test.describe.configure({ mode: 'serial' }); // one worker, in this order

let firstHeader = '';
let firstBrowser: Browser | null = null;
let firstContext: BrowserContext | null = null;

test('a prepared vault is unlocked on the lock screen, in a data folder of the test’s own', async ({ page, app }) => {
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  firstHeader = await readFile(join(app.dataFolder, 'vault.json'), 'utf8');
  // At the KDF floor, the cheapest unlock a real vault can have, never below it; the recovery wrap as the app makes it.
  const { wraps } = JSON.parse(firstHeader) as { wraps: Record<'passphrase' | 'recovery', { kdf: object }> };
  expect(wraps.passphrase.kdf).toMatchObject({ N: 2 ** FLOOR_LOG_N, r: 8, p: 1 });
  expect(wraps.recovery.kdf).toMatchObject({ N: 2 ** RECOVERY_LOG_N, r: 8, p: 1 });
  // Removing this test's vault must leave the next test's untouched.
  await rm(join(app.dataFolder, 'vault.json'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Waypoint' })).toBeVisible();
  firstBrowser = app.context.browser();
  firstContext = app.context;
});

test('the next test gets a fresh copy of the same vault, made once for the worker, in a new context of the same Chromium', async ({ page, app }) => {
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  expect(await readFile(join(app.dataFolder, 'vault.json'), 'utf8')).toBe(firstHeader);
  expect(app.context.browser()).toBe(firstBrowser);
  expect(app.context).not.toBe(firstContext);
  // The profile lives in memory: what needs it on disk says so rather than work on nothing.
  expect(() => app.profileFolder).toThrow("test.use({ profile: 'on-disk' })");
  await expect(app.restartBrowser()).rejects.toThrow("test.use({ profile: 'on-disk' })");
});
