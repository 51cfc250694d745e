import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** Every regular file under the folders, with the paths of those that contain any of the byte patterns. */
async function filesContaining(folders: string[], patterns: Buffer[]): Promise<{ scanned: number; hits: string[] }> {
  let scanned = 0;
  const hits: string[] = [];
  async function walk(path: string): Promise<void> {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of await readdir(path)) await walk(join(path, name));
    } else if (info.isFile()) {
      scanned++;
      const bytes = await readFile(path).catch(() => Buffer.alloc(0));
      if (patterns.some((pattern) => bytes.includes(pattern))) hits.push(path);
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

test.use({ vault: 'prepared' });

test('nothing typed about a person reaches the disk in plaintext, while a control write does', async ({ page, app }) => {
  test.setTimeout(180_000);
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const latin = `zebra${unique}quartz`;
  const arabic = `مرحبا${unique}سلام`;
  const aliasMarker = `alias${latin}`;
  const noteMarker = `note ${latin} ${arabic}`;
  const answerMarker = `answer${latin}`;

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('Alias').fill(aliasMarker);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText(`Alias: ${aliasMarker}`)).toBeVisible();

  await page.getByLabel('New note').fill(noteMarker);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('list', { name: 'Notes, newest first' }).getByText(noteMarker)).toBeVisible();

  // A checklist answer: the first question of the safety plan, a free-text one.
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: 'Start a checklist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a checklist' });
  await dialog.getByRole('radio', { name: /^Safety plan/ }).click();
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  const firstAnswer = page.getByRole('textbox', { name: /^Who might pose a risk/ });
  await firstAnswer.fill(answerMarker);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

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
  await app.context.close(); // Chromium flushes IndexedDB (LevelDB) to disk on close

  const folders = [app.profileFolder, app.dataFolder];
  const control = await filesContaining(folders, [...encodings(`control${latin}`), ...encodings(`control${arabic}`)]);
  expect(control.hits.length, 'the search finds the unencrypted control write, so it can see IndexedDB').toBeGreaterThan(0);

  // The control shares the profile's IndexedDB files with the app, so search for what only the case holds.
  const caseOnly = await filesContaining(folders, [aliasMarker, `note ${latin}`, ` ${arabic}`, answerMarker].flatMap(encodings));
  expect(caseOnly.scanned).toBeGreaterThan(10);
  expect(caseOnly.hits, 'files holding case text in plaintext').toEqual([]);
});
