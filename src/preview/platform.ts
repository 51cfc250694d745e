import { previewSavePath } from '../main/ipc/files';
import type { Platform } from '../main/ipc';
import { noVaultPlatform } from '../main/ipc/vault';
import { createPreviewPdfPrinter } from './pdf-printer';

/**
 * The preview's stand-ins for what Electron provides: no window to hide or clear, files land in
 * <data>/exports/, PDFs come from Chromium's own print pipeline (Playwright), the engine of printToPDF,
 * and erasing needs the passphrase.
 */
export function createPreviewPlatform(dataFolder: string): { platform: Platform; close(): Promise<void> } {
  const printer = createPreviewPdfPrinter();
  return {
    platform: { ...noVaultPlatform, eraseNeedsPassphrase: true, chooseSavePath: previewSavePath(dataFolder), printPdf: printer.print },
    close: () => printer.close(),
  };
}
