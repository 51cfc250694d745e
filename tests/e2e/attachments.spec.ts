import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './vault-steps';

test.use({ vault: 'prepared' });

const photo = join(import.meta.dirname, '../fixtures/attachments/camera.jpg');

test('attach a photo with a GPS tag and a text file, view both, save a copy without the tag, delete', async ({ page, app }) => {
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
  ]);
  await page.getByRole('button', { name: 'Attach 2 files' }).click();
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
  await page.keyboard.press('Escape');
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
  await page.keyboard.press('Escape');

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

  // Delete, through the shared confirmation.
  await photoItem.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete this file?' }).getByRole('button', { name: 'Delete the file' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(textItem).toBeVisible();
});
