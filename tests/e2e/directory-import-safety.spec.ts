import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { termId } from '../../src/shared/hsds/taxonomy';
import { deflatedZeros, zipOf } from '../unit/directory-io/zip-bomb';
import { expect, test } from './fixtures';

// Not about creating a vault: each test starts from the one the worker prepared (fixtures.ts).
test.use({ vault: 'prepared' });

test.beforeEach(async ({ page }) => {
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

  await page
    .getByRole('combobox', { name: 'Country', exact: true })
    .or(page.getByRole('textbox', { name: 'Country', exact: true }))
    .click();
  await page.getByRole('option', { name: 'United Kingdom', exact: true }).click();
  const rows = page.getByRole('region', { name: /^Emergency numbers/ }).getByRole('listitem');
  await expect(rows.first().getByRole('link', { name: '08000 121 700' })).toBeVisible();
  await expect(rows.first()).not.toContainText('Imported: not checked by Waypoint');
  const copy = rows.filter({ has: page.getByRole('link', { name: '0800 000 0000' }) });
  await expect(copy).toHaveCount(1);
  await expect(copy).toContainText('Imported: not checked by Waypoint');
  await page.screenshot({ path: test.info().outputPath('directory-emergency-imported.png'), fullPage: true });
});

test('a 1 MB zip that unpacks to 1 GiB is refused at once, with the limit, and nothing changes', async ({ page }) => {
  const bomb = deflatedZeros(Math.ceil(2 ** 30 / 258));
  const started = Date.now();
  await importFile(page, 'bomb.zip', Buffer.from(zipOf('services.csv', bomb.data, bomb.size)));
  await expect(page.getByRole('alert')).toContainText('Nothing was imported');
  await expect(page.getByRole('alert')).toContainText('larger than 256 MB');
  expect(Date.now() - started).toBeLessThan(5000);
});

test('the head office of an organization with a confidential shelter is shown only on the shelter, behind a click', async ({ page }) => {
  // HSDS from another tool: the organization's address, a shelter flagged confidential-address, and a public hotline.
  const organization = {
    id: '5f0c1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e01',
    name: 'Lantern Trust',
    locations: [
      {
        id: '5f0c1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e02',
        location_type: 'physical',
        addresses: [{ id: '5f0c1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e03', address_1: '12 Quiet Lane', city: 'Galway', country: 'IE', address_type: 'physical' }],
      },
    ],
    services: [
      {
        id: '5f0c1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e04',
        name: 'Lantern Shelter',
        status: 'active',
        attributes: [{ id: '5f0c1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e05', taxonomy_term_id: termId('waypoint-provenance', 'confidential-address'), value: 'true' }],
      },
      { id: '5f0c1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e06', name: 'Lantern Hotline', status: 'active' },
    ],
  };
  await importFile(page, 'lantern.json', Buffer.from(JSON.stringify(organization)));
  await page.getByRole('button', { name: 'Import 2 entries' }).click();
  await page.getByRole('link', { name: 'Show the directory' }).click();

  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Lantern Hotline');
  await page.getByRole('link', { name: 'Lantern Hotline' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lantern Hotline' })).toBeVisible();
  await expect(page.getByText('Quiet Lane')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reveal address' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Lantern Shelter');
  await page.getByRole('link', { name: 'Lantern Shelter' }).click();
  await expect(page.getByText('Confidential. It is never exported or printed.')).toBeVisible();
  await expect(page.getByText('Quiet Lane')).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal address' }).click();
  await expect(page.getByText('12 Quiet Lane, Galway')).toBeVisible();
});
