import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { keepSecret, PASSPHRASE, unlock } from './vault-steps';

test.use({ vault: 'prepared' });

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('Change keys in Settings: records re-encrypted, a new recovery key shown once, the page locks, and the passphrase opens the same records', async ({ page }) => {
  test.setTimeout(120_000);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('Alias').fill('Dana key-change-e2e');
  await page.getByLabel('The person agrees that we keep this record').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(heading(page, /^WP-\d{4}-\d{4}$/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const change = page.getByRole('region', { name: 'Change keys' });
  // A wrong passphrase changes nothing, and says so.
  await change.getByLabel('Current passphrase').fill('not the passphrase at all');
  await change.getByRole('button', { name: 'Change keys' }).click();
  await expect(change.getByText(/Nothing was changed: your old keys still open the vault\./)).toBeVisible({ timeout: 30_000 });

  await change.getByLabel('Current passphrase').fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Change keys' }).click();
  await expect(change.getByTestId('recovery-key')).toBeVisible({ timeout: 60_000 });
  await expect(change.getByText('Your keys were changed. The old recovery key no longer opens the vault: store the new one below.')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the new recovery key after a change of keys');
  await keepSecret(change, 'recovery-key', '-', 'Type the last group of the key to show you have kept it', 'I have stored the recovery key safely', 'Done: lock Waypoint');

  await unlock(page, PASSPHRASE);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByText('Dana key-change-e2e')).toBeVisible({ timeout: 20_000 });
});
