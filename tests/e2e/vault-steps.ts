import { expect, type Locator, type Page } from '@playwright/test';

export const PASSPHRASE = 'lantern orchard quietly seventeen';

/**
 * First run through the interface: passphrase, recovery key kept and confirmed, and the
 * getting-started guide skipped unless asked to stay. Returns the recovery key.
 * It calibrates the KDF, which takes seconds: a test that is not about creating a vault starts from
 * `test.use({ vault: 'prepared' })` instead (fixtures.ts, docs/testing.md).
 */
export async function createVault(page: Page, passphrase = PASSPHRASE, { keepGuideOpen = false } = {}): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Waypoint' })).toBeVisible();
  await page.getByLabel('New passphrase').fill(passphrase);
  await page.getByLabel('Repeat the passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create' }).click();
  // Calibration starts at the 2^17 floor (128 MiB per run): about 3 s alone, far longer on a shared machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Your recovery key' })).toBeVisible({ timeout: 60_000 });
  // The key can be printed or written down, never copied: clipboard managers and the system's clipboard history keep it.
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('button', { name: /copy/i })).toHaveCount(0);
  const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.getByLabel('Type the last group of the key to show you have kept it').fill(recoveryKey.split('-').at(-1)!);
  await page.getByLabel('I have stored the recovery key safely').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('dialog', { name: 'Getting started with Waypoint' })).toBeVisible();
  if (keepGuideOpen) return recoveryKey;
  await page.getByRole('button', { name: 'Skip the guide' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  return recoveryKey;
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible({ timeout: 20_000 });
}

/** Reads a secret shown once and proves it was kept: its last part typed, the box ticked. */
export async function keepSecret(scope: Locator, testId: string, separator: string, confirmLabel: string, storedLabel: string, done: string): Promise<string> {
  const secret = (await scope.getByTestId(testId).textContent())!.trim();
  await expect(scope.getByRole('button', { name: done })).toBeDisabled();
  await scope.getByLabel(confirmLabel).fill(secret.split(separator).at(-1)!);
  await scope.getByLabel(storedLabel).check();
  await scope.getByRole('button', { name: done }).click();
  return secret;
}
