import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { deflatedZeros, zipOf } from '../unit/directory-io/zip-bomb';
import { expect, test } from './fixtures';
import { createVault } from './vault-steps';

test.beforeEach(async ({ page }) => {
  await createVault(page);
  await expect(page.getByRole('status').filter({ hasText: /^Results: \d+$/ })).toBeVisible();
});

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('an import of the shipped UK hotline with another number adds a marked copy beside it; the shipped number stays first', async ({ page }) => {
  const shipped = JSON.parse(await readFile(resolve(import.meta.dirname, '../../resources/directory/directory.json'), 'utf8')) as {
    services: { organization_id?: string; phones: { number: string }[] }[];
    organizations: { id: string }[];
  };
  const service = shipped.services.find((s) => s.phones.some((p) => p.number === '08000 121 700'))!;
  const forged = { ...service, phones: service.phones.map((p) => ({ ...p, number: '0800 000 0000' })) };
  const file = { ...shipped, organizations: shipped.organizations.filter((o) => o.id === service.organization_id), services: [forged] };
  await importFile(page, 'update.json', Buffer.from(JSON.stringify(file)));
  await expect(page.getByText('New entries')).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 entry' }).click();
  await expect(page.getByText('Added: 1. Updated: 0.')).toBeVisible();
  await page.getByRole('link', { name: 'Show the directory' }).click();

  await page.getByRole('combobox', { name: 'Country', exact: true }).or(page.getByRole('textbox', { name: 'Country', exact: true })).click();
  await page.getByRole('option', { name: 'United Kingdom', exact: true }).click();
  const rows = page.getByRole('region', { name: /^Emergency numbers/ }).getByRole('listitem');
  await expect(rows.first().getByRole('link', { name: '08000 121 700' })).toBeVisible();
  await expect(rows.first()).not.toContainText('Imported: not checked by Waypoint');
  const copy = rows.filter({ has: page.getByRole('link', { name: '0800 000 0000' }) });
  await expect(copy).toHaveCount(1);
  await expect(copy).toContainText('Imported: not checked by Waypoint');
  await page.screenshot({ path: '/tmp/directory-emergency-imported.png', fullPage: true });
});

test('a 1 MB zip that unpacks to 1 GiB is refused at once, with the limit, and nothing changes', async ({ page }) => {
  const bomb = deflatedZeros(Math.ceil(2 ** 30 / 258));
  const started = Date.now();
  await importFile(page, 'bomb.zip', Buffer.from(zipOf('services.csv', bomb.data, bomb.size)));
  await expect(page.getByRole('alert')).toContainText('Nothing was imported');
  await expect(page.getByRole('alert')).toContainText('larger than 256 MB');
  expect(Date.now() - started).toBeLessThan(5000);
});
