import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './vault-steps';

test.use({ vault: 'prepared' });

const photo = join(import.meta.dirname, '../fixtures/attachments/camera.jpg');

/** A one-page PDF saying `text`, with a correct cross-reference table. */
function onePagePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 20 100 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 20 100 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, n) => {
    const at = body.length;
    body += `${n + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('attach a photo with a GPS tag, a PDF and a text file, view them, save a copy without the tag, delete, restore from a backup', async ({ page, app }) => {
  test.setTimeout(120_000);
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
    { name: 'consent.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Consent form') },
  ]);
  await page.getByRole('button', { name: 'Attach 3 files' }).click();
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
  await viewer.getByRole('slider').press('ArrowRight');
  await expect(viewer.getByText('Zoom: 125 %')).toBeVisible();
  await viewer.getByRole('button', { name: 'Close', exact: true }).click(); // not Escape: three in a row are the quick exit
  await expect(viewer).toHaveCount(0);
  // The object URL was revoked with the view: it no longer loads.
  expect(
    await page.evaluate(
      async (src) =>
        fetch(src!).then(
          () => 'loaded',
          () => 'revoked',
        ),
      url,
    ),
  ).toBe('revoked');
  await textItem.getByRole('button', { name: 'View' }).click();
  const textView = page.getByRole('dialog', { name: 'statement.txt' });
  await expect(textView.getByText('Statement: <b>not bold</b> signed on arrival.')).toBeVisible();
  await textView.getByRole('button', { name: 'Close', exact: true }).click();
  await list.getByRole('listitem', { name: 'consent.pdf' }).getByRole('button', { name: 'View' }).click();
  const pdfView = page.getByRole('dialog', { name: 'consent.pdf' });
  await expect(pdfView.getByText('Page 1 of 1')).toBeVisible({ timeout: 20_000 });
  await pdfView.getByRole('button', { name: 'Close', exact: true }).click();

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
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(textItem).toBeVisible();

  // The backup restored: the photo is back, and opens.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await panel.locator('input[type="file"]').setInputFiles(join(exports, backup!));
  await panel.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Check the backup' }).click();
  await expect(panel.getByRole('table', { name: 'What the backup holds' }).getByRole('row', { name: /Attached files\s*3/ })).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Replace everything on this device' }).click();
  await expect(panel.getByText(/^Restored\./)).toBeVisible({ timeout: 30_000 });
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await photoItem.getByRole('button', { name: 'View' }).click();
  await expect(page.getByRole('dialog', { name: 'camera.jpg' }).getByRole('img', { name: 'camera.jpg' })).toBeVisible();
});
