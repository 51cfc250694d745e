import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './vault-steps';

/** Every regular file under the folders, with each file that holds any of the markers (in any of its encodings) and which. */
async function filesContaining(folders: string[], markers: string[]): Promise<{ scanned: string[]; hits: string[] }> {
  const scanned: string[] = [];
  const hits: string[] = [];
  async function walk(path: string): Promise<void> {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of await readdir(path)) await walk(join(path, name));
    } else if (info.isFile()) {
      scanned.push(path);
      const bytes = await readFile(path).catch(() => Buffer.alloc(0));
      const found = markers.filter((marker) => encodings(marker).some((pattern) => bytes.includes(pattern)));
      if (found.length > 0) hits.push(`${path}: ${found.join(', ')}`);
    }
  }
  for (const folder of folders) await walk(folder);
  return { scanned, hits };
}

/** The marker as UTF-8 and as UTF-16 (both byte orders): Chromium keeps two-byte strings as UTF-16. */
function encodings(marker: string): Buffer[] {
  const utf16le = Buffer.from(marker, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  return [Buffer.from(marker, 'utf8'), utf16le, utf16be];
}

const savedStatus = (page: Page) => page.getByRole('status').filter({ hasText: 'Saved' });

/** Starts a shipped checklist on the open case, in English. */
async function startChecklist(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: 'Start a checklist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a checklist' });
  await dialog.getByRole('radio', { name: new RegExp(`^${title}`) }).click();
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
}

test.use({ vault: 'prepared', profile: 'on-disk' }); // scans the whole profile folder

