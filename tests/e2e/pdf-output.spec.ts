import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { newCaseRecord } from '../../src/shared/cases';
import { parseTemplateFile, recordAnswer, startChecklist, type ChecklistInstance, type ChecklistTemplate } from '../../src/shared/checklists';
import { printMargins, printStyles, renderPrintDocument, type Paper, type PrintDocument, type PrintLabels } from '../../src/shared/print';
import type { Language } from '../../src/shared/languages';
import { pdfHandlers } from '../../src/main/ipc/pdf';
import { createPreviewPdfPrinter } from '../../src/preview/pdf-printer';

/**
 * The PDFs themselves, printed through the export handler with the preview's printer (Chromium's print
 * pipeline, as in Electron), without the app: one browser for the whole file, no vault.
 */
test.describe.configure({ mode: 'default' });

const root = resolve(import.meta.dirname, '../..');
const languages: Language[] = ['en', 'es', 'fr', 'ar'];
const papers: Paper[] = ['A4', 'Letter'];
const now = new Date('2026-03-05T12:00:00Z');
const printer = createPreviewPdfPrinter();
test.afterAll(() => printer.close());

function labelsIn(language: Language): PrintLabels {
  return JSON.parse(readFileSync(join(root, 'src/renderer/src/features/export/locales', `${language}.json`), 'utf8')).print as PrintLabels;
}

function shipped(id: string, language: Language): ChecklistTemplate {
  const folder = join(root, 'resources/checklists', language === 'en' ? '' : language);
  const result = parseTemplateFile(readFileSync(join(folder, `${id}.json`), 'utf8'));
  if (!result.ok) throw new Error(`${id} (${language}) does not parse`);
  return result.template;
}

/** Prints through 'export.pdf' (so with the metadata it writes) into the test's output folder. */
async function print(document: PrintDocument, paper: Paper, name: string): Promise<string> {
  const folder = test.info().outputPath('pdf');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.pdf`);
  const handlers = pdfHandlers(printer.print, async () => path, async () => {});
  await handlers['export.pdf']({ html: document.html, headerTemplate: document.headerTemplate, footerTemplate: document.footerTemplate, paper, suggestedName: document.suggestedName });
  return path;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
/** Each page's text (pdftotext separates pages with a form feed). */
const pagesText = (path: string) => run('pdftotext', [path, '-']).split('\f').slice(0, -1);
/** Bidi controls pdftotext adds around Arabic. */
const bidiControls = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

test('text is never cut at a page break, and no heading is left alone at the foot of a page', async () => {
  // Each block carries marks above and below its letters: Arabic harakat, Thai vowels and tones, stacked Latin accents.
  const samples = {
    ar: { heading: 'الوسيلة: كيف جيء بالشخص أو أُبقي هناك', question: 'هل وُعِدَ الشخصُ بعملٍ آخر؟', answer: 'نَعَمْ، وُعِدَ بعملٍ في مطعمٍ.' },
    th: { heading: 'วิธีการ: ผู้ถูกพามาหรือถูกกักตัวไว้ที่นั่นอย่างไร', question: 'ถูกสัญญาว่าจะได้งานอื่นหรือไม่ ญี่ปุ่น ฤดู', answer: 'ใช่ ปู่ของเขาบอกว่าจะได้ทำงานที่ร้านอาหาร' },
    vi: { heading: 'Phương thức: Ấn Độ, Ộ, Ǻ, Ḗ, Ṩ', question: 'Người đó có được hứa hẹn một công việc khác không? Ǻ Ỗ', answer: 'Có, được hứa làm việc ở nhà hàng: ẫ ộ ợ ự ặ Ḉ' },
  };
  // A4's content height: a spacer that fills it up to a few points pushes the section, line by line, across the break.
  const content = 11.69 * 72 - (printMargins.top + printMargins.bottom) * 72;
  const variants = Array.from({ length: 34 }, (_, i) => content - i * 3);
  for (const [script, sample] of Object.entries(samples)) {
    const template: ChecklistTemplate = {
      id: 'page-break',
      version: 1,
      language: 'en',
      title: 'Page break',
      description: '',
      sections: [{ id: 's', title: sample.heading, items: [{ id: 'q', kind: 'text', label: sample.question, multiline: true }] }],
    };
    const answered = recordAnswer(startChecklist(template, 'cl', now.toISOString()), 'q', sample.answer, now.toISOString());
    if (!answered.ok) throw new Error(answered.reason);
    const language = script === 'ar' ? 'ar' : 'en';
    const document = renderPrintDocument({
      kind: 'filledChecklist',
      language,
      paper: 'A4',
      redaction: 'full',
      labels: labelsIn(language),
      now,
      caseRecord: newCaseRecord({ id: 'c', code: 'WP-2026-0001', now: now.toISOString() }),
      checklists: [{ caseId: 'c', status: 'inProgress', instance: answered.instance }],
    });
    // The section as the document renders it, repeated after spacers of every height near a page.
    const section = /<section class="section">[\s\S]*?<\/section>/.exec(document.html)![0];
    const body = variants.map((height) => `<div style="break-before: page; height: ${height}pt"></div>${section}`).join('\n');
    const html = document.html.replace(/<body>[\s\S]*<\/body>/, `<body>${body}</body>`);
    const path = await print({ ...document, html, headerTemplate: '<span></span>', footerTemplate: '<span></span>' }, 'A4', `page-break-${script}`);

    const blocks = [sample.heading, sample.question, sample.answer];
    const marksOf = (text: string) => [...text.normalize('NFD').matchAll(/\p{Mn}/gu)].length;
    const bare = (text: string) => text.normalize('NFD').replace(bidiControls, '').replace(/\p{Mn}|\s/gu, '');
    const pages = pagesText(path);
    expect(pages.length).toBeGreaterThanOrEqual(variants.length);
    pages.forEach((page, i) => {
      let rest = bare(page);
      const counts = blocks.map((block) => {
        const parts = rest.split(bare(block));
        rest = parts.join('');
        return parts.length - 1;
      });
      const where = `${script}, page ${i + 1}: ${JSON.stringify(page)}`;
      // Whole blocks only: no letter and no mark of a block printed apart from it, on the page before or after.
      expect(rest, where).not.toMatch(/\p{L}/u);
      expect(marksOf(page), where).toBe(counts.reduce((sum, count, b) => sum + count * marksOf(blocks[b]!), 0));
      // A heading is followed on its page by its first question.
      expect(counts[1], where).toBeGreaterThanOrEqual(counts[0]!);
    });
  }
});
