import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSPHRASE, unlock } from './vault-steps';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const year = new Date().getFullYear();
const code = (sequence: number) => `WP-${year}-${String(sequence).padStart(4, '0')}`;

async function openCases(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await expect(heading(page, 'Cases')).toBeVisible();
  await heading(page, 'Cases').hover(); // a hovered navigation link has a lighter colour than axe should judge
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills the new case form as a caseworker would; returns on the new case's page. */
async function createCase(page: Page, details: { alias?: string; tags?: string[]; exploitation?: string }): Promise<string> {
  await page.getByRole('link', { name: 'New case' }).first().click();
  await expect(heading(page, 'New case')).toBeVisible();
  if (details.alias) await page.getByLabel('Alias').fill(details.alias);
  await page.getByLabel('Assigned caseworker').fill('Caseworker R');
  for (const tag of details.tags ?? []) {
    await page.getByRole('combobox', { name: 'Tags' }).fill(tag);
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
  }
  await pick(page, 'Gender', 'Woman or girl');
  if (details.exploitation) {
    await pick(page, 'Types of exploitation', details.exploitation);
    await heading(page, 'New case').click(); // closes the dropdown
  }
  await page.getByLabel('The person agrees that we keep this record').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  const title = heading(page, /^WP-\d{4}-\d{4}$/);
  await expect(title).toBeVisible();
  return (await title.textContent())!;
}

async function addNote(page: Page, text: string) {
  await page.getByLabel('New note').fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('list', { name: 'Notes, newest first' }).getByText(text)).toBeVisible();
}

test.use({ vault: 'prepared' });

