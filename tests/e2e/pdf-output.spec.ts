import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { newCaseRecord } from '../../src/shared/cases';
import { parseTemplateFile, recordAnswer, startChecklist, type ChecklistInstance, type ChecklistTemplate } from '../../src/shared/checklists';
import { printMargins, renderPrintDocument, type Paper, type PrintDocument, type PrintLabels } from '../../src/shared/print';
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
  const handlers = pdfHandlers(
    printer.print,
    async () => path,
    async () => {},
  );
  await handlers['export.pdf']({
    html: document.html,
    headerTemplate: document.headerTemplate,
    footerTemplate: document.footerTemplate,
    paper,
    suggestedName: document.suggestedName,
  });
  return path;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
/** Each page's text (pdftotext separates pages with a form feed). */
const pagesText = (path: string) => run('pdftotext', [path, '-']).split('\f').slice(0, -1);
/** Bidi controls pdftotext adds around Arabic. */
const bidiControls = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** The letters of a text in order, without marks, spaces and the punctuation pdftotext moves about in Arabic. */
const letters = (value: string) =>
  value
    .normalize('NFD')
    .replace(bidiControls, '')
    .replace(/\p{Mn}|[\s:،.]/gu, '')
    .toLowerCase();
/** The marks of a word, sorted (pdftotext puts each mark just before its letter). */
const marks = (word: string) =>
  [...word.normalize('NFD').matchAll(/\p{Mn}/gu)]
    .map((match) => match[0])
    .sort()
    .join('');
/** Whether the text has the word with all its marks. */
const hasWord = (text: string, word: string) =>
  text
    .replace(bidiControls, '')
    .split(/\s+/)
    .some((candidate) => letters(candidate) === letters(word) && marks(candidate) === marks(word));

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
    const render = (kind: 'filledChecklist' | 'caseSummary') =>
      renderPrintDocument({
        kind,
        language,
        paper: 'A4',
        redaction: 'full',
        labels: labelsIn(language),
        now,
        caseRecord: newCaseRecord({ id: 'c', code: 'WP-2026-0001', now: now.toISOString() }),
        checklists: [{ caseId: 'c', status: 'inProgress', instance: answered.instance }],
      });
    const document = render('filledChecklist');
    // The section as the documents render it (h3 in a printed checklist, h4 in a case summary: in Arabic only, to
    // keep the test short), repeated after spacers of every height near a page.
    const sectionOf = (html: string) => /<section class="section"><h[34] class="section-title">[\s\S]*?<\/section>/.exec(html)![0];
    const sections = [sectionOf(document.html), ...(script === 'ar' ? [sectionOf(render('caseSummary').html)] : [])];
    const body = sections.flatMap((section) => variants.map((height) => `<div style="break-before: page; height: ${height}pt"></div>${section}`)).join('\n');
    const html = document.html.replace(/<body>[\s\S]*<\/body>/, `<body>${body}</body>`);
    const path = await print({ ...document, html, headerTemplate: '<span></span>', footerTemplate: '<span></span>' }, 'A4', `page-break-${script}`);

    const blocks = [sample.heading, sample.question, sample.answer];
    const marksOf = (text: string) => [...text.normalize('NFD').matchAll(/\p{Mn}/gu)].length;
    const bare = (text: string) =>
      text
        .normalize('NFD')
        .replace(bidiControls, '')
        .replace(/\p{Mn}|\s/gu, '');
    const pages = pagesText(path);
    expect(pages.length).toBeGreaterThanOrEqual(variants.length * sections.length);
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

/** The fixed, filled Palermo screening every language prints: the same answers, text answers in the language. */
const typed: Record<Language, { account: string; setting: string; note: string }> = {
  en: { account: 'A friend offered a restaurant job abroad; on arrival the passport was taken.', setting: 'Kitchen work, 14 hours a day.', note: 'Said it twice.' },
  es: { account: 'Una amiga le ofreció un trabajo en un restaurante; al llegar le quitaron el pasaporte.', setting: 'Cocina, 14 horas al día.', note: 'Lo dijo dos veces.' },
  fr: {
    account: "Une amie lui a proposé un emploi dans un restaurant ; à l'arrivée, on lui a pris son passeport.",
    setting: 'En cuisine, 14 heures par jour.',
    note: "L'a dit deux fois.",
  },
  ar: { account: 'عرضت عليها صديقةٌ وظيفةً في مطعمٍ في الخارج، وعند الوصول أُخذ جواز سفرها.', setting: 'عملٌ في المطبخ، ١٤ ساعة في اليوم.', note: 'قالت ذلك مرّتين.' },
};

function filledScreening(language: Language): PrintDocument {
  const english = shipped('palermo-initial-screening', 'en');
  let instance: ChecklistInstance = startChecklist(english, 'cl-fixed', now.toISOString());
  const answers: Array<[string, unknown, string?]> = [
    ['immediate-danger', 'no'],
    ['safe-to-talk', 'yes'],
    ['role-explained', true],
    ['language-support', 'independent-interpreter'],
    ['agrees-to-talk', 'yes'],
    ['age-under-18', 'no'],
    ['act-any', 'yes'],
    ['act-forms', ['recruitment', 'transport']],
    ['act-account', typed[language].account],
    ['means-any', 'yes', typed[language].note],
    ['means-forms', ['deception', 'abuse-of-vulnerability']],
    ['purpose-any', 'yes'],
    ['purpose-forms', ['forced-labour']],
    ['exploitation-setting', typed[language].setting],
    ['paid-to-cross-border', 'unknown'],
    ['follow-up', ['safety-plan', 'referral']],
  ];
  for (const [id, value, note] of answers) {
    const result = recordAnswer(instance, id, value, now.toISOString(), note);
    if (!result.ok) throw new Error(`${id}: ${result.reason}`);
    instance = result.instance;
  }
  // As the export dialog does: the same questions in the document's language, answers following by id.
  instance = { ...instance, templateSnapshot: shipped('palermo-initial-screening', language) };
  return renderPrintDocument({
    kind: 'filledChecklist',
    language,
    paper: 'A4',
    redaction: 'full',
    labels: labelsIn(language),
    now,
    timeZone: 'UTC',
    caseRecord: newCaseRecord({ id: 'c', code: 'WP-2026-0042', now: now.toISOString() }),
    checklists: [{ caseId: 'c', status: 'inProgress', instance }],
  });
}

