import { z } from 'zod';
import { redactionLevels, printKinds } from './document';
import { passphraseSchema } from '../vault';

/** The largest document main renders: far above any real case, small enough to refuse abuse. */
export const maxPrintHtmlBytes = 20 * 1024 * 1024;
export const maxPrintTemplateChars = 64 * 1024;

function isPdfFileName(name: string): boolean {
  const forbidden = '\\/:*?"<>|';
  return /\.pdf$/i.test(name) && [...name].every((char) => char.charCodeAt(0) >= 0x20 && !forbidden.includes(char));
}

export const pdfContract = {
  /**
   * Renders the HTML to PDF in main (Chromium's print pipeline, with the bundled fonts) and writes
   * it only where the user chooses; the PDF stays in memory until then. `saved: false` means the
   * user cancelled the save dialog.
   */
  'export.pdf': {
    request: z
      .object({
        html: z.string().max(maxPrintHtmlBytes),
        headerTemplate: z.string().max(maxPrintTemplateChars),
        footerTemplate: z.string().max(maxPrintTemplateChars),
        paper: z.enum(['A4', 'Letter']),
        suggestedName: z.string().min(5).max(120).refine(isPdfFileName, 'not a plain file name ending in .pdf'),
        /** Given for a case's summary or filled checklist with its answers: checked as for `files.save`. */
        vaultPassphrase: passphraseSchema.optional(),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().nullable(), bytes: z.number().int().min(0) }),
  },
} as const;

export { printKinds, redactionLevels };
