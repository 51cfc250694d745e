import type { Paper } from '../../../shared/print/styles';
import { printMargins } from '../../../shared/print/styles';

export interface PdfPrintOptions {
  paper: Paper;
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Turns a complete HTML document into PDF bytes with Chromium's print pipeline: Electron's
 * printToPDF in the app, Playwright's Chromium in the browser preview. The PDF stays in memory.
 */
export type PdfPrinter = (html: string, options: PdfPrintOptions) => Promise<Uint8Array>;

/** A printer that holds a browser: close() releases it (the preview closes it with the server). */
export interface ClosablePdfPrinter {
  print: PdfPrinter;
  close(): Promise<void>;
}

/** Margins in inches, as both printers take them. */
export const pdfMargins = printMargins;
