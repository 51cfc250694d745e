import type { Platform } from '../main/ipc';
import { createPreviewPdfPrinter } from './pdf-printer';
import { previewSavePath } from './save-path';

/**
 * The preview's stand-ins for what Electron provides: no window to hide (the page leaves for a blank
 * one itself) and no browser profile to clear (the page clears its own origin), files land in
 * <data>/exports/, PDFs come from Chromium's own print pipeline (Playwright), the engine of
 * printToPDF, and erasing needs the passphrase.
 */
export function createPreviewPlatform(dataFolder: string): { platform: Platform; close(): Promise<void> } {
  const printer = createPreviewPdfPrinter();
  return {
    platform: {
      quickExit: () => {},
      clearBrowserData: async () => {},
      eraseNeedsPassphrase: true,
      chooseSavePath: previewSavePath(dataFolder),
      printPdf: printer.print,
    },
    close: () => printer.close(),
  };
}