test('a case from the empty list to notes, status changes and history', async ({ page }) => {
  await openCases(page);
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await expect(page.getByText('To start, choose New case.')).toBeVisible();

  // Validation shows next to the field, and nothing is saved.
  await page.getByRole('link', { name: 'New case' }).click();
  await expect(page.getByText(code(1))).toBeVisible();
  await page.getByLabel('Year of birth').fill('2999');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText('Enter a year between 1900 and the year the person was identified.')).toBeVisible();
  await page.getByLabel('Year of birth').fill('1990');
  await page.getByLabel('Alias').fill('Amal');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(heading(page, code(1))).toBeVisible();
  await expect(page.getByText('Alias: Amal')).toBeVisible();
  await expect(page.getByText('Open', { exact: true }).first()).toBeVisible();

  await addNote(page, 'First meeting at the drop-in centre.');
  await addNote(page, 'Interpreter booked for Tuesday.');
  const notes = page.getByRole('list', { name: 'Notes, newest first' });
  await expect(notes.getByRole('listitem').first()).toContainText('Interpreter booked for Tuesday.');

  // Edit the older note: the earlier wording stays viewable.
  const older = notes.getByRole('listitem').filter({ hasText: 'First meeting' });
  await older.getByRole('button', { name: 'Edit note' }).click();
  await expect(older.getByLabel('Note text')).toBeFocused(); // focus follows the buttons swapped for the box
  await older.getByLabel('Note text').fill('First meeting at the drop-in centre, with an interpreter.');
  await older.getByRole('button', { name: 'Save note' }).click();
  await expect(older).toContainText(/Edited/);
  await expect(older.getByRole('button', { name: 'Edit note' })).toBeFocused();
  await older.getByRole('button', { name: 'Earlier versions (1)' }).click();
  await expect(older.getByRole('list', { name: 'Earlier versions, newest first' })).toContainText('First meeting at the drop-in centre.');

  // Close, reopen, mark referred: each change is dated in the history.
  const history = page.getByRole('region', { name: 'Status history' });
  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(history.getByRole('listitem')).toHaveText([/^Open: /, /^Closed: /]);
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeFocused(); // not lost with the button that went away
  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.getByRole('button', { name: 'Mark referred' }).click();
  await expect(history.getByRole('listitem')).toHaveText([/^Open: /, /^Closed: /, /^Open: /, /^Referred: /]);
  await expect(page.getByRole('button', { name: 'Mark referred' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Profile' }).click();
  await expect(page.getByRole('table', { name: 'Profile' })).toContainText('1990');
  await page.screenshot({ path: test.info().outputPath('cases-detail-en.png'), fullPage: true });
});

test.describe(() => {
  test.use({ profile: 'on-disk' }); // restarts the browser on its profile
  test('the case and its notes are still there after a restart', async ({ app, page }) => {
    await openCases(page);
    const caseCode = await createCase(page, { alias: 'Noor', tags: ['housing'] });
    await addNote(page, 'Shelter place confirmed.');

    const again = await app.restartBrowser();
    await unlock(again);
    await openCases(again);
    await again.getByRole('link', { name: caseCode }).click();
    await expect(heading(again, caseCode)).toBeVisible();
    await expect(again.getByText('Alias: Noor')).toBeVisible();
    await expect(again.getByRole('list', { name: 'Notes, newest first' })).toContainText('Shelter place confirmed.');
  });
});

test('filters and search find cases as you type', async ({ page }) => {
  await openCases(page);
  await createCase(page, { alias: 'Amal', tags: ['housing'], exploitation: 'Forced labour' });
  await addNote(page, 'Asked about the orchard wages.');
  await page.getByRole('link', { name: 'All cases' }).click();
  const second = await createCase(page, { alias: 'Rosa', tags: ['court'], exploitation: 'Sexual exploitation' });
  await page.getByRole('button', { name: 'Close case' }).click();
  await page.getByRole('link', { name: 'All cases' }).click();
  await createCase(page, { tags: ['housing', 'legal'] });
  await page.getByRole('link', { name: 'All cases' }).click();

  const count = page.getByRole('status').filter({ hasText: /^Cases/ });
  await expect(count).toHaveText('Cases: 3');
  const table = page.getByRole('table', { name: 'Cases, most recently updated first' });

  await page.getByLabel('Search cases').fill('ros');
  await expect(count).toHaveText('Cases found: 1');
  await expect(table.getByRole('link')).toHaveText([second]);
  // Notes are searched too.
  await page.getByLabel('Search cases').fill('orchard');
  await expect(count).toHaveText('Cases found: 1');
  await expect(table).toContainText('Amal');
  await page.getByLabel('Search cases').fill('');

  await page.getByText('Closed (1)').click();
  await expect(count).toHaveText('Cases found: 1');
  await expect(table.getByRole('link')).toHaveText([second]);
  await page.getByText('All (3)').click();

  await pick(page, 'Tag', 'housing');
  await expect(count).toHaveText('Cases found: 2');
  await pick(page, 'Type of exploitation', 'Forced labour');
  await expect(count).toHaveText('Cases found: 1');
  await expect(table).toContainText('Amal');

  const today = new Date();
  const tomorrow = new Date(today.getTime() + 86_400_000);
  const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Opened from').fill(day(tomorrow));
  await expect(count).toHaveText('Cases found: 0');
  await expect(page.getByText('No case matches.')).toBeVisible();
  await page.getByLabel('Opened from').fill(day(today));
  await expect(count).toHaveText('Cases found: 1');
  await page.screenshot({ path: test.info().outputPath('cases-list-en.png'), fullPage: true });
});

test('a deleted case is gone with its notes, also after a reload', async ({ page }) => {
  await openCases(page);
  const caseCode = await createCase(page, { alias: 'Lina' });
  await addNote(page, 'Note that must go too.');
  const url = page.url();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Delete case ${caseCode}?` });
  await expect(dialog).toContainText('with all its notes and checklists');
  const confirm = dialog.getByRole('button', { name: 'Delete case' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${caseCode} to confirm`).fill(caseCode);
  await confirm.click();
  await expect(heading(page, 'Cases')).toBeVisible();
  await expect(page.getByText(`Case ${caseCode} was deleted`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  await page.reload();
  await unlock(page);
  await page.goto(url);
  await expect(heading(page, 'Case not found')).toBeVisible();
  const rows = await page.evaluate(async () => {
    const open = indexedDB.open('waypoint');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const count = (table: string) =>
      new Promise<number>((resolve) => {
        const request = db.transaction(table).objectStore(table).count();
        request.onsuccess = () => resolve(request.result);
      });
    return { cases: await count('cases'), notes: await count('notes') };
  });
  expect(rows).toEqual({ cases: 0, notes: 0 });
});

test('exports de-identified HTCDS CSV and warns that the file is not encrypted', async ({ app, page }) => {
  await openCases(page);
  await createCase(page, { alias: 'Samira', tags: ['legal'], exploitation: 'Forced labour' });
  await page.getByRole('link', { name: 'All cases' }).click();

  await page.getByRole('button', { name: 'Export HTCDS CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export cases as HTCDS CSV' });
  await expect(dialog).toContainText('The only case will be exported.');
  await expect(dialog).toContainText('The file will not be encrypted');
  await expect(dialog.getByLabel('De-identified')).toBeChecked();
  await dialog.getByRole('button', { name: 'Save CSV file' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved to');

  const folder = join(app.dataFolder, 'exports');
  const [file] = await readdir(folder);
  expect(file, 'a default name without case codes or aliases').toMatch(/^waypoint-cases-deidentified-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(join(folder, file!), 'utf8');
  const [header, row] = csv.trim().split('\r\n');
  expect(header!.split(',')).toEqual(expect.arrayContaining(['cas_Status', 'prs_Gender', 'vic_TypeOfExploitation', 'con_Consent', 'spl_Type']));
  expect(header).not.toContain('wp_Alias');
  expect(header).not.toContain('wp_CaseCode');
  expect(csv).not.toContain('Samira');
  expect(csv).not.toContain('Caseworker R');
  expect(row).toContain('Active');
  expect(row).toContain('ForcedLabour');
});

test('the identifying HTCDS CSV asks for the vault passphrase, checked before anything is written', async ({ app, page }) => {
  await openCases(page);
  await createCase(page, { alias: 'Samira', tags: ['legal'], exploitation: 'Forced labour' });
  await page.getByRole('link', { name: 'All cases' }).click();

  await page.getByRole('button', { name: 'Export HTCDS CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export cases as HTCDS CSV' });
  await expect(dialog.getByLabel('Your vault passphrase')).toHaveCount(0); // the de-identified file does not need it
  await dialog.getByLabel('De-identified').uncheck();
  const save = dialog.getByRole('button', { name: 'Save CSV file' });
  await expect(save).toBeDisabled();
  await dialog.getByLabel('Your vault passphrase').fill('not the vault passphrase');
  await save.click();
  await expect(dialog.getByText('That passphrase is not right. Nothing was changed.')).toBeVisible();
  expect(await readdir(app.dataFolder)).not.toContain('exports');

  await dialog.getByLabel('Your vault passphrase').fill(PASSPHRASE);
  await save.click();
  await expect(dialog.getByRole('status')).toContainText('Saved to');
  const folder = join(app.dataFolder, 'exports');
  const [file] = await readdir(folder);
  expect(await readFile(join(folder, file!), 'utf8')).toContain('Samira');
  await expect(dialog.getByLabel('Your vault passphrase')).toHaveValue('');
});
