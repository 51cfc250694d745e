import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Locator } from '@playwright/test';
import { stripMetadata } from '../../src/renderer/src/features/attachments/metadata';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './vault-steps';

test.use({ vault: 'prepared' });

const fixtures = join(import.meta.dirname, '../fixtures/attachments');
const photo = join(fixtures, 'camera.jpg');
const arabic = JSON.parse(await readFile(join(import.meta.dirname, '../../src/renderer/src/features/attachments/locales/ar.json'), 'utf8')) as {
  panel: { title: string };
  actions: { view: string };
  viewer: { document: string; previous: string };
};

/** A three-page PDF with text and an image, printed by Chromium (as the app's own exports are). */
async function threePagePdf(context: BrowserContext): Promise<Buffer> {
  const page = await context.newPage();
  const square = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#c03"/></svg>');
  await page.setContent(['One', 'Two', 'Three'].map((word) => `<section style="break-after: page"><h1>Page ${word}</h1><img src="${square}"></section>`).join(''));
  const pdf = await page.pdf({ format: 'A6' }); // narrower than the view at 100%, where the arrow keys turn pages (they scroll a wider one)
  await page.close();
  return pdf;
}

/** How many of the canvas's pixels are not white: a page that drew nothing has none. */
const inkOn = (canvas: Locator) =>
  canvas.evaluate((element: HTMLCanvasElement) => {
    const pixels = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink += 1;
    return ink;
  });

