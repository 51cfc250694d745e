import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';

const fixtures = resolve(import.meta.dirname, '../fixtures/directory-import');

test.use({ vault: 'prepared' });

test.beforeEach(async ({ page }) => {
  await expect(page.getByRole('status').filter({ hasText: /^Results: \d+$/ })).toBeVisible();
});

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const resultCount = (page: Page) => page.getByRole('status').filter({ hasText: /^Results: / });
const results = (page: Page) =>
  page
    .getByRole('region', { name: 'Results' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });

/** Picks an option of a Mantine select; searchable ones are typed into first, as a person would. */
async function pick(page: Page, label: string, option: string) {
  const box = page.getByRole('combobox', { name: label, exact: true }).or(page.getByRole('textbox', { name: label, exact: true }));
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function chooseCountry(page: Page, country: string) {
  await pick(page, 'Country', country);
}

test('finds entries as you type, by name and by number, with the count announced', async ({ page }) => {
  await chooseCountry(page, 'All countries');
  const search = page.getByRole('searchbox', { name: 'Search the directory' });
  await search.fill('modern slavery helpline');
  await expect(results(page).first()).toContainText('Modern Slavery & Exploitation Helpline');
  await expect(resultCount(page)).toHaveText(/^Results: [1-9]\d*$/);

  await search.fill('1-888-373');
  await expect(results(page).first()).toContainText('National Human Trafficking Hotline');
  await expect(results(page).first().getByRole('link', { name: '1-888-373-7888' })).toHaveAttribute('href', 'tel:18883737888');

  await search.fill('zzzz no such place');
  await expect(resultCount(page)).toHaveText('Results: 0');
  await expect(page.getByText('Nothing matches this search.')).toBeVisible();
});

test('each filter narrows the results', async ({ page }) => {
  await chooseCountry(page, 'All countries');
  const total = Number((await resultCount(page).textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(200);
  const countAfter = async () => {
    await expect(resultCount(page)).not.toHaveText(`Results: ${total}`);
    return Number((await resultCount(page).textContent())!.replace(/\D/g, ''));
  };

  await chooseCountry(page, 'United States');
  expect(await countAfter()).toBeLessThan(total);
  await expect(results(page).first()).toContainText('United States');
  await chooseCountry(page, 'All countries');
  await expect(resultCount(page)).toHaveText(`Results: ${total}`);

  await pick(page, 'Service', 'Shelter');
  expect(await countAfter()).toBeLessThan(total);
  await expect(results(page).first()).toContainText('Shelter');
  await pick(page, 'Service', 'Any service');

  await pick(page, 'Language', 'Spanish');
  expect(await countAfter()).toBeLessThan(total);
  await pick(page, 'Language', 'Any language');

  await pick(page, 'Who it is for', 'Children');
  expect(await countAfter()).toBeLessThan(total);
  await pick(page, 'Who it is for', 'Anyone');

  await pick(page, 'How to reach them', 'SMS');
  expect(await countAfter()).toBeLessThan(total);
  await pick(page, 'How to reach them', 'Any way');

  await page.getByRole('switch', { name: 'Open 24/7 only' }).check({ force: true });
  expect(await countAfter()).toBeLessThan(total);
  for (const card of await results(page).all()) await expect(card).toContainText('Open 24/7');
});

test('the emergency panel puts the trafficking hotline first, then emergency numbers and fallbacks', async ({ page }) => {
  await chooseCountry(page, 'All countries');
  const panel = page.getByRole('region', { name: /^Emergency numbers/ });
  await expect(panel).toContainText('Choose a country above');

  await chooseCountry(page, 'United Kingdom');
  await expect(panel.getByRole('heading')).toHaveText('Emergency numbers: United Kingdom');
  const rows = panel.getByRole('listitem');
  await expect(rows.first()).toContainText('Trafficking hotline');
  await expect(rows.first().getByRole('link', { name: '08000 121 700' })).toHaveAttribute('href', 'tel:08000121700');
  await expect(rows.last()).toContainText('Fallback referral point (not specific to trafficking)');
  await expect(rows.last()).toContainText('Crimestoppers');

  await chooseCountry(page, 'United States');
  await expect(rows.first()).toContainText('National Human Trafficking Hotline');
  await expect(rows.first().getByRole('link', { name: '233733' })).toHaveAttribute('href', 'sms:233733');

  await chooseCountry(page, 'Malaysia');
  await expect(panel).toContainText('Police, Ambulance, Fire');
  await expect(panel.getByRole('link', { name: '999', exact: true })).toHaveAttribute('href', 'tel:999');
  await expect(panel).toContainText('Child helpline');
  await page.screenshot({ path: test.info().outputPath('directory-home-en.png'), fullPage: true });
});

test('an EU member state shows the EU-wide 116 000, marked so, in its emergency panel and its results', async ({ page }) => {
  await chooseCountry(page, 'Germany');
  const panel = page.getByRole('region', { name: /^Emergency numbers/ });
  await expect(panel.getByRole('heading')).toHaveText('Emergency numbers: Germany');
  const euWide = panel.getByRole('listitem').filter({ hasText: '116 000 - European hotline for missing children' });
  await expect(euWide).toContainText('EU-wide');
  await expect(euWide.getByRole('link', { name: '116 000', exact: true })).toHaveAttribute('href', 'tel:116000');
  // Germany's own lines come first: its national child helpline, then its fallback referral point.
  await expect(panel.getByRole('listitem').last()).toContainText('116 000 - European hotline for missing children');
  await expect(panel.getByRole('listitem').first()).toContainText('Nummer gegen Kummer');
  await expect(panel.getByRole('listitem').nth(1)).toContainText("Hilfetelefon 'Gewalt gegen Frauen'");
  await expect(results(page).filter({ hasText: '116 000 - European hotline for missing children' })).toContainText('EU-wide');
  await expect(results(page).first()).toContainText('Germany');
  await page.screenshot({ path: test.info().outputPath('directory-eu-wide-de.png'), fullPage: true });

  // A country outside the EU does not get it.
  await chooseCountry(page, 'Switzerland');
  await expect(panel.getByRole('heading')).toHaveText('Emergency numbers: Switzerland');
  await expect(panel).not.toContainText('116 000');
});

test('a link with ?country= opens the directory on that country', async ({ page }) => {
  // The form `#/directory/?country=` survives the shell's routes (see the report on `#/directory?country=`).
  await page.evaluate(() => (location.hash = '#/directory/?country=GB'));
  await expect(page.getByRole('region', { name: /^Emergency numbers/ }).getByRole('heading')).toHaveText('Emergency numbers: United Kingdom');
});

test('an entry shows its channels, trust, favourite and an encrypted private note', async ({ page }) => {
  await chooseCountry(page, 'United States');
  await page.getByRole('link', { name: 'National Human Trafficking Hotline' }).first().click();
  await expect(heading(page, 'National Human Trafficking Hotline')).toBeVisible();
  await expect(page.getByText('Verified: these details were read')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy the number 1-888-373-7888' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'help@humantraffickinghotline.org' })).toHaveAttribute('href', 'mailto:help@humantraffickinghotline.org');
  const website = page.getByRole('link', { name: 'https://humantraffickinghotline.org', exact: true });
  await expect(website).toHaveAttribute('target', '_blank');
  await expect(website).toHaveAttribute('rel', 'noreferrer');
  await expect(page.getByText('Taken from reference facts read no later than November 28, 2026; not checked since.')).toBeVisible();

  const favourite = page.getByRole('button', { name: 'Favourite' });
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Your note on this entry').fill('Ask for the Spanish line; calls back within an hour.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('directory-entry-en.png'), fullPage: true });

  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await page.getByRole('switch', { name: 'Favourites only' }).check({ force: true });
  await expect(resultCount(page)).toHaveText('Results: 1');
  await page.getByRole('link', { name: 'National Human Trafficking Hotline' }).first().click();
  await expect(page.getByLabel('Your note on this entry')).toHaveValue('Ask for the Spanish line; calls back within an hour.');
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete this entry' })).toHaveCount(0);
});

test('the search index is kept while going to entries, forms and imports and back, and built again when entries change', async ({ page }) => {
  // Each build of the index starts a search worker; the first one ran while the vault was being created.
  const builds: string[] = [];
  page.on('worker', (worker) => {
    if (worker.url().includes('search-worker')) builds.push(worker.url());
  });
  await chooseCountry(page, 'United States');
  const search = page.getByRole('searchbox', { name: 'Search the directory' });
  await search.fill('trafficking hotline');
  await page.getByRole('link', { name: 'National Human Trafficking Hotline' }).first().click();
  await page.getByRole('button', { name: 'Favourite' }).click();
  await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Back to the directory' }).click();
  // The results are there at once, with the search as it was.
  await expect(search).toHaveValue('trafficking hotline');
  await expect(results(page).first()).toContainText('National Human Trafficking Hotline');
  for (const [link, title] of [
    ['Add an entry', 'Add an entry'],
    ['Import HSDS', 'Import HSDS data'],
  ] as const) {
    await page.getByRole('link', { name: link }).click();
    await expect(heading(page, title)).toBeVisible();
    await page.goBack();
    await expect(results(page).first()).toContainText('National Human Trafficking Hotline');
  }
  expect(builds).toEqual([]);

  // A new entry is a change: the index is built again, and finds it.
  await page.getByRole('link', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Lantern House Shelter');
  await pick(page, 'Country', 'United States');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(heading(page, 'Lantern House Shelter')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await search.fill('Lantern House');
  await expect(results(page).first()).toContainText('Lantern House Shelter');
  expect(builds).toHaveLength(1);
  // Both indexes were read from the prebuilt index of the shipped directory that the build made (fetched,
  // accepted by the worker in Chromium), the second with the own entry indexed and merged in.
  const ways = await page.evaluate(() => performance.getEntriesByName('waypoint:directory-index-ready').map((mark) => (mark as PerformanceMark).detail.from));
  expect(ways.length).toBeGreaterThanOrEqual(2);
  expect(new Set(ways)).toEqual(new Set(['prebuilt']));
});

test('an own entry can be deleted, with its note and favourite mark, after a confirmation naming it', async ({ page }) => {
  await page.getByRole('link', { name: 'Add an entry' }).click();
  // The shared own-entry schema: each field says what is wrong, and nothing is saved.
  const email = page.getByRole('textbox', { name: 'E-mail', exact: true });
  const web = page.getByRole('textbox', { name: /^Website/ });
  await email.fill('help@example.org?attach=notes');
  await web.fill('http://example.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Give the entry a name.')).toBeVisible();
  await expect(page.getByText('This does not look like an e-mail address.')).toBeVisible();
  await expect(page.getByText('Enter an address starting with https://')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an entry' })).toBeVisible();
  await email.fill('');
  await web.fill('');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Lantern House Shelter');
  await pick(page, 'Country', 'Ireland');
  await page.getByRole('textbox', { name: 'Number 1', exact: true }).fill('+353 1 555 0199');
  await page.getByRole('textbox', { name: 'Address', exact: true }).fill('12 Quiet Lane, Safehaven');
  await page.getByRole('switch', { name: 'Confidential address' }).check({ force: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(heading(page, 'Lantern House Shelter')).toBeVisible();
  await page.getByRole('button', { name: 'Favourite' }).click();
  await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Your note on this entry').fill('Ask for the night coordinator.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved')).toBeVisible();

  // Cancelling changes nothing.
  const remove = page.getByRole('button', { name: 'Delete this entry' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Delete this entry?' });
  await expect(dialog).toContainText('Lantern House Shelter');
  await expect(dialog).toContainText('with your private note on it and its favourite mark');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousAxeViolations(page, 'delete entry dialog');
  await page.screenshot({ path: test.info().outputPath('directory-delete-dialog-en.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(heading(page, 'Lantern House Shelter')).toBeVisible();

  await remove.click();
  await dialog.getByRole('button', { name: 'Delete entry' }).click();
  // Back at the search, which says what happened and holds the focus.
  const notice = page.getByRole('status').filter({ hasText: /was deleted from your directory\.$/ });
  await expect(notice).toContainText('Lantern House Shelter');
  await expect(notice).toBeFocused();
  await expect(heading(page, 'Directory')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('directory-deleted-en.png'), fullPage: true });

  await chooseCountry(page, 'All countries');
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Lantern House');
  await expect(resultCount(page)).toHaveText('Results: 0');
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('');
  await page.getByRole('switch', { name: 'Favourites only' }).check({ force: true });
  await expect(resultCount(page)).toHaveText('Results: 0');

  // Shipped entries offer no delete.
  await page.getByRole('switch', { name: 'Favourites only' }).uncheck({ force: true });
  await chooseCountry(page, 'United Kingdom');
  await page.getByRole('link', { name: 'Modern Slavery & Exploitation Helpline' }).first().click();
  await expect(heading(page, 'Modern Slavery & Exploitation Helpline')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete this entry' })).toHaveCount(0);
});

test('an own entry with a confidential address is marked, hidden, and left out of both exports', async ({ app, page }) => {
  const address = '12 Quiet Lane, Safehaven';
  await page.getByRole('link', { name: 'Add an entry' }).click();
  await expect(heading(page, 'Add an entry')).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Lantern House Shelter');
  await page.getByLabel('Description').fill('Short-stay shelter for women.');
  await pick(page, 'Country', 'Ireland');
  await page.getByRole('textbox', { name: 'Number 1', exact: true }).fill('+353 1 555 0199');
  await page.getByRole('textbox', { name: 'Address', exact: true }).fill(address);
  await page.getByRole('switch', { name: 'Confidential address' }).check({ force: true });
  await page.screenshot({ path: test.info().outputPath('directory-form-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(heading(page, 'Lantern House Shelter')).toBeVisible();
  await expect(page.getByText('Added by you', { exact: true })).toBeVisible();
  await expect(page.getByText(address)).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal address' }).click();
  await expect(page.getByText(address)).toBeVisible();

  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await chooseCountry(page, 'Ireland');
  await expect(results(page).filter({ hasText: 'Lantern House Shelter' })).toContainText('Added by you');

  for (const format of ['HSDS JSON file', 'HSDS Tabular Data Package (zip of CSV files)']) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the directory' });
    await expect(dialog).toContainText('The file will not be encrypted');
    await dialog.getByLabel(format).check();
    await dialog.getByRole('button', { name: 'Save export' }).click();
    await expect(dialog.getByRole('status')).toContainText('Saved to');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  }
  const folder = join(app.dataFolder, 'exports');
  const files = await readdir(folder);
  expect(files.sort()).toEqual([expect.stringMatching(/^waypoint-directory-\d{4}-\d{2}-\d{2}\.json$/), expect.stringMatching(/^waypoint-directory-\d{4}-\d{2}-\d{2}\.zip$/)]);
  const json = await readFile(
    join(
      folder,
      files.find((name) => name.endsWith('.json'))!,
    ),
    'utf8',
  );
  expect(json).toContain('Lantern House Shelter');
  expect(json).not.toContain('Quiet Lane');
  const zip = unzipSync(
    new Uint8Array(
      await readFile(
        join(
          folder,
          files.find((name) => name.endsWith('.zip'))!,
        ),
      ),
    ),
  );
  const texts = Object.values(zip)
    .map((bytes) => strFromU8(bytes))
    .join('\n');
  expect(Object.keys(zip)).toContain('services.csv');
  expect(texts).toContain('Lantern House Shelter');
  expect(texts).not.toContain('Quiet Lane');
});

test('imports a package after showing what it would add, all at once', async ({ page }) => {
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await expect(heading(page, 'Import HSDS data')).toBeVisible();
  const files = Object.fromEntries(
    await Promise.all((await readdir(join(fixtures, 'package'))).map(async (name) => [name, strToU8(await readFile(join(fixtures, 'package', name), 'utf8'))] as const)),
  );
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({ name: 'harbour-light.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
  await expect(page.getByRole('heading', { name: 'What importing harbour-light.zip would change' })).toBeVisible();
  await expect(page.getByText('New entries')).toBeVisible();
  await expect(page.getByText('Harbour Light Advice Line (United Kingdom)')).toBeVisible();
  await expect(page.getByText('There is no datapackage.json: the tables were recognised by their file names.')).toBeVisible();
  await expect(page.getByText('Nothing has been saved yet.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('directory-import-plan-en.png'), fullPage: true });

  // Nothing is written before the person says so.
  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Harbour Light');
  await expect(resultCount(page)).toHaveText('Results: 0');

  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(fixtures, 'package'));
  await page.getByRole('button', { name: 'Import 2 entries' }).click();
  await expect(page.getByText('Added: 2. Updated: 0.')).toBeVisible();
  await page.getByRole('link', { name: 'Show the directory' }).click();
  await expect(resultCount(page)).toHaveText('Results: 2');
  await expect(results(page).first()).toContainText('Imported by you');

  // The same data again changes nothing.
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(fixtures, 'package'));
  await expect(page.getByText('Everything in this import is already in your directory.')).toBeVisible();
});

test('imports the HSDS specification example as JSON', async ({ page }) => {
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(resolve(import.meta.dirname, '../fixtures/hsds/service_full.json'));
  await page.getByRole('button', { name: 'Import 1 entry' }).click();
  await page.getByRole('link', { name: 'Show the directory' }).click();
  await chooseCountry(page, 'All countries');
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Community Counselling');
  await expect(results(page).first()).toContainText('Community Counselling');
});

test('imports an HSDS 1.1 package, saying it was read as 1.1', async ({ page }) => {
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(resolve(import.meta.dirname, '../fixtures/hsds-older/hsds-1.1'));
  await expect(page.getByRole('heading', { name: 'What importing hsds-1.1 would change' })).toBeVisible();
  await expect(page.getByText('Read as HSDS 1.1: its tables and fields were mapped to HSDS 3.0 before they were checked.')).toBeVisible();
  await expect(page.getByText('Riverside Modern Slavery Helpline (United Kingdom)')).toBeVisible();
  await expect(page.getByText('Not imported: 1 service marked inactive or defunct.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('directory-import-hsds11-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'Import 2 entries' }).click();
  await expect(page.getByText('Added: 2. Updated: 0.')).toBeVisible();
  await page.getByRole('link', { name: 'Show the directory' }).click();
  await chooseCountry(page, 'All countries');
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Riverside');
  await expect(resultCount(page)).toHaveText('Results: 2');
});

test('a broken package shows file, row and field, and changes nothing', async ({ page }) => {
  await chooseCountry(page, 'All countries');
  const before = await resultCount(page).textContent();
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(fixtures, 'broken'));
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toContainText('Your directory is unchanged.');
  const row = alert.getByRole('row').nth(1);
  await expect(row.getByRole('cell')).toHaveText(['services.csv', '3', 'name', 'This field must have a value.']);
  await page.screenshot({ path: test.info().outputPath('directory-import-error-en.png'), fullPage: true });
  await expect(page.getByRole('button', { name: /^Import \d+ entr(y|ies)$/ })).toHaveCount(0);

  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({ name: 'damaged.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
  await expect(alert.getByRole('row').nth(1).getByRole('cell')).toHaveText(['damaged.zip', '—', '—', 'This is not a readable zip file.']);

  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await expect(resultCount(page)).toHaveText(before!);
});

/** A service whose service_at_location holds a service whose ... `depth` levels down: reading it once threw past the page. */
function nestedServices(depth: number): string {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  let json = `{"id":"${id(0)}","name":"Deepest","status":"active"}`;
  for (let n = 1; n <= depth; n++) json = `{"id":"${id(2 * n)}","name":"Level ${n}","status":"active","service_at_locations":[{"id":"${id(2 * n + 1)}","service":${json}}]}`;
  return json;
}

test('a file that makes reading fail ends in a clear message that nothing was imported, not in "Reading…" for ever', async ({ page }) => {
  await chooseCountry(page, 'All countries');
  const before = await resultCount(page).textContent();
  await page.getByRole('link', { name: 'Import HSDS' }).click();
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(nestedServices(20_000)) });
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toContainText('deep.json');
  await expect(alert).toContainText('your directory is unchanged', { ignoreCase: true });
  await expect(page.getByText('Reading…')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Import \d+ entr(y|ies)$/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('directory-import-unreadable-en.png'), fullPage: true });

  // The page is ready for another file.
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(fixtures, 'broken'));
  await expect(alert.getByRole('row').nth(1).getByRole('cell')).toHaveText(['services.csv', '3', 'name', 'This field must have a value.']);
  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await expect(resultCount(page)).toHaveText(before!);
});

async function chooseLanguage(page: Page, language: string) {
  await page.goto(`${page.url().split('#')[0]}#/settings`);
  await page.getByRole('combobox', { name: /^(Interface language|Idioma de la interfaz|Langue de l.interface|لغة الواجهة)$/ }).click();
  await page.getByRole('option', { name: language, exact: true }).click();
}

test('the same broken package explains its problem in Spanish and in Arabic', async ({ page }) => {
  await chooseLanguage(page, 'Español');
  await page.goto(`${page.url().split('#')[0]}#/directory/import`);
  await expect(heading(page, 'Importar datos HSDS')).toBeVisible();
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(fixtures, 'broken'));
  const spanish = page.getByRole('alert').filter({ hasText: 'No se importó nada' });
  await expect(spanish.getByRole('row').nth(1).getByRole('cell')).toHaveText(['services.csv', '3', 'name', 'Este campo debe tener un valor.']);

  await chooseLanguage(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.goto(`${page.url().split('#')[0]}#/directory/import`);
  await expect(heading(page, 'استيراد بيانات HSDS')).toBeVisible();
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(fixtures, 'broken'));
  const arabic = page.getByRole('alert').filter({ hasText: 'لم يُستورَد شيء' });
  await expect(arabic.getByRole('row').first().getByRole('columnheader')).toHaveText(['الملف', 'الصف', 'الحقل', 'المشكلة']);
  const cells = arabic.getByRole('row').nth(1).getByRole('cell');
  await expect(cells).toHaveText(['services.csv', '3', 'name', 'يجب أن يكون لهذا الحقل قيمة.']);
  // The sentence follows the page's direction; the file name reads left to right in a cell aligned as the page is.
  await expect(cells.first().locator('[dir=ltr]')).toHaveText('services.csv');
  await expect(cells.last().locator('[dir=ltr]')).toHaveCount(0);
  expect(await cells.first().evaluate((cell) => getComputedStyle(cell).direction)).toBe('rtl');
  await expectNoSeriousAxeViolations(page, 'import errors (Arabic)');
});

test('what an import reads but leaves out is said in Spanish and in Arabic', async ({ page }) => {
  await chooseLanguage(page, 'Español');
  await page.goto(`${page.url().split('#')[0]}#/directory/import`);
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(join(fixtures, 'package'));
  const spanish = page.getByRole('listitem').filter({ hasText: 'No hay datapackage.json: las tablas se reconocieron por el nombre de sus archivos.' });
  await expect(spanish).toBeVisible();

  await chooseLanguage(page, 'العربية');
  await page.goto(`${page.url().split('#')[0]}#/directory/import`);
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(resolve(import.meta.dirname, '../fixtures/hsds/tabular.json'));
  // Ten tables: the Arabic form for three to ten. The file names stay isolated, left to right, in the sentence.
  const arabic = page.getByRole('listitem').filter({ hasText: 'فهي جداول لا يحتفظ بها Waypoint' });
  await expect(arabic).toContainText('\u2068programs.csv, funding.csv');
  expect(await arabic.evaluate((item) => getComputedStyle(item).direction)).toBe('rtl');
  await expectNoSeriousAxeViolations(page, 'import notes (Arabic)');
});