/** The titles of a PDF's outline entries: Chromium writes ASCII ones as literal strings, others as UTF-16 in hex. */
function outlineTitles(path: string): string[] {
  const text = readFileSync(path, 'latin1');
  expect(text, 'the PDF has an outline').toContain('/Type /Outlines');
  return [...text.matchAll(/\/Title (?:<FEFF([0-9A-Fa-f]*)>|\(((?:[^()\\]|\\.)*)\))\s*\/Dest/g)].map(([, hex, literal]) =>
    hex !== undefined ? Buffer.from(hex, 'hex').swap16().toString('utf16le') : literal!.replace(/\\(.)/g, '$1'),
  );
}

test('a filled checklist in English, Spanish, French and Arabic, on A4 and Letter: its pages as images, tags, outline, metadata, fonts', async () => {
  for (const language of languages) {
    const document = filledScreening(language);
    const labels = labelsIn(language);
    const template = shipped('palermo-initial-screening', language);
    for (const paper of papers) {
      const name = `${language}-${paper}`;
      const path = await print(document, paper, name);

      // Every page, grey at 30 dpi, against the reference images in pdf-output.spec.ts-snapshots/ (on a difference,
      // the actual, expected and difference images are in the test's output folder).
      const folder = test.info().outputPath('pages');
      mkdirSync(folder, { recursive: true });
      run('pdftoppm', ['-png', '-gray', '-r', '30', path, join(folder, name)]);
      const images = readdirSync(folder)
        .filter((file) => file.startsWith(`${name}-`))
        .sort();
      expect(images.length).toBeGreaterThan(0);
      images.forEach((image, i) => {
        expect.soft(readFileSync(join(folder, image)), `${name} page ${i + 1}`).toMatchSnapshot(`${name}-${i + 1}.png`, { maxDiffPixelRatio: 0.002 });
      });
      expect(existsSync(test.info().snapshotPath(`${name}-${images.length + 1}.png`)), `${name} has as many pages as its reference`).toBe(false);

      // Every page has its header and footer: "Confidential" and "page N of M" (the images show them whole; their
      // system font's spacing makes pdftotext split words, so only the letters are compared).
      const pages = pagesText(path);
      expect(pages).toHaveLength(images.length);
      pages.forEach((page, i) => {
        const pageOf = labels.pageOf.replace('{page}', String(i + 1)).replace('{total}', String(pages.length));
        expect(letters(page), `${name} page ${i + 1}`).toContain(letters(pageOf));
        expect(letters(page), `${name} page ${i + 1}`).toContain(letters(labels.confidential));
      });

      // Tagged, in the document's language, with an outline of its sections.
      const info = run('pdfinfo', [path]);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(readFileSync(path, 'latin1')).toContain(`/Lang (${language})`);
      const outline = outlineTitles(path);
      // Chromium writes right-to-left titles in visual word order: compare their words.
      const words = (text: string) => text.replace(/[:،,]/g, ' ').split(/\s+/).filter(Boolean).sort();
      for (const section of template.sections.filter((s) => !s.condition)) {
        expect(outline.map(words), `${name} outline`).toContainEqual(expect.arrayContaining(words(section.title)));
      }

      // What shows without opening the file: the kind of document and the day, nothing else.
      expect(info).toMatch(new RegExp(`^Title:\\s+${labels.titles.filledChecklist} · ${dateIn(language)}$`, 'm'));
      expect(info).toMatch(/^Creator:\s*$/m);
      expect(info).toMatch(/^Producer:\s+Skia\/PDF m\d+$/m);
      expect(info).toMatch(/^CreationDate:\s+\w{3} \w{3} +\d+ 00:00:00 \d{4} UTC$/m);
      expect(info).not.toMatch(/^(Author|Subject|Keywords):/m);
      expect(info).toMatch(/^Metadata Stream:\s+no$/m);
      for (const secret of ['WP-2026-0042', template.title, 'palermo', 'Mozilla', 'Chrome', 'Electron', 'Linux']) expect(info).not.toContain(secret);

      // Every font embedded (the page's bundled Noto, and the system font of the header and footer).
      const fonts = run('pdffonts', [path]).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font, `${name}: ${font}`).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
    }
  }
});

test('pdftotext reads the Arabic in logical order, with its marks', async () => {
  const path = await print(filledScreening('ar'), 'A4', 'ar-text');
  const text = run('pdftotext', [path, '-']);
  // The letters of each line in logical order (pdftotext moves a spacing colon and puts each mark just before its letter).
  for (const expected of ['الوسيلة: كيف جيء بالشخص أو أُبقي هناك', typed.ar.account, 'الصفحة 1 من']) {
    expect(letters(text)).toContain(letters(expected));
  }
  // Every word keeps its marks: the damma of أُبقي, the tanwin of صديقةٌ and مطعمٍ, the shadda of مرّتين.
  for (const word of ['أُبقي', 'صديقةٌ', 'مطعمٍ', 'مرّتين']) expect(hasWord(text, word), word).toBe(true);
});

function dateIn(language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(now);
}