test('nothing typed about a person reaches the disk in plaintext, while a control write does', async ({ page, app }) => {
  test.setTimeout(300_000);
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const latin = `zebra${unique}quartz`;
  const arabic = `مرحبا${unique}سلام`;
  // One marker per field, so a hit names the field that leaked.
  const marker = (field: string) => `${field}${latin}`;
  // A date no shipped text holds, typed into the checklists' date fields.
  const dateMarker = `1911-0${1 + Math.floor(Math.random() * 9)}-1${1 + Math.floor(Math.random() * 8)}`;
  const noteMarker = `note ${latin} ${arabic}`;
  const markers = [
    ...['alias', 'assigned', 'tag', 'notedit', 'casesearch', 'medicines', 'explainedby', 'language', 'sharewhat', 'otherwho', 'withdrawn'].map(marker),
    ...['entryname', 'entrydescription', 'entryphone', 'entryhours', 'entryaddress', 'entrynote', 'templatetitle', 'templatequestion', 'followup'].map(marker),
    ...['filename', 'filetext', 'photometadata', 'caption'].map(marker),
    `note ${latin}`,
    ` ${arabic}`,
    dateMarker,
  ];

  // The case form: every text field, a tag, and the consent check box.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('Alias').fill(marker('alias'));
  await page.getByLabel('Assigned caseworker').fill(marker('assigned'));
  await page.getByRole('combobox', { name: 'Tags' }).fill(marker('tag'));
  await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await page.getByLabel('The person agrees that we keep this record').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText(`Alias: ${marker('alias')}`)).toBeVisible();

  // A note, then the same note edited.
  await page.getByLabel('New note').fill(noteMarker);
  await page.getByRole('button', { name: 'Add note' }).click();
  const notes = page.getByRole('list', { name: 'Notes, newest first' });
  await expect(notes.getByText(noteMarker)).toBeVisible();
  await notes.getByRole('button', { name: 'Edit note' }).click();
  await notes.getByRole('textbox').fill(`${noteMarker} ${marker('notedit')}`);
  await notes.getByRole('button', { name: 'Save' }).click();
  await expect(notes.getByText(marker('notedit'))).toBeVisible();

  // A follow-up's title, then the agenda that lists it.
  await page.getByRole('tab', { name: 'Follow-ups' }).click();
  await page.getByRole('button', { name: 'Add a follow-up' }).click();
  const followUpDialog = page.getByRole('dialog', { name: 'New follow-up' });
  await followUpDialog.getByLabel('What to do').fill(marker('followup'));
  await followUpDialog.getByLabel('Due date').fill('2030-01-15');
  await followUpDialog.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByRole('list', { name: 'Follow-ups' }).getByText(marker('followup'))).toBeVisible();

  // Files: a text file (its name and contents), and a photo kept exactly as received, whose metadata (a JPEG comment)
  // holds a marker, so its stored bytes do too; both viewed, so the decrypted copies reach the page; a caption.
  const photo = await readFile(join(import.meta.dirname, '../fixtures/attachments/camera.jpg'));
  const comment = Buffer.from(marker('photometadata'));
  const commentSegment = Buffer.concat([Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]), comment]);
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByTestId('attach-input').setInputFiles([
    { name: `${marker('filename')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${marker('filetext')}\n`) },
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([photo.subarray(0, 2), commentSegment, photo.subarray(2)]) },
  ]);
  await page.getByRole('checkbox', { name: 'Keep the original file exactly as received' }).nth(1).check();
  await page.getByRole('button', { name: 'Attach 2 files' }).click();
  const files = page.getByRole('list', { name: 'Files of this case' });
  await files
    .getByRole('listitem', { name: `${marker('filename')}.txt` })
    .getByRole('button', { name: 'View' })
    .click();
  await expect(page.getByRole('dialog').getByText(marker('filetext'))).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click(); // not Escape: three in a row are the quick exit
  const photoItem = files.getByRole('listitem', { name: 'photo.jpg' });
  await photoItem.getByRole('button', { name: 'View' }).click();
  await expect(page.getByRole('dialog').getByRole('img', { name: 'photo.jpg' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  await photoItem.getByRole('button', { name: 'Edit caption' }).click();
  await photoItem.getByLabel('Caption').fill(marker('caption'));
  await photoItem.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(photoItem.getByText(marker('caption'))).toBeVisible();

  // Checklists: the free-text answer of the report, single- and multi-line text, dates, and a choice "other" described in its note.
  await startChecklist(page, 'Immediate safety and needs');
  await page.getByRole('textbox', { name: /^Medicines or ongoing treatment/ }).fill(marker('medicines'));
  await expect(savedStatus(page)).toBeVisible();
  await page.getByRole('button', { name: 'All checklists' }).click();
  await startChecklist(page, 'Informed consent');
  await page.getByRole('textbox', { name: /^Who explained/ }).fill(marker('explainedby'));
  await page.getByLabel('Date', { exact: true }).first().fill(dateMarker);
  await page.getByRole('textbox', { name: /^Language used/ }).fill(marker('language'));
  await page
    .getByRole('radiogroup', { name: /^Does the person agree that information about them is shared/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('textbox', { name: /^What may be shared/ }).fill(marker('sharewhat'));
  const shareWith = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('group', { name: 'With whom?' }) });
  await shareWith.getByRole('checkbox', { name: /^Others/ }).check();
  await shareWith.getByRole('button', { name: 'Add a note' }).click();
  await shareWith.getByRole('textbox', { name: 'Note' }).fill(marker('otherwho'));
  await page
    .getByRole('radiogroup', { name: /^Has the person withdrawn any consent/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByLabel('Date', { exact: true }).nth(1).fill(dateMarker);
  await page.getByRole('textbox', { name: /^What was withdrawn/ }).fill(marker('withdrawn'));
  await expect(savedStatus(page)).toBeVisible();

  // The PDF dialog: a summary saved where the person chose (the exports folder of the preview).
  await page.getByRole('button', { name: 'Export as PDF' }).first().click();
  const pdfDialog = page.getByRole('dialog', { name: 'Export as PDF' });
  // A filled PDF identifies the person: it asks for the vault passphrase first.
  await pdfDialog.getByLabel('Your vault passphrase').fill(PASSPHRASE);
  await pdfDialog.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(pdfDialog.getByText(/^Saved: /)).toBeVisible({ timeout: 30_000 });
  await pdfDialog.getByRole('button', { name: 'Close' }).first().click();

  // The case list's search and its native check boxes.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  const caseSearch = page.getByRole('searchbox', { name: 'Search cases' });
  await caseSearch.fill(marker('casesearch'));
  await caseSearch.fill('');
  await page.getByRole('checkbox').first().check();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByText(marker('followup'))).toBeVisible();

  // An own directory entry with a confidential address, and a private note on it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Directory' }).click();
  await page.getByRole('link', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(marker('entryname'));
  await page.getByLabel('Description').fill(marker('entrydescription'));
  await page.getByRole('combobox', { name: 'Country', exact: true }).click();
  await page.getByRole('option', { name: 'Ireland', exact: true }).click();
  await page.getByRole('textbox', { name: 'Number 1', exact: true }).fill(`+353 ${marker('entryphone')}`);
  await page.getByRole('textbox', { name: 'Hours', exact: true }).fill(marker('entryhours'));
  await page.getByRole('textbox', { name: 'Address', exact: true }).fill(marker('entryaddress'));
  await page.getByRole('switch', { name: 'Confidential address' }).check({ force: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: marker('entryname') })).toBeVisible();
  await page.getByLabel('Your note on this entry').fill(marker('entrynote'));
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved')).toBeVisible();

  // The template editor: a custom template's title and a question of its own.
  await page.evaluate(() => (window.location.hash = '#/cases/templates'));
  await page.getByRole('button', { name: 'Duplicate Initial screening: the three elements' }).click();
  await page.getByRole('textbox', { name: /^Title/ }).fill(marker('templatetitle'));
  const firstSection = page.getByRole('group', { name: 'Section 1' });
  await firstSection.getByRole('button', { name: 'Add a question' }).click();
  // The question just added is the section's last (the shipped template's count may change with its versions).
  await firstSection
    .getByRole('group', { name: /^Question \d+$/ })
    .last()
    .getByRole('textbox', { name: /^Question/ })
    .fill(marker('templatequestion'));
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText(`"${marker('templatetitle')}" was saved.`)).toBeVisible();

  // Settings, then back to the case list, as a person checks the auto-lock before leaving.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();

  // Control: the same markers written to IndexedDB without encryption, in a database of its own.
  await page.evaluate(
    (values) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('plaintext-control', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('control');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('control', 'readwrite');
          transaction.objectStore('control').put(values, 'markers');
          transaction.oncomplete = () => {
            request.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { latin: `control${latin}`, arabic: `control${arabic}` },
  );

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waypoint is locked' })).toBeVisible();
  await app.context.close(); // Chromium flushes IndexedDB (LevelDB), Web Data, History and Preferences to disk on close

  // The whole profile (Web Data, History, Preferences, caches, Session Storage, crash dumps...) and the data folder.
  const folders = [app.profileFolder, app.dataFolder];
  const control = await filesContaining(folders, [`control${latin}`, `control${arabic}`]);
  expect(control.hits.length, 'the search finds the unencrypted control write, so it can see IndexedDB').toBeGreaterThan(0);

  // The control shares the profile's IndexedDB files with the app, so search for what only the app holds. The PDF the person
  // chose to save is the one place it may be: PDFs are not encrypted, and the dialog says so.
  const exportsFolder = join(app.dataFolder, 'exports');
  const leaks = await filesContaining(folders, markers);
  // The stores Chromium keeps typed text in were there to be searched.
  for (const store of ['Web Data', 'Login Data', 'Login Data For Account', 'History', 'Preferences', 'Sessions']) {
    expect(
      leaks.scanned.some((path) => path.startsWith(join(app.profileFolder, 'Default', store))),
      `the scan read ${store}`,
    ).toBe(true);
  }
  expect(
    leaks.hits.filter((path) => !path.startsWith(exportsFolder)),
    'files holding typed text in plaintext',
  ).toEqual([]);
});
