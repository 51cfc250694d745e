// The one file that imports pdf.js, loaded on first use by PdfView (its own chunk, out of the first screen's code).
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
// Vite copies the worker from the package into the build, served from the app itself (worker-src 'self').
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Starts reading a PDF. It is untrusted input: no XFA forms, no scripting, no annotation layer (links and
 * form fields are drawn, never live), and nothing fetched: no CMap, font, ICC or WASM location is given, so
 * fonts a PDF does not embed fall back to the system's. pdf.js 6 has no eval path left (its
 * `isEvalSupported` option is gone with it), and the CSP allows none. pdf.js takes ownership of the bytes
 * it is given, so it gets a copy.
 */
export function loadPdf(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data: data.slice(),
    enableXfa: false,
    useWorkerFetch: false,
    disableWorkerRendering: true,
    stopAtErrors: false,
  });
}