test('attach a photo with a GPS tag, PDFs, a short and a long text file, view them (a PDF by keyboard, in Arabic too; of a long text, its beginning), save a copy without the tag, delete, restore from a backup', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  // Whatever goes wrong on the page: an error, a refused request, a content security policy violation, pdf.js
  // parsing without its worker ("fake worker").
  const problems: string[] = [];
  page.on('console', (message) => (message.type() === 'error' || message.text().includes('fake worker')) && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)));
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('The person agrees that we keep this record').check();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^WP-\d{4}-\d{4}$/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByText('No files yet.')).toBeVisible();

  await page.getByTestId('attach-input').setInputFiles([
    { name: 'camera.jpg', mimeType: 'image/jpeg', buffer: await readFile(photo) },
    { name: 'statement.txt', mimeType: 'text/plain', buffer: Buffer.from('Statement: <b>not bold</b> signed on arrival.\n') },
    { name: 'consent.pdf', mimeType: 'application/pdf', buffer: await threePagePdf(app.context) },
    // A font the PDF does not embed (ZapfDingbats, the ticks of filled forms), a damaged PDF and one behind a password.
    { name: 'check-mark.pdf', mimeType: 'application/pdf', buffer: await readFile(join(fixtures, 'check-mark.pdf')) },
    { name: 'damaged.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nnot really a PDF\n') },
    { name: 'password.pdf', mimeType: 'application/pdf', buffer: await readFile(join(fixtures, 'password.pdf')) },
    // Over the 2 MB a text view shows.
    { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from('A long interview transcript.\n'.repeat(80_000)) },
  ]);
  await page.getByRole('button', { name: 'Attach 7 files' }).click();
  await expect(page.getByText('Attached: camera.jpg')).toBeVisible();
  const list = page.getByRole('list', { name: 'Files of this case' });
  const photoItem = list.getByRole('listitem', { name: 'camera.jpg' });
  const textItem = list.getByRole('listitem', { name: 'statement.txt' });
  await expect(photoItem.getByText(/Removed from the file: location, camera and owner details/)).toBeVisible();
  await expect(page.getByRole('status').getByText(/Removed from the file: location/)).toBeVisible();
  await expect(photoItem.getByText(/^SHA-256 as stored: [0-9a-f]{64}$/)).toBeVisible();
  await expect(photoItem.getByText(/^SHA-256 as received: [0-9a-f]{64}$/)).toBeVisible();

  // The photo, zoomed; the text as text (its markup shown, not applied).
  await photoItem.getByRole('button', { name: 'View' }).click();
  const viewer = page.getByRole('dialog', { name: 'camera.jpg' });
  const image = viewer.getByRole('img', { name: 'camera.jpg' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  const url = await image.getAttribute('src');
  expect(url).toMatch(/^blob:/);
  // Loaded as an image (the content security policy allows blob: images, not a fetch of one): the object URL
  // loads while the view is open, and was revoked with it.
  const loads = () =>
    page.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const probe = new Image();
          probe.onload = () => resolve('loaded');
          probe.onerror = () => resolve('revoked');
          probe.src = src!;
        }),
      url,
    );
  expect(await loads()).toBe('loaded');
  await viewer.getByRole('slider').press('ArrowRight');
  await expect(viewer.getByText('Zoom: 125 %')).toBeVisible();
  await viewer.getByRole('button', { name: 'Close', exact: true }).click(); // not Escape: three in a row are the quick exit
  await expect(viewer).toHaveCount(0);
  expect(await loads()).toBe('revoked');
  expect(problems.splice(0), 'nothing failed so far but the revoked URL').toEqual(['Failed to load resource: net::ERR_FILE_NOT_FOUND']);
  await textItem.getByRole('button', { name: 'View' }).click();
  const textView = page.getByRole('dialog', { name: 'statement.txt' });
  await expect(textView.getByText('Statement: <b>not bold</b> signed on arrival.')).toBeVisible();
  await textView.getByRole('button', { name: 'Close', exact: true }).click();
  const longItem = list.getByRole('listitem', { name: 'long.txt' });
  await longItem.getByRole('button', { name: 'View' }).click();
  const longView = page.getByRole('dialog', { name: 'long.txt' });
  await expect(longView.getByText('Only the first 2 MB of this text are shown (the file has 2.2 MB). Save a copy to read all of it.')).toBeVisible();
  await longView.getByRole('button', { name: 'Close', exact: true }).click();
  // Deleted at once, so the backup below carries the other files only.
  await longItem.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete this file?' }).getByRole('button', { name: 'Delete the file' }).click();
  await expect(longItem).toHaveCount(0);

  // A PDF, page by page, by keyboard and with zoom. pdf.js is loaded when a PDF is shown, not with the page that can show one.
  const pdfjsChunk = (url: string) => /\/assets\/pdfjs-[\w-]+\.js$/.test(url);
  expect(app.requests.filter(pdfjsChunk)).toEqual([]);
  await list.getByRole('listitem', { name: 'consent.pdf' }).getByRole('button', { name: 'View' }).click();
  const pdfView = page.getByRole('dialog', { name: 'consent.pdf' });
  const pdfDocument = pdfView.getByRole('region', { name: 'PDF document' });
  const canvas = pdfDocument.locator('canvas');
  await expect(pdfView.getByRole('img', { name: 'Page 1 of 3' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => inkOn(canvas)).toBeGreaterThan(1000);
  const drawn = (on: Locator) => on.evaluate((element: HTMLCanvasElement) => element.toDataURL());
  const englishPage = await drawn(canvas); // page 1 at 100%, compared with the Arabic interface's below
  await expect(pdfView.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page, 'the PDF view');
  await pdfView.getByRole('button', { name: 'Next page' }).click();
  await expect(pdfView.getByRole('img', { name: 'Page 2 of 3' })).toBeVisible();
  await pdfDocument.focus();
  await page.keyboard.press('ArrowRight');
  await expect(pdfView.getByRole('img', { name: 'Page 3 of 3' })).toBeVisible();
  await expect(pdfView.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.keyboard.press('Home');
  await expect(pdfView.getByRole('img', { name: 'Page 1 of 3' })).toBeVisible();
  // A page narrower than the view opens at its printed size (wider ones fit the view's width: tests/unit/attachments/pdf-zoom.test.ts).
  const width = () => canvas.evaluate((element) => element.getBoundingClientRect().width);
  await expect(pdfView.getByText('Zoom: 100%')).toBeVisible();
  await expect(pdfView.getByRole('button', { name: 'Fit to width' })).toBeDisabled();
  const before = await width();
  await page.keyboard.press('+');
  await expect(pdfView.getByText('Zoom: 125%')).toBeVisible();
  await expect.poll(width).toBeCloseTo(before * 1.25, -1);
  await pdfView.getByRole('button', { name: 'Zoom out' }).click();
  await pdfView.getByRole('button', { name: 'Zoom out' }).click();
  await expect(pdfView.getByText('Zoom: 75%')).toBeVisible();
  await expect.poll(width).toBeCloseTo(before * 0.75, -1);
  await pdfView.getByRole('button', { name: 'Fit to width' }).click();
  await expect(pdfView.getByText('Zoom: 100%')).toBeVisible();
  await expect.poll(width).toBeCloseTo(before, -1);
  await pdfView.getByRole('button', { name: 'Close', exact: true }).click();

  // The unembedded font is drawn with the system's fonts (nothing is fetched); a damaged or locked PDF gets a
  // translated message that says nothing was lost.
  const viewPdf = async (name: string) => {
    await list.getByRole('listitem', { name }).getByRole('button', { name: 'View' }).click();
    return page.getByRole('dialog', { name });
  };
  const checkMark = await viewPdf('check-mark.pdf');
  await expect(checkMark.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await expect.poll(() => inkOn(checkMark.locator('canvas'))).toBeGreaterThan(500);
  await checkMark.getByRole('button', { name: 'Close', exact: true }).click();
  const damaged = await viewPdf('damaged.pdf');
  await expect(damaged.getByRole('alert')).toContainText('This PDF could not be shown');
  await expect(damaged.getByRole('alert')).toContainText('nothing was lost');
  await damaged.getByRole('button', { name: 'Close', exact: true }).click();
  const locked = await viewPdf('password.pdf');
  await expect(locked.getByRole('alert')).toContainText('This PDF is protected by a password');
  await locked.getByRole('button', { name: 'Close', exact: true }).click();

  // pdf.js and its worker came from the build, once; nothing was asked of any other origin, and nothing failed.
  expect(app.requests.filter(pdfjsChunk)).toHaveLength(1);
  expect(app.requests.some((url) => /\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(url))).toBe(true);
  expect(app.requests.filter((url) => !url.startsWith(app.server.url) && !/^(data|blob):/.test(url))).toEqual([]);
  expect(problems.filter((text) => !text.includes('Invalid PDF'))).toEqual([]);

  // Removing the metadata leaves every pixel as it was (decoded by Chromium); the orientation kept in the JPEG and
  // PNG still turns the 96 x 64 photos upright (Chromium ignores it in a WebP).
  const sizes: Record<string, number[]> = { 'camera.jpg': [64, 96], 'camera.png': [64, 96], 'camera.webp': [96, 64], 'progressive.jpg': [64, 48] };
  for (const [name, size] of Object.entries(sizes)) {
    const original = await readFile(join(fixtures, name));
    const stripped = new Uint8Array(await (await stripMetadata(new Blob([original]))).blob.arrayBuffer());
    expect(stripped.length, name).toBeLessThan(original.length); // the control: there was something to remove
    const decoded = await page.evaluate(
      async ([a, b]) => {
        const decode = async (bytes: number[]) => {
          const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
          return { width: bitmap.width, height: bitmap.height, pixels: [...canvas.getContext('2d')!.getImageData(0, 0, bitmap.width, bitmap.height).data] };
        };
        const [before, after] = [await decode(a!), await decode(b!)];
        return {
          size: [after.width, after.height],
          same: before.width === after.width && before.height === after.height && before.pixels.every((value, i) => value === after.pixels[i]),
        };
      },
      [[...original], [...stripped]],
    );
    expect(decoded.same, name).toBe(true);
    expect(decoded.size, name).toEqual(size);
  }

  // A caption.
  await textItem.getByRole('button', { name: 'Edit caption' }).click();
  await textItem.getByLabel('Caption').fill('Signed at the shelter');
  await textItem.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(textItem.getByText('Signed at the shelter')).toBeVisible();

  // A copy of the photo, named like every export, without its GPS tag.
  await photoItem.getByRole('button', { name: 'Save a copy' }).click();
  const save = page.getByRole('dialog', { name: 'Save a copy' });
  await expect(save.getByText('The copy is not encrypted')).toBeVisible();
  await save.getByLabel('Your vault passphrase').fill(PASSPHRASE);
  await save.getByRole('button', { name: 'Save the copy' }).click();
  await expect(save.getByText(/Saved to .*waypoint-export-\d{4}-\d{2}-\d{2}\.jpg/)).toBeVisible();
  const exports = join(app.dataFolder, 'exports');
  const [saved] = (await readdir(exports)).filter((name) => name.endsWith('.jpg'));
  const copy = await readFile(join(exports, saved!));
  const original = await readFile(photo);
  expect(original.includes('WPMARK')).toBe(true); // the control: the fixture carries its markers
  expect(copy.includes('WPMARK')).toBe(false);
  expect(copy.includes('GPS')).toBe(false);
  expect(copy.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  // Saved in pieces through a temporary file, which is gone; the copy is the file as stored, by its hash.
  expect((await readdir(exports)).filter((name) => name.endsWith('.part'))).toEqual([]);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  await expect(photoItem.getByText(`SHA-256 as stored: ${sha256(copy)}`)).toBeVisible();
  await expect(photoItem.getByText(`SHA-256 as received: ${sha256(original)}`)).toBeVisible();
  await save.getByRole('button', { name: 'Done' }).click();
  const caseUrl = page.url();

  // A backup, which holds the files.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Backup and restore' });
  await panel.getByLabel('Your vault passphrase').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(panel.getByText(/^Backup saved in /)).toBeVisible({ timeout: 30_000 });
  const [backup] = (await readdir(exports)).filter((name) => name.endsWith('.wpbackup'));
  expect((await readFile(join(exports, backup!))).includes('WPMARK')).toBe(false);

  // Delete, through the shared confirmation.
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: 'Files' }).click();
  await photoItem.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete this file?' }).getByRole('button', { name: 'Delete the file' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(textItem).toBeVisible();

  // The backup restored: the photo is back, and opens.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await panel.locator('input[type="file"]').setInputFiles(join(exports, backup!));
  await panel.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Check the backup' }).click();
  await expect(panel.getByRole('table', { name: 'What the backup holds' }).getByRole('row', { name: /Attached files\s*6/ })).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Replace everything on this device' }).click();
  await expect(panel.getByText(/^Restored\./)).toBeVisible({ timeout: 30_000 });
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(6);
  await photoItem.getByRole('button', { name: 'View' }).click();
  const restored = page.getByRole('dialog', { name: 'camera.jpg' });
  await expect(restored.getByRole('img', { name: 'camera.jpg' })).toBeVisible();
  await restored.getByRole('button', { name: 'Close', exact: true }).click();

  // In Arabic the reading direction is right to left: the left arrow turns to the next page. The page itself is drawn
  // as it is, not mirrored by the interface's direction.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Interface language', exact: true }).click();
  await page.getByRole('option', { name: 'العربية', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: arabic.panel.title }).click();
  await page.getByRole('listitem', { name: 'consent.pdf' }).getByRole('button', { name: arabic.actions.view }).click();
  const arabicDocument = page.getByRole('dialog', { name: 'consent.pdf' }).getByRole('region', { name: arabic.viewer.document });
  await expect(arabicDocument).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => drawn(arabicDocument.locator('canvas'))).toBe(englishPage);
  await arabicDocument.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('button', { name: arabic.viewer.previous })).toBeEnabled();
});

