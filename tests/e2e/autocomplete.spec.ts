import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault, unlock } from './vault-steps';

// Every page of every test reports form fields shown without autocomplete="off" (see fixtures.ts), and the test fails on
// any. This walk visits every page and dialog with form fields, so each of them is looked at at least once.

/** The form fields on the page now that can take typed text or a choice (hidden inputs hold none). */
const countFields = (page: Page) => page.locator('input:not([type="hidden"]), textarea, select').count();

// Dialogs are closed with their Close button: Escape three times in a row is the quick exit.
const closeDialog = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();

test('every form field of every page and dialog has autocomplete off', async ({ page }) => {
  test.setTimeout(180_000);
  const seen: Record<string, number> = {};
  const stop = async (where: string) => {
    seen[where] = await countFields(page);
  };

  // First run: passphrase, recovery key, getting started.
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Waypoint' })).toBeVisible();
  await stop('create vault');
  await createVault(page);

  // Directory: search and filters, an entry with its private note, an entry of one's own, import and export.
  await expect(page.getByRole('searchbox', { name: 'Search the directory' })).toBeVisible();
  await stop('directory');
  await page.getByRole('link', { name: 'Add an entry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an entry' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a number' }).click();
  await stop('directory entry form');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Walk-through shelter');
  await page.getByRole('combobox', { name: 'Country', exact: true }).click();
  await page.getByRole('option', { name: 'Ireland', exact: true }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walk-through shelter' })).toBeVisible();
  await stop('directory entry');
  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import HSDS data' })).toBeVisible();
  await stop('directory import');
  await nav(page, 'Directory');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Export the directory' })).toBeVisible();
  await stop('directory export dialog');
  await closeDialog(page);

  // Legal references.
  await nav(page, 'Legal references');
  await expect(page.getByRole('heading', { level: 1, name: 'Legal references' })).toBeVisible();
  await stop('legal');

  // Cases: the list with its filters, the case form, a case with notes, every kind of checklist answer, the summary,
  // the PDF and delete dialogs, the templates and the template editor.
  await nav(page, 'Cases');
  await page.getByRole('link', { name: 'New case' }).first().click();
  await expect(page.getByLabel('Alias')).toBeVisible();
  await stop('case form');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByLabel('New note').fill('First meeting.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('list', { name: 'Notes, newest first' }).getByRole('button', { name: 'Edit note' }).click();
  await stop('case with a note being edited');
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: 'Start a checklist' }).click();
  const start = page.getByRole('dialog', { name: 'Start a checklist' });
  await stop('start a checklist dialog');
  await start.getByRole('radio', { name: /^Informed consent/ }).click();
  await start.getByRole('button', { name: 'Start', exact: true }).click();
  await page
    .getByRole('radiogroup', { name: /^Does the person agree that information about them is shared/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page
    .getByRole('radiogroup', { name: /^Has the person withdrawn any consent/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('button', { name: 'Add a note' }).first().click();
  await stop('checklist runner');
  await page.getByRole('tabpanel', { name: 'Checklists' }).getByRole('button', { name: 'Export as PDF' }).click();
  await stop('checklist PDF dialog');
  await closeDialog(page);
  await page.getByRole('tab', { name: 'Screening summary' }).click();
  await page.getByRole('button', { name: 'Export as PDF' }).first().click();
  await stop('case PDF dialog');
  await closeDialog(page);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /^Delete case / })).toBeVisible();
  await stop('delete case dialog');
  await closeDialog(page);
  await nav(page, 'Cases');
  await expect(page.getByRole('searchbox', { name: 'Search cases' })).toBeVisible();
  await stop('case list');
  await page.getByRole('button', { name: 'Export HTCDS CSV' }).click();
  await page.getByRole('dialog', { name: 'Export cases as HTCDS CSV' }).getByLabel('De-identified').uncheck();
  await expect(page.getByRole('dialog', { name: 'Export cases as HTCDS CSV' }).getByLabel('Your vault passphrase')).toBeVisible();
  await stop('case CSV export dialog');
  await closeDialog(page);
  await page.evaluate(() => (window.location.hash = '#/cases/templates'));
  await page.getByRole('button', { name: 'Duplicate Initial screening: the three elements' }).click();
  await page.getByRole('group', { name: 'Section 1' }).getByRole('button', { name: 'Add a question' }).click();
  await stop('template editor');

  // Settings: language, auto-lock, passphrase, erase limit, backup and restore, erase.
  await nav(page, 'Settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  // The erase limit's number field shows once it is on (a text field: the check keeps it out of the passphrase's form).
  await page.getByRole('switch', { name: 'Erase everything after a number of wrong passphrases in a row' }).click();
  await expect(page.getByLabel('Wrong attempts before erasing')).toBeVisible();
  await stop('settings');

  // Locked, and the recovery screen.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
  await stop('lock screen');
  await page.getByRole('button', { name: 'Forgot your passphrase? Use the recovery key' }).click();
  await expect(page.getByLabel('Recovery key')).toBeVisible();
  await stop('recover screen');
  await page.reload();
  await unlock(page);

  // The walk saw form fields where it meant to: the check above (in fixtures.ts) had something to look at.
  for (const where of [
    'create vault',
    'directory',
    'directory entry form',
    'directory entry',
    'case form',
    'checklist runner',
    'case list',
    'template editor',
    'settings',
    'lock screen',
    'recover screen',
  ]) {
    expect(seen[where], `form fields on the ${where} page`).toBeGreaterThan(0);
  }
});
