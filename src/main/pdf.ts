import { BrowserWindow, session, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { printOrigin } from '../shared/print/fonts';
import { hardenedWebPreferences } from './window';
import { PrintSite } from './services/pdf/fonts';
import { pdfMargins, type PdfPrinter } from './services/pdf/printer';

/** No "persist:" prefix: the print session lives in memory only, so nothing it loads reaches the disk. */
export const printPartition = 'waypoint-print';

/** The hidden window a document is printed in: the hardened options of every window, plus no JavaScript and no preload. */
export function printWindowOptions(printSession: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    paintWhenInitiallyHidden: true,
    webPreferences: { ...hardenedWebPreferences, session: printSession, javascript: false, devTools: false, backgroundThrottling: false },
  };
}

/**
 * The print session: https:// is answered from memory by the print site (the document and the
 * bundled fonts); every request that is not to the print origin is cancelled; no permissions, no
 * downloads, no HTTP cache.
 */
export function preparePrintSession(printSession: Session, site: PrintSite): void {
  printSession.protocol.handle('https', (request) => {
    const response = site.respond(request.url);
    const body = typeof response.body === 'string' ? response.body : new Uint8Array(response.body);
    return new Response(body, { status: response.status, headers: { ...response.headers, 'Content-Type': response.contentType } });
  });
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url.startsWith(`${printOrigin}/`) || details.url === 'about:blank') });
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  printSession.setDevicePermissionHandler(() => false);
  printSession.on('will-download', (event) => event.preventDefault());
}

/**
 * Electron's printer: for each document, a hidden, sandboxed window without JavaScript loads it
 * from the in-memory print origin, Chromium prints it (printToPDF, the same engine as the preview's
 * page.pdf), and the window is destroyed. Call after the app is ready.
 */
export function createElectronPdfPrinter(site: PrintSite = new PrintSite()): PdfPrinter {
  let printSession: Session | null = null;
  return async (html, { paper, headerTemplate, footerTemplate }) => {
    if (!printSession) {
      printSession = session.fromPartition(printPartition, { cache: false });
      preparePrintSession(printSession, site);
    }
    const document = site.open(html);
    const window = new BrowserWindow(printWindowOptions(printSession));
    try {
      await window.loadURL(document.url);
      const pdf = await window.webContents.printToPDF({
        pageSize: paper,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate,
        footerTemplate,
        margins: { ...pdfMargins },
        preferCSSPageSize: false,
        // A tagged PDF (headings, lists, tables for screen readers) with an outline of the headings, as in the preview.
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      document.release();
      window.destroy();
    }
  };
}
