import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { PASSPHRASE, unlock } from './vault-steps';

test.use({ vault: 'prepared' });

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
  test.setTimeout(120_000); // four unlocks, each through the real key derivation
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

test('if the shell itself fails to render, its place offers Lock and Quick exit', async ({ page, app }) => {
  test.setTimeout(120_000); // four unlocks, each through the real key derivation
  // A main process that answers app.info with a notice the shell cannot show: it throws while rendering.
  await page.route('**/__waypoint/rpc', async (route) => {
    if ((route.request().postDataJSON() as { channel: string }).channel !== 'app.info') return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as { value: { notices: unknown[] } };
    body.value.notices = [null];
    return route.fulfill({ response, json: body });
  });
  const unlockToCrash = async () => {
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(crashHeading(page)).toBeVisible({ timeout: 20_000 });
  };
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlockToCrash();
  await expect(page.getByRole('alert')).toContainText('Nothing was lost');
  await expectNoSeriousAxeViolations(page, 'shell crash');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
  await unlockToCrash();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('about:blank');
  await page.goto(app.server.url); // as the person coming back would
  await unlockToCrash();
  await page.getByRole('button', { name: 'Quick exit' }).click();
  await expect(page).toHaveURL('about:blank');
});
