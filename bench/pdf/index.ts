import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { englishPrintLabels } from '../../src/shared/print/labels';
import { renderPrintDocument } from '../../src/shared/print/document';
import { printOrigin } from '../../src/shared/print/fonts';
import { pdfHandlers } from '../../src/main/ipc/pdf';
import { findFontFolder, PrintSite } from '../../src/main/services/pdf/fonts';
import { createPreviewPdfPrinter } from '../../src/preview/pdf-printer';
import { pdfMargins } from '../../src/main/services/pdf/printer';
import { median, type BenchRow } from '../table';
import { sampleCase, sampleFilledChecklist, shippedTemplate } from './sample';

const RUNS = 5;

/** The bench's document: a filled checklist of three A4 pages (every item answered, a note on each). */
export function threePageChecklist() {
  const record = sampleCase();
  const template = shippedTemplate(dirname(findFontFolder()), 'referral-services');
  return renderPrintDocument({
    kind: 'filledChecklist',
    language: 'en',
    paper: 'A4',
    redaction: 'full',
    caseRecord: record,
    checklists: [sampleFilledChecklist(template, record.id)],
    labels: englishPrintLabels,
    now: new Date('2026-03-05T12:00:00Z'),
  });
}

/**
 * "Click to file" for a three-page checklist through the export.pdf handler with the preview's
 * printer (Playwright's Chromium, the engine of Electron's printToPDF), against Chromium's raw
 * setContent + page.pdf() of the same HTML with the same fonts, in the same browser build. Medians
 * of five runs after one warm-up each.
 */
export async function measurePdf(): Promise<BenchRow[]> {
  const document = threePageChecklist();
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-pdf-measure-'));
  const site = new PrintSite();
  const printer = createPreviewPdfPrinter({ site });
  let file = 0;
  const handler = pdfHandlers(
    printer.print,
    async () => join(folder, `measure-${file++}.pdf`),
    async () => {
      throw new Error('the bench prints no identifying document');
    },
  )['export.pdf'];
  const request = { ...document, paper: 'A4' as const, suggestedName: 'measure.pdf' };
  try {
    const pipeline: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= RUNS; run++) {
      const start = performance.now();
      bytes = (await handler(request)).bytes;
      if (run > 0) pipeline.push(performance.now() - start);
    }

    const { chromium } = await import('@playwright/test');
    const { existsSync } = await import('node:fs');
    const executablePath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path) => !!path && existsSync(path));
    const browser = await chromium.launch({ headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], ...(executablePath ? { executablePath } : {}) });
    const raw: number[] = [];
    let pages = 0;
    try {
      const page = await browser.newPage();
      await page.route(`${printOrigin}/**`, async (route) => {
        const response = site.respond(route.request().url());
        await route.fulfill({ status: response.status, contentType: response.contentType, body: Buffer.from(response.body as Uint8Array) });
      });
      for (let run = 0; run <= RUNS; run++) {
        const start = performance.now();
        await page.setContent(document.html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: document.headerTemplate,
          footerTemplate: document.footerTemplate,
          margin: { top: `${pdfMargins.top}in`, bottom: `${pdfMargins.bottom}in`, left: `${pdfMargins.left}in`, right: `${pdfMargins.right}in` },
          // The same tagged PDF with an outline that the export asks for, so the ratio is the pipeline's own cost.
          tagged: true,
          outline: true,
        });
        if (run > 0) raw.push(performance.now() - start);
        pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      }
    } finally {
      await browser.close();
    }
    const pipelineMs = median(pipeline);
    const rawMs = median(raw);
    return [
      { name: `PDF of a three-page checklist, click to file (${pages} pages, ${Math.round(bytes / 1024)} KB)`, value: Math.round(pipelineMs), unit: 'ms', target: 'about 250' },
      { name: "Chromium's raw setContent + page.pdf() of the same HTML", value: Math.round(rawMs), unit: 'ms' },
      { name: 'PDF export vs raw print', value: Math.round((pipelineMs / rawMs) * 100) / 100, unit: 'x', target: '<= 2.5' },
    ];
  } finally {
    await printer.close();
    await rm(folder, { recursive: true, force: true });
  }
}
