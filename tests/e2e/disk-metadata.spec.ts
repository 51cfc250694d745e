import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { caseStatuses } from '../../src/shared/cases/schema';
import { checklistStatuses } from '../../src/shared/cases/records';
import { countryCodes } from '../../src/shared/countries';
import { expect, test } from './fixtures';

/*
 * The on-disk test, version 2: what the records show WITHOUT the keys. Every row of every table of the
 * app's IndexedDB database is read straight from IndexedDB (not through the app's store), every value
 * that is not ciphertext or IV bytes is listed and printed, and none may name or imply a person's
 * situation: a template id, a status, a directory organization or entry id, a country code, or a time
 * finer than the day (docs/records-format.md, "What stays visible").
 */

const resources = join(import.meta.dirname, '..', '..', 'resources');
const templates = readdirSync(join(resources, 'checklists'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(resources, 'checklists', name), 'utf8')) as { id: string; title: string });
const directory = JSON.parse(readFileSync(join(resources, 'directory', 'directory.json'), 'utf8')) as {
  services?: { id: string }[];
  organizations?: { id: string }[];
};

/** Every row of every object store of the database, as the page's IndexedDB returns it; bytes as their length. */
function readAllRows(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const request = indexedDB.open('waypoint');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const transaction = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = transaction.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = (all.result as Record<string, unknown>[]).map((row) =>
                Object.fromEntries(
                  Object.entries(row).map(([field, value]) => [field, value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? { bytes: value.byteLength } : value]),
                ),
              );
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(out);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

/** Every string and number in a row, with its path, except the sizes standing in for bytes. */
function plaintextValues(value: unknown, path: string, out: { path: string; value: string | number }[]): void {
  if (typeof value === 'string' || typeof value === 'number') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, position) => plaintextValues(item, `${path}[${position}]`, out));
  else if (typeof value === 'object' && value !== null && !('bytes' in value)) {
    for (const [field, inner] of Object.entries(value)) plaintextValues(inner, `${path}.${field}`, out);
  }
}

async function startChecklist(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: 'Checklists' }).click();
  const all = page.getByRole('button', { name: 'All checklists' });
  if (await all.isVisible()) await all.click();
  await page.getByRole('button', { name: 'Start a checklist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a checklist' });
  await dialog.getByRole('radio', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).click();
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
}

test.use({ vault: 'prepared' });

test('no stored row shows a template id, status, directory id, country code or a time finer than the day', async ({ page }) => {
  test.setTimeout(180_000);
  // Two cases (one of them with a note and every shipped checklist started), as a caseworker's day leaves them.
  const sections = page.getByRole('navigation', { name: 'Sections' });
  for (const alias of ['First', 'Second']) {
    await sections.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'New case' }).first().click();
    await page.getByLabel('Alias').fill(alias);
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByText(`Alias: ${alias}`)).toBeVisible();
  }
  await page.getByLabel('New note').fill('Met at the drop-in centre.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('list', { name: 'Notes, newest first' }).getByText('Met at the drop-in centre.')).toBeVisible();
  for (const template of templates) await startChecklist(page, template.title);

  // A favourite and a private note on a shipped directory entry.
  await page.evaluate(() => (location.hash = '#/directory/?country=US'));
  await page.getByRole('link', { name: 'National Human Trafficking Hotline' }).first().click();
  await page.getByRole('button', { name: 'Favourite' }).click();
  await page.getByLabel('Your note on this entry').fill('Calls back within an hour.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved')).toBeVisible();

  const rows = await readAllRows(page);
  const values: { path: string; value: string | number }[] = [];
  for (const [table, list] of Object.entries(rows)) list.forEach((row, position) => plaintextValues(row, `${table}[${position}]`, values));
  console.log(
    `Plaintext values of ${Object.values(rows).flat().length} rows in ${Object.keys(rows).length} tables:\n${values.map(({ path, value }) => `  ${path} = ${JSON.stringify(value)}`).join('\n')}`,
  );
  expect(rows['checklists']).toHaveLength(templates.length);
  expect(rows['orgNotes']).toHaveLength(2);

  // Names and ids are looked for inside every value; country codes (two letters, found by chance inside any
  // random base64 tag) must not BE a value. Numbers may be format versions and day numbers only.
  const named = [
    ...templates.map((template) => template.id),
    ...caseStatuses,
    ...checklistStatuses,
    ...(directory.services ?? []).map((entry) => entry.id),
    ...(directory.organizations ?? []).map((organization) => organization.id),
  ];
  expect(named.length).toBeGreaterThan(templates.length + 5);
  const today = Math.floor(Date.now() / 86_400_000);
  const found = values.flatMap(({ path, value }) => {
    if (typeof value === 'number') return value <= 2 || Math.abs(value - today) <= 1 ? [] : [`${path}: ${value} is finer than a day`];
    const hits = named.filter((name) => value.includes(name));
    if ((countryCodes as readonly string[]).includes(value) || (countryCodes as readonly string[]).includes(value.toUpperCase())) hits.push('a country code');
    if (/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}/.test(value)) hits.push('a time');
    return hits.map((hit) => `${path}: ${JSON.stringify(value)} holds ${hit}`);
  });
  expect(found).toEqual([]);
});
