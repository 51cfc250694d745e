import { AppError } from '../../shared/errors';
import { maxPrintHtmlBytes } from '../../shared/print/contract';
import { writeFileAtomically } from '../services/atomic-file';
import { neutralPdfMetadata } from '../services/pdf/metadata';
import type { PdfPrinter } from '../services/pdf/printer';
import type { Handlers } from './dispatch';
import type { ChooseSavePath } from './files';
import type { ConfirmPassphrase } from '../services/session';

/**
 * 'export.pdf': renders the document in memory, then asks where to save it and writes it there,
 * and only there. No copy goes through a temporary folder; on cancel the bytes are dropped.
 */
export function pdfHandlers(printer: PdfPrinter, chooseSavePath: ChooseSavePath, confirmPassphrase: ConfirmPassphrase): Pick<Handlers, 'export.pdf'> {
  return {
    'export.pdf': async ({ html, headerTemplate, footerTemplate, paper, suggestedName, vaultPassphrase }) => {
      if (Buffer.byteLength(html, 'utf8') > maxPrintHtmlBytes) throw new AppError('BAD_REQUEST', 'the document is larger than 20 MB');
      if (vaultPassphrase !== undefined) await confirmPassphrase(vaultPassphrase);
      let pdf: Uint8Array;
      try {
        // Chromium's Creator and to-the-second times would say which app and computer made the file.
        pdf = neutralPdfMetadata(await printer(html, { paper, headerTemplate, footerTemplate }));
      } catch (error) {
        throw new AppError('PDF_RENDER_FAILED', 'Chromium could not print the document', { cause: error });
      }
      const path = await chooseSavePath(suggestedName, 'pdf');
      if (!path) return { saved: false, path: null, bytes: pdf.byteLength };
      try {
        await writeFileAtomically(path, Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
      } catch (error) {
        throw new AppError('FILE_WRITE_FAILED', 'could not write the chosen file', { cause: error });
      }
      return { saved: true, path, bytes: pdf.byteLength };
    },
  };
}
