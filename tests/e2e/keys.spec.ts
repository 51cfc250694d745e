import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { keepSecret, PASSPHRASE, unlock } from './vault-steps';

test.use({ vault: 'prepared' });

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

async function openSection(page: Page, name: string, title: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
  await expect(heading(page, title)).toBeVisible({ timeout: 20_000 });
}

test('an older backup warns before restoring; a suggested passphrase and a new recovery key replace the old ones', async ({ page, app }) => {
  test.setTimeout(180_000);
  // A backup, then a change on this device: the backup is now older than the device.
  await openSection(page, 'Settings', 'Settings');
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  await backup.getByLabel('Your vault passphrase').fill(PASSPHRASE);
  await backup.getByRole('button', { name: 'Back up now' }).click();
  await expect(backup.getByText(/^Backup saved in /)).toBeVisible({ timeout: 30_000 });
  const [file] = (await readdir(join(app.dataFolder, 'exports'))).filter((name) => name.endsWith('.wpbackup'));
  await openSection(page, 'Cases', 'Cases');
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('Alias').fill('Dana keys-e2e');
  await page.getByLabel('The person agrees that we keep this record').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(heading(page, /^WP-\d{4}-\d{4}$/)).toBeVisible();

  await openSection(page, 'Settings', 'Settings');
  await backup.locator('input[type="file"]').setInputFiles(join(app.dataFolder, 'exports', file!));
  await backup.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await backup.getByRole('button', { name: 'Check the backup' }).click();
  await expect(backup.getByTestId('backup-made')).toHaveText(/^Backup made on .*\d/, { timeout: 30_000 });
  const older = backup.getByRole('alert').filter({ hasText: 'This backup is older than what is on this device' });
  await expect(older).toContainText('Nothing changes until you confirm.');
  await backup.getByRole('button', { name: 'Cancel' }).click();
  await expect(older).toHaveCount(0);

  // Change the passphrase to a suggested one: shown once, taken after its last word is typed.
  const change = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Change passphrase' }) });
  await change.getByLabel('Current passphrase').fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Suggest a passphrase' }).click();
  await expect(change.getByTestId('suggested-passphrase')).toHaveText(/^[a-z-]+( [a-z-]+){5}$/);
  await expectNoSeriousAxeViolations(page, 'a suggested passphrase');
  const suggested = await keepSecret(
    change,
    'suggested-passphrase',
    ' ',
    'Type the last word to show you have kept it',
    'I have learned or written down the passphrase',
    'Use this passphrase',
  );
  await expect(change.getByTestId('suggested-passphrase')).toHaveCount(0);
  await expect(change.getByText('The suggested passphrase is filled in below (hidden).')).toBeVisible();
  await expect(change.getByText('Strength: very strong')).toBeVisible();
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByText('Passphrase changed. Use the new one from now on.')).toBeVisible({ timeout: 30_000 });

  // A new recovery key alone, after the (new) passphrase.
  const renew = page.getByRole('region', { name: 'New recovery key' });
  await renew.getByLabel('Current passphrase').fill(suggested);
  await renew.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(renew.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  const recoveryKey = await keepSecret(renew, 'recovery-key', '-', 'Type the last group of the key to show you have kept it', 'I have stored the recovery key safely', 'Done');
  await expect(renew.getByText('The new recovery key is in place. The old one no longer opens Waypoint.')).toBeVisible();

  // The suggested passphrase unlocks; the new recovery key recovers, and a newer one is offered at once.
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page, suggested);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Forgot your passphrase? Use the recovery key' }).click();
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByLabel('New passphrase').fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  const offer = page.getByRole('dialog', { name: 'You used the recovery key' });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await expect(offer.getByRole('button', { name: 'Make a new recovery key' })).toBeVisible();
  await offer.getByRole('button', { name: 'Later' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
