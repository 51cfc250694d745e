import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { unlock } from './vault-steps';

// Not about creating a vault: each test starts from the one the worker prepared (fixtures.ts).
test.use({ vault: 'prepared' });

/** Picks a country in the directory's searchable Country select, as a person would. */
async function chooseCountry(page: Page, country: string) {
  await page
    .getByRole('textbox', { name: 'Country', exact: true })
    .or(page.getByRole('combobox', { name: 'Country', exact: true }))
    .click();
  await page.getByRole('option', { name: country, exact: true }).click();
}

const panel = (page: Page) => page.getByRole('region', { name: /^Emergency numbers/ });
/** The panel's row for one number. */
const row = (page: Page, number: string) =>
  panel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: number, exact: true }) });

test.describe('emergency panel: whether each number is confirmed, and when', () => {
  test.beforeEach(async ({ page }) => {
    await expect(page.getByRole('status').filter({ hasText: /^Results: \d+$/ })).toBeVisible();
  });

  test('a country none of whose numbers an official source confirmed says so in the heading, and per number', async ({ page }) => {
    await chooseCountry(page, 'Egypt');
    await expect(panel(page).getByRole('heading')).toHaveText('Emergency numbers: Egypt (none confirmed by an official source)');
    const police = row(page, '122');
    await expect(police).toContainText('Police');
    await expect(police).toContainText('Not verified');
    await expect(police).toContainText('Checked against a source on December 7, 2026.');
    // Listed in the dataset only: said in words beside the number.
    await expect(row(page, '128')).toHaveCount(0); // traffic police has no emergency role, so it is not offered here
    await page.screenshot({ path: test.info().outputPath('emergency-panel-eg.png'), fullPage: true });
  });

  test('numbers read on an official page are verified; numbers never read in a source say so', async ({ page }) => {
    await chooseCountry(page, 'Russia');
    await expect(panel(page).getByRole('heading')).toHaveText('Emergency numbers: Russia');
    const ambulance = row(page, '103');
    await expect(ambulance).toContainText('Ambulance');
    await expect(ambulance).toContainText('Verified');
    await expect(ambulance).toContainText('Checked against a source on December 7, 2026.');

    await chooseCountry(page, 'Indonesia');
    const datasetOnly = row(page, '118');
    await expect(datasetOnly).toContainText('Not verified');
    await expect(datasetOnly).toContainText('Not read in any source');
    // A record nobody re-checked is dated by when its facts were read, never as "verified" on that day.
    await chooseCountry(page, 'Saudi Arabia');
    await expect(panel(page).getByRole('listitem').first()).toContainText('Taken from reference facts read no later than November 28, 2026; not checked since.');
    await page.screenshot({ path: test.info().outputPath('emergency-panel-sa.png'), fullPage: true });
  });

  test("the entry page dates its check, says when its only source is old, and shows the check's notes", async ({ page }) => {
    await chooseCountry(page, 'Jamaica');
    await panel(page)
      .getByRole('link', { name: /National Taskforce Against Trafficking/ })
      .click();
    await expect(page.getByText('Checked against a source on December 7, 2026.')).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'Its newest source is dated April 5, 2019, more than three years ago.' })).toBeVisible();
    await expect(page.getByText('Notes from the check (in English)')).toBeVisible();
    await expect(page.getByText('Last verified')).toHaveCount(0);
  });
});

test('a number that did not work is recorded on its entry, shown in the panel, and exported as a correction list', async ({ app, page }) => {
  await chooseCountry(page, 'Egypt');
  await panel(page).getByRole('link', { name: 'Emergency numbers (police, ambulance, fire)' }).first().click();
  const reports = page.getByRole('region', { name: 'Numbers that did not work' });
  // The first of the entry's numbers is chosen already.
  await expect(reports.getByRole('combobox', { name: 'Number' })).toHaveValue('122');
  await reports.getByLabel('Day it did not work').fill('2026-12-05');
  await reports.getByLabel('Note (optional)').fill('=1+1 no answer after 20 rings');
  await reports.getByRole('button', { name: 'Record: this number did not work' }).click();
  await expect(reports.getByRole('status')).toHaveText('Recorded.');
  await expect(reports).toContainText('122 did not work on December 5, 2026');
  await page.screenshot({ path: test.info().outputPath('number-report-entry.png'), fullPage: true });

  await reports.getByRole('button', { name: 'Export the correction list (CSV)' }).click();
  await expect(reports.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
  const folder = join(app.dataFolder, 'exports');
  const file = (await readdir(folder)).find((name) => name.startsWith('waypoint-number-corrections-'))!;
  const csv = await readFile(join(folder, file), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('reported_on,number,service,country,service_id,source,note');
  expect(csv).toContain('2026-12-05,122,"Emergency numbers (police, ambulance, fire)",EG,');
  expect(csv).toContain("'=1+1 no answer after 20 rings");

  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await chooseCountry(page, 'Egypt');
  await expect(row(page, '122')).toContainText('You noted it did not work on December 5, 2026');
  await expect(row(page, '123')).not.toContainText('You noted');
});

test('the directory says when its data was built, and after a year that it may be out of date', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2028-01-10T10:00:00Z'));
  await page.reload(); // locks
  await unlock(page);
  const age = page.getByTestId('data-age');
  await expect(age).toContainText('The shipped directory was built on December 7, 2026');
  await expect(age).toContainText('This data is more than a year old.');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Legal references' }).click();
  await expect(page.getByTestId('data-age')).toContainText('Country treaty rows built on December 7, 2026');
  await expect(page.getByTestId('data-age')).toContainText('This data is more than a year old.');
});

test('within a year, the directory and legal pages say when the data was built, without a warning', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-06-01T10:00:00Z'));
  await page.reload(); // locks
  await unlock(page);
  await expect(page.getByTestId('data-age')).toContainText('The shipped directory was built on December 7, 2026');
  await expect(page.getByTestId('data-age')).not.toContainText('more than a year old');
});

test('a country profile shows the Trafficking Protocol as confirmed, or since when it is not', async ({ page }) => {
  await page.evaluate(() => (window.location.hash = '#/legal/countries/JP'));
  const palermo = page.getByRole('row').filter({ hasText: 'Trafficking in Persons Protocol' }).first();
  await expect(palermo).toContainText('Party');
  await expect(palermo).toContainText('Checked:');
  await expect(palermo).not.toContainText('Not confirmed since');
  // Its hotlines carry the directory's words on verification.
  const hotline = page.getByRole('article').filter({ hasText: 'IOM Tokyo' });
  await expect(hotline).toContainText('Not verified');
  await expect(hotline).toContainText('Taken from reference facts read no later than November 28, 2026; not checked since.');
  await page.screenshot({ path: test.info().outputPath('legal-country-jp.png'), fullPage: true });

  await page.evaluate(() => (window.location.hash = '#/legal/countries/UG'));
  const uganda = page.getByRole('row').filter({ hasText: 'Trafficking in Persons Protocol' }).first();
  await expect(uganda).toContainText('Signed by the date shown; whether it has ratified since is not known here');
  await expect(uganda).toContainText('Not confirmed since 2014');
  await expect(uganda.getByRole('link', { name: /Current status at the depositary/ })).toHaveAttribute('href', /^https:\/\/treaties\.un\.org\//);
  await page.screenshot({ path: test.info().outputPath('legal-country-ug.png'), fullPage: true });
});
