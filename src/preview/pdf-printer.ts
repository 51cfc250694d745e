import type { Browser, BrowserContext, Page } from '@playwright/test';
import { printOrigin } from '../shared/print/fonts';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { PrintSite } from '../main/services/pdf/fonts';
import { pdfMargins, type ClosablePdfPrinter, type PdfPrintOptions } from '../main/services/pdf/printer';

export interface PreviewPrinterOptions {
  /** Chromium to drive: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own. */
  executablePath?: string;
  site?: PrintSite;
}

/**
 * The browser preview's printer: headless Chromium through Playwright (development tooling, loaded
 * lazily, so it never reaches the Electron app), launched on first use and reused until close().
 * One page in a context with JavaScript off prints one document at a time; every request but the
 * private print origin is refused, and that origin is answered from memory.
 */
export function createPreviewPdfPrinter(options: PreviewPrinterOptions = {}): ClosablePdfPrinter {
  const site = options.site ?? new PrintSite();
  let browser: Browser | null = null;
  let ready: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function launch(): Promise<Page> {
    const { chromium } = await import('@playwright/test');
    const executablePath = options.executablePath ?? chromiumExecutable();
    browser = await chromium.launch({ headless: true, args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
    browser.on('disconnected', () => {
      browser = null;
      ready = null;
    });
    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (!url.startsWith(`${printOrigin}/`)) return route.abort('blockedbyclient');
      const response = site.respond(url);
      return route.fulfill({
        status: response.status,
        contentType: response.contentType,
        headers: response.headers,
        body: typeof response.body === 'string' ? response.body : Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength),
      });
    });
    return context.newPage();
  }

  async function printOne(html: string, { paper, headerTemplate, footerTemplate }: PdfPrintOptions): Promise<Uint8Array> {
    ready ??= launch().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    const page = await ready;
    const document = site.open(html);
    try {
      await page.goto(document.url, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: paper,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate,
        footerTemplate,
        margin: inches(pdfMargins),
        // A tagged PDF (headings, lists, tables for screen readers) with an outline of the headings, as in Electron.
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      document.release();
      // Nothing of the document stays on screen in the printing page.
      await page.goto('about:blank').catch(() => {});
    }
  }

  return {
    print(html, options) {
      const result = queue.then(() => printOne(html, options));
      queue = result.catch(() => {});
      return result;
    },
    async close() {
      const pending = ready;
      ready = null;
      await pending?.catch(() => {});
      const open = browser;
      browser = null;
      await open?.close();
    },
  };
}

function inches(margins: typeof pdfMargins) {
  return { top: `${margins.top}in`, bottom: `${margins.bottom}in`, left: `${margins.left}in`, right: `${margins.right}in` };
}
