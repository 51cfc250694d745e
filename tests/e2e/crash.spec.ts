import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { createVault, unlock } from './vault-steps';

/**
 * A section with a bug, without any hook in the app: the browser is handed, for the Legal section's
 * code, a page component that throws while rendering.
 */
async function breakLegalSection(page: Page) {
  await page.route(/\/assets\/LegalPage-[\w-]+\.js$/, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'export default function LegalPage() { throw new Error("a rendering bug, for the test"); }',
    }),
  );
}

const crashHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1, name: 'This page stopped working' });

test('a section that fails to render says so with a way back, and Lock and Quick exit keep working', async ({ page }) => {
  await createVault(page);
  await breakLegalSection(page);
  await page.getByRole('link', { name: 'Legal references' }).click();

  // Only the section gives way: its place says what happened and that nothing was lost.
  await expect(crashHeading(page)).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Something went wrong while showing this page. Nothing was lost: what was saved stays encrypted on this device. Lock and Quick exit still work.',
  );
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'section crash');

  // Trying again shows the same message rather than a blank page; the way back leads to a working page.
  await page.getByRole('button', { name: 'Show the page again' }).click();
  await expect(crashHeading(page)).toBeVisible();
  await page.getByRole('button', { name: 'Go to the directory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  // So do the section links.
  await page.getByRole('link', { name: 'Legal references' }).click();
  await expect(crashHeading(page)).toBeVisible();
  await page.getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  // Lock, from the broken section.
  await page.getByRole('link', { name: 'Legal references' }).click();
  await expect(crashHeading(page)).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page);
  await expect(crashHeading(page)).toBeVisible();

  // Quick exit with Escape three times, from the broken section.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('about:blank');
  await page.goBack();
  await unlock(page);
  await page.getByRole('link', { name: 'Legal references' }).click();
  await expect(crashHeading(page)).toBeVisible();

  // And with the button.
  await page.getByRole('button', { name: 'Quick exit' }).click();
  await expect(page).toHaveURL('about:blank');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
});
