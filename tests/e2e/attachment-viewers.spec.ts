import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server';
import { stripMetadata } from '../../src/renderer/src/features/attachments/metadata';
import { expectNoSeriousAxeViolations } from './axe';

// PdfView and stripMetadata are not on a page of the app yet (the case page's attachments will mount them): this
// test builds a page holding PdfView alone (harness/pdf-view.tsx) into a folder of its own and serves it with the
// preview server, so it runs under the app's real content security policy and headers in Chromium.

const root = resolve(import.meta.dirname, '../..');

// One worker runs both tests, so the page is built once.
test.describe.configure({ mode: 'default' });

let work: string;
let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;
const requests: string[] = [];
const problems: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = await mkdtemp(join(tmpdir(), 'waypoint-e2e-viewers-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(import.meta.dirname, 'harness'),
    base: '/',
    plugins: [react()],
    resolve: { alias: { '@shared': join(root, 'src/shared'), '@renderer': join(root, 'src/renderer/src'), '@resources': join(root, 'resources') } },
    build: { outDir: join(work, 'out/renderer'), emptyOutDir: true, minify: false, rollupOptions: { input: join(import.meta.dirname, 'harness/pdf-view.html') } },
  });
  server = await startPreviewServer({ outFolder: join(work, 'out'), dataFolder: join(work, 'data'), port: 0, version: '0.0.0' });
  // Nothing here is about the profile on disk: an in-memory one starts faster.
  const executablePath = chromiumExecutable();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs, headless: true });
  context = await browser.newContext();
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)),
  );
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const page = await context.newPage();
  // pdf.js warns when it cannot start its worker and parses on the page instead ("fake worker").
  page.on('console', (message) => (message.type() === 'error' || message.text().includes('fake worker')) && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  await page.goto(`${server.url}pdf-view.html`);
  await page.waitForFunction(() => typeof window.showPdf === 'function');
  return page;
}

/** A three-page PDF with text and an image, printed by Chromium (as the app's own exports are). */
async function threePagePdf(): Promise<number[]> {
  const page = await context.newPage();
  const square = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#c03"/></svg>');
  await page.setContent(['One', 'Two', 'Three'].map((word) => `<section style="break-after: page"><h1>Page ${word}</h1><img src="${square}"></section>`).join(''));
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return [...pdf];
}

/** How many of the canvas's pixels are not white: a page that drew nothing has none. */
const inkOnCanvas = (page: Page) =>
  page.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink += 1;
    return ink;
  });

test('PdfView shows a PDF page by page, zooms, works from the keyboard, and fetches nothing from outside the app', async () => {
  const page = await open();
  // pdf.js is loaded when a PDF is shown, not with the page that can show one.
  const pdfjsChunk = (url: string) => /\/assets\/pdfjs-[\w-]+\.js$/.test(url);
  expect(requests.filter(pdfjsChunk)).toEqual([]);
  await page.evaluate(([bytes]) => window.showPdf!(bytes!, 'en'), [await threePagePdf()]);

  const document = page.getByRole('region', { name: 'PDF document' });
  await expect(document).toBeVisible();
  await expect(page.getByRole('img', { name: 'Page 1 of 3' })).toBeVisible();
  await expect.poll(() => inkOnCanvas(page)).toBeGreaterThan(1000);
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page, 'the PDF view');

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('img', { name: 'Page 2 of 3' })).toBeVisible();
  await document.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('img', { name: 'Page 3 of 3' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.keyboard.press('Home');
  await expect(page.getByRole('img', { name: 'Page 1 of 3' })).toBeVisible();

  const width = () => page.locator('canvas').evaluate((canvas) => canvas.getBoundingClientRect().width);
  const before = await width();
  await page.keyboard.press('+');
  await expect(page.getByText('Zoom: 125%')).toBeVisible();
  await expect.poll(width).toBeCloseTo(before * 1.25, -1);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(page.getByText('Zoom: 75%')).toBeVisible();
  await expect.poll(width).toBeCloseTo(before * 0.75, -1);
  const drawn = () => page.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  const englishPage = await drawn();

  // In Arabic the reading direction is right to left: the left arrow turns to the next page.
  await page.evaluate(([bytes]) => window.showPdf!(bytes!, 'ar'), [await threePagePdf()]);
  const arabic = page.getByRole('region', { name: 'مستند PDF' });
  await expect(arabic).toBeVisible();
  // The page is drawn as it is, not mirrored by the interface's direction.
  await expect.poll(drawn).toBe(englishPage);
  await arabic.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('button', { name: 'الصفحة السابقة' })).toBeEnabled();

  // A font the PDF does not embed (ZapfDingbats, the ticks of filled forms) is drawn with the system's fonts: nothing is fetched.
  await page.evaluate(([bytes]) => window.showPdf!(bytes!, 'en'), [[...(await readFile(join(root, 'tests/fixtures/attachments/check-mark.pdf')))]]);
  await expect(page.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await expect.poll(() => inkOnCanvas(page)).toBeGreaterThan(500);

  // A damaged PDF: a translated message that says nothing was lost, no crash.
  await page.evaluate(([bytes]) => window.showPdf!(bytes!, 'en'), [[...Buffer.from('%PDF-1.7\nnot really a PDF\n')]]);
  await expect(page.getByRole('alert')).toContainText('This PDF could not be shown');
  await expect(page.getByRole('alert')).toContainText('nothing was lost');
  const locked = await readFile(join(root, 'tests/fixtures/attachments/password.pdf'));
  await page.evaluate(([bytes]) => window.showPdf!(bytes!, 'en'), [[...locked]]);
  await expect(page.getByRole('alert')).toContainText('This PDF is protected by a password');

  // pdf.js's worker came from the build; nothing was asked of any other origin, and the CSP blocked nothing.
  expect(requests.filter(pdfjsChunk)).toHaveLength(1);
  expect(requests.some((url) => /\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(url))).toBe(true);
  expect(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:'))).toEqual([]);
  expect(problems.filter((text) => !text.includes('Invalid PDF'))).toEqual([]);
});

test('stripMetadata leaves every pixel as it was (decoded by Chromium)', async () => {
  const page = await open();
  // The orientation kept in the JPEG and PNG still turns the 96 x 64 photos upright (Chromium ignores it in a WebP).
  const sizes: Record<string, number[]> = { 'camera.jpg': [64, 96], 'camera.png': [64, 96], 'camera.webp': [96, 64], 'progressive.jpg': [64, 48] };
  for (const name of Object.keys(sizes)) {
    const original = await readFile(join(root, 'tests/fixtures/attachments', name));
    const stripped = new Uint8Array(await (await stripMetadata(new Blob([original]))).blob.arrayBuffer());
    const same = await page.evaluate(
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
    expect(same.same, name).toBe(true);
    expect(same.size, name).toEqual(sizes[name]);
  }
  expect(problems).toEqual([]);
});
