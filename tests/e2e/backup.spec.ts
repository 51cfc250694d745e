import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test, type PreviewApp } from './fixtures';
import { createVault, PASSPHRASE, unlock } from './vault-steps';

const NEW_PASSPHRASE = 'a brand new vault passphrase here';

test.use({ vault: 'prepared' });

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

async function openSection(page: Page, name: string, title: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
  await expect(heading(page, title)).toBeVisible({ timeout: 20_000 });
}

/** The Backup and restore panel in Settings. */
async function openBackupPanel(page: Page): Promise<Locator> {
  await openSection(page, 'Settings', 'Settings');
  const panel = page.getByRole('region', { name: 'Backup and restore' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Creates a case through the cases screens, with only an alias and the person's consent. */
async function createCase(page: Page, alias: string) {
  await openSection(page, 'Cases', 'Cases');
  await page.getByRole('link', { name: 'New case' }).first().click();
  await expect(heading(page, 'New case')).toBeVisible();
  await page.getByLabel('Alias').fill(alias);
  await page.getByLabel('The person agrees that we keep this record').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(heading(page, /^WP-\d{4}-\d{4}$/)).toBeVisible();
}

async function backUp(page: Page, app: PreviewApp, passphrase = PASSPHRASE): Promise<string> {
  const panel = await openBackupPanel(page);
  await panel.getByLabel('Your vault passphrase').fill(passphrase);
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(panel.getByText(/^Backup saved in /)).toBeVisible({ timeout: 30_000 });
  const files = (await readdir(join(app.dataFolder, 'exports'))).filter((name) => name.endsWith('.wpbackup'));
  expect(files).toHaveLength(1);
  return join(app.dataFolder, 'exports', files[0]!);
}

async function checkBackup(panel: Locator, file: string, passphrase: string) {
  await panel.locator('input[type="file"]').setInputFiles(file);
  await panel.getByLabel('Passphrase of the backup').fill(passphrase);
  await panel.getByRole('button', { name: 'Check the backup' }).click();
}

async function eraseDevice(page: Page, app: PreviewApp) {
  await openSection(page, 'Settings', 'Settings');
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await page.getByLabel('Your passphrase (the browser preview asks for it before erasing)').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Erase this device' }).click();
  await expect(heading(page, 'Set up Waypoint')).toBeVisible({ timeout: 20_000 });
  await page.goto(app.server.url); // start again from the first screen, as after a restart
}

test('back up, erase the device, restore on a new vault: every case and setting comes back', async ({ page, app }) => {
  test.setTimeout(180_000);
  const aliases = ['Amal backup-e2e', 'Bashir backup-e2e', 'Chiara backup-e2e'];
  for (const alias of aliases) await createCase(page, alias);

  await openSection(page, 'Settings', 'Settings');
  const autoLock = page.getByLabel('Lock after inactivity (minutes)');
  await autoLock.fill('17');
  await autoLock.blur();
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();

  const file = await backUp(page, app);
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('WAYPOINT-BACKUP\n');
  for (const alias of aliases) expect(bytes.includes(Buffer.from(alias))).toBe(false);
  await expectNoSeriousAxeViolations(page, 'settings with the backup panel');

  await eraseDevice(page, app);
  await createVault(page, NEW_PASSPHRASE);
  await openSection(page, 'Cases', 'Cases');
  for (const alias of aliases) await expect(page.getByText(alias)).toHaveCount(0);

  const panel = await openBackupPanel(page);
  await checkBackup(panel, file, PASSPHRASE); // the passphrase of the vault that made the backup
  await expect(panel.getByText('The backup is complete and unchanged')).toBeVisible({ timeout: 30_000 });
  const contents = panel.getByRole('table', { name: 'What the backup holds' });
  await expect(contents.getByRole('row', { name: /Cases\s*3/ })).toBeVisible();
  await expect(contents.getByRole('row', { name: /Settings\s*1/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the checked backup, before restoring');
  await expect(panel.getByRole('radio', { name: /^Replace/ })).toBeChecked();
  await panel.getByRole('button', { name: 'Replace everything on this device' }).click();
  await expect(panel.getByText(/^Restored\. Records written: \d+\. The settings from the backup are in place\./)).toBeVisible();
  expect(await readdir(join(app.dataFolder, 'restore-uploads'))).toEqual([]);
  expect(JSON.parse(await readFile(join(app.dataFolder, 'settings.json'), 'utf8'))).toMatchObject({ autoLockMinutes: 17 });

  await expect(panel.getByRole('button', { name: 'Lock now and reopen' })).toBeVisible();

  // The case list, read (empty) before the restore, reads the restored cases when opened again.
  await openSection(page, 'Cases', 'Cases');
  for (const alias of aliases) await expect(page.getByText(alias).first()).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page, NEW_PASSPHRASE);
  await openSection(page, 'Cases', 'Cases');
  for (const alias of aliases) await expect(page.getByText(alias).first()).toBeVisible();
  await openSection(page, 'Settings', 'Settings');
  await expect(page.getByLabel('Lock after inactivity (minutes)')).toHaveValue('17');
});

test('a backup under its own passphrase asks for the vault passphrase too; a wrong one saves nothing', async ({ page, app }) => {
  const panel = await openBackupPanel(page);
  await panel.getByRole('radio', { name: 'Choose a different passphrase for this backup' }).check();
  await panel.getByLabel('New backup passphrase').fill(NEW_PASSPHRASE);
  await panel.getByLabel('Repeat the passphrase').fill(NEW_PASSPHRASE);
  const start = panel.getByRole('button', { name: 'Back up now' });
  await expect(start).toBeDisabled(); // until the vault passphrase is typed
  await panel.getByLabel('Your vault passphrase').fill('not the vault passphrase');
  await start.click();
  await expect(panel.getByRole('alert')).toHaveText('That passphrase is not right. Nothing was changed.', { timeout: 30_000 });
  expect(await readdir(app.dataFolder)).not.toContain('exports');

  await panel.getByLabel('Your vault passphrase').fill(PASSPHRASE);
  await start.click();
  await expect(panel.getByText(/^Backup saved in /)).toBeVisible({ timeout: 30_000 });
  const [file] = (await readdir(join(app.dataFolder, 'exports'))).filter((name) => name.endsWith('.wpbackup'));
  // The file opens with its own passphrase, not the vault's.
  await checkBackup(panel, join(app.dataFolder, 'exports', file!), PASSPHRASE);
  await expect(panel.getByRole('alert')).toContainText('That is not the passphrase this backup was made with.', { timeout: 30_000 });
  await panel.getByLabel('Passphrase of the backup').fill(NEW_PASSPHRASE);
  await panel.getByRole('button', { name: 'Check the backup' }).click();
  await expect(panel.getByText('The backup is complete and unchanged')).toBeVisible({ timeout: 30_000 });
});

test('a tampered copy and a wrong passphrase are refused with a clear message, and nothing changes', async ({ page, app }) => {
  test.setTimeout(180_000);
  await createCase(page, 'Dalia backup-e2e');
  const file = await backUp(page, app);
  await createCase(page, 'Emre backup-e2e'); // on the device, not in the backup

  const bytes = await readFile(file);
  const tampered = Buffer.from(bytes);
  tampered[Math.floor((111 + bytes.length) / 2)]! ^= 0x01; // one bit in the encrypted body
  const tamperedFile = join(app.dataFolder, 'tampered copy.wpbackup');
  await writeFile(tamperedFile, tampered);
  const truncatedFile = join(app.dataFolder, 'cut copy.wpbackup');
  await writeFile(truncatedFile, bytes.subarray(0, bytes.length - 7));

  const panel = await openBackupPanel(page);
  await checkBackup(panel, tamperedFile, PASSPHRASE);
  await expect(panel.getByRole('alert')).toHaveText('This backup file has been damaged or changed, so it cannot be trusted. Nothing was restored.', { timeout: 30_000 });
  await expectNoSeriousAxeViolations(page, 'a refused backup');

  await checkBackup(panel, truncatedFile, PASSPHRASE);
  await expect(panel.getByRole('alert')).toContainText('Nothing was restored.', { timeout: 30_000 });

  await checkBackup(panel, file, 'not the passphrase of this backup');
  await expect(panel.getByRole('alert')).toHaveText('That is not the passphrase this backup was made with. Nothing was changed.', { timeout: 30_000 });
  await expect(panel.getByText('The backup is complete and unchanged')).toHaveCount(0);
  expect(await readdir(join(app.dataFolder, 'restore-uploads'))).toHaveLength(1); // kept for another try

  // The right passphrase then opens it; the upload stays for the restore to read the files from again, and
  // cancelling writes nothing and removes it.
  await panel.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Check the backup' }).click();
  await expect(panel.getByText('The backup is complete and unchanged')).toBeVisible({ timeout: 30_000 });
  expect(await readdir(join(app.dataFolder, 'restore-uploads'))).toHaveLength(1);
  await panel.getByRole('radio', { name: /^Merge/ }).check();
  await expect(panel.getByText(/Records that differ on the two sides: 0\./)).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => readdir(join(app.dataFolder, 'restore-uploads'))).toEqual([]);

  await openSection(page, 'Cases', 'Cases');
  await expect(page.getByText('Dalia backup-e2e').first()).toBeVisible();
  await expect(page.getByText('Emre backup-e2e').first()).toBeVisible();
});
