import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

// The `vault: 'prepared'` start most specs use: one vault per worker, a copy of it per test.
test.use({ vault: 'prepared' });
test.describe.configure({ mode: 'serial' }); // one worker, in this order

let firstHeader = '';

test('a prepared vault is unlocked on the lock screen, in a data folder of the test’s own', async ({ page, app }) => {
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  firstHeader = await readFile(join(app.dataFolder, 'vault.json'), 'utf8');
  // Removing this test's vault must leave the next test's untouched.
  await rm(join(app.dataFolder, 'vault.json'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Waypoint' })).toBeVisible();
});

test('the next test gets a fresh copy of the same vault, made once for the worker', async ({ page, app }) => {
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  expect(await readFile(join(app.dataFolder, 'vault.json'), 'utf8')).toBe(firstHeader);
});