test('attach a file to a note and to a checklist answer: each lists its own, the Files tab links back, a deleted note leaves its file unlinked', async ({ page }) => {
  test.setTimeout(90_000);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^WP-\d{4}-\d{4}$/ })).toBeVisible();

  // A note, then a file attached to it from the note itself.
  await page.getByLabel('New note').fill('Met at the station; payslip shown.');
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByRole('listitem', { name: /^Note of / });
  await expect(note).toBeVisible();
  // Dropped anywhere on the note (here its text): it goes with the note, and the page stays on the notes
  // (the checklist answer below takes the file button).
  const dataTransfer = await page.evaluateHandle(() => {
    const files = new DataTransfer();
    files.items.add(new File(['Pay: 0\n'], 'payslip.txt', { type: 'text/plain' }));
    return files;
  });
  await expect(note.getByText('or drop files here')).toBeVisible(); // the note's files part has loaded
  await note.getByText('Met at the station; payslip shown.').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await note.getByRole('button', { name: 'Attach the file' }).click();
  await expect(note.getByText('Attached: payslip.txt')).toBeVisible();
  const noteFiles = note.getByRole('list', { name: /^Files: Note of / });
  await expect(noteFiles.getByRole('listitem')).toHaveText([/payslip\.txt/]);
  await expectNoSeriousAxeViolations(page, "a note's files");
  await noteFiles.getByRole('button', { name: 'View payslip.txt' }).click();
  await expect(page.getByRole('dialog', { name: 'payslip.txt' }).getByText('Pay: 0')).toBeVisible();
  await page.getByRole('dialog', { name: 'payslip.txt' }).getByRole('button', { name: 'Close', exact: true }).click();

  // A checklist answer: its button appears once the question is answered.
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: 'Start a checklist' }).click();
  const start = page.getByRole('dialog', { name: 'Start a checklist' });
  await start.getByRole('radio', { name: /^Initial screening/ }).click();
  await start.getByRole('button', { name: 'Start', exact: true }).click();
  // The question's card: the innermost box holding its choices.
  const consent = page
    .locator('.mantine-Paper-root')
    .filter({ has: page.getByRole('radiogroup', { name: /^Does the person agree to talk with you/ }) })
    .last();
  await expect(consent.getByRole('button', { name: /^Attach a file: Question:/ })).toHaveCount(0);
  await consent.getByRole('radio', { name: 'Yes' }).check();
  await consent.getByTestId('attach-input').setInputFiles({ name: 'consent.txt', mimeType: 'text/plain', buffer: Buffer.from('I agree.\n') });
  await consent.getByRole('button', { name: 'Attach the file' }).click();
  const answerFiles = consent.getByRole('list', { name: /^Files: Question: / });
  await expect(answerFiles.getByRole('listitem')).toHaveText([/consent\.txt/]);
  // A file dropped anywhere on the question goes with its answer too.
  const idCopy = await page.evaluateHandle(() => {
    const files = new DataTransfer();
    files.items.add(new File(['ID copy\n'], 'id-copy.txt', { type: 'text/plain' }));
    return files;
  });
  await consent.getByRole('radiogroup').dispatchEvent('drop', { dataTransfer: idCopy });
  await expect(page.getByRole('tab', { name: 'Checklists' })).toHaveAttribute('aria-selected', 'true');
  await consent.getByRole('button', { name: 'Attach the file' }).click();
  await expect(answerFiles.getByRole('listitem')).toHaveCount(2);
  await expect(answerFiles).toContainText('id-copy.txt');
  // Completed, the answer is kept as it is; its file still opens, and nothing more is attached.
  await page.getByRole('button', { name: 'Mark as completed' }).click();
  await expect(consent.getByRole('radio', { name: 'No', exact: true })).toBeDisabled();
  await expect(consent.getByRole('button', { name: /^Attach a file: Question:/ })).toHaveCount(0);
  await answerFiles.getByRole('button', { name: 'View consent.txt' }).click();
  await expect(page.getByRole('dialog', { name: 'consent.txt' }).getByText('I agree.')).toBeVisible();
  await page.getByRole('dialog', { name: 'consent.txt' }).getByRole('button', { name: 'Close', exact: true }).click();

  // The Files tab says what each is linked to, and the link opens the note.
  await page.getByRole('tab', { name: 'Files' }).click();
  const list = page.getByRole('list', { name: 'Files of this case' });
  await expect(list.getByRole('listitem', { name: 'payslip.txt' }).getByText(/^Linked to Note written /)).toBeVisible();
  await expect(list.getByRole('listitem', { name: 'consent.txt' }).getByText(/^Linked to Initial screening.*: Does the person agree to talk/)).toBeVisible();
  await list.getByRole('listitem', { name: 'payslip.txt' }).getByRole('link', { name: 'Open the note' }).click();
  await expect(note).toBeFocused();

  // Deleting the note keeps its file with the case (the box is not ticked), no longer linked.
  await note.getByRole('button', { name: /^Delete the note of / }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this note?' });
  await expect(confirm.getByRole('checkbox', { name: 'Also delete the file attached to it' })).not.toBeChecked();
  await confirm.getByRole('button', { name: 'Delete the note' }).click();
  await expect(note).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Notes, newest first' })).toBeFocused();
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(list.getByRole('listitem', { name: 'payslip.txt' }).getByText(/^No longer linked/)).toBeVisible();
});
