import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { englishPrintLabels, renderPrintDocument, type PrintLabels } from '../../src/shared/print';
import arabic from '../../src/renderer/src/features/export/locales/ar.json' with { type: 'json' };
import { markers, printCase, printChecklist, printNotes } from '../unit/print/fixtures';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './vault-steps';

test.use({ vault: 'prepared' });

const now = new Date('2026-03-05T12:00:00Z');

function text(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function pageCount(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
}

test('the preview prints a case summary to PDF with the redaction chosen, in Latin, Cyrillic, Arabic and Thai', async ({ app, page }) => {
  const exportsFolder = join(app.dataFolder, 'exports');
  const exportPdf = (document: ReturnType<typeof renderPrintDocument>, suggestedName: string) =>
    page.evaluate((request) => window.waypoint.export.pdf(request), {
      html: document.html,
      headerTemplate: document.headerTemplate,
      footerTemplate: document.footerTemplate,
      paper: 'A4' as const,
      suggestedName,
    });
  const common = { kind: 'caseSummary' as const, paper: 'A4' as const, caseRecord: printCase(), notes: printNotes(), checklists: [printChecklist()], now };

  const full = renderPrintDocument({ ...common, language: 'en', redaction: 'full', labels: englishPrintLabels });
  const fullResult = await exportPdf(full, 'full.pdf');
  expect(fullResult).toMatchObject({ ok: true, value: { saved: true } });
  const fullPath = join(exportsFolder, 'full.pdf');
  const fullText = text(fullPath);
  for (const expected of ['WP-2026-0042', 'ALIASMARK Zoya', 'NOTEMARK', 'TEXTANSWERMARK', 'ITEMNOTEMARK', 'Кириллица', 'ภาษาไทย', 'CONFIDENTIAL', 'Case summary']) {
    expect(fullText).toContain(expected);
  }
  // pdftotext gives Arabic in logical order when the text was laid out right to left.
  expect(fullText).toMatch(/عربية|ملاحظة/);
  const pages = pageCount(fullPath);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(fullText).toContain(`Page 1 of ${pages}`);
  expect(fullText).toContain(`Page ${pages} of ${pages}`);
  // Tagged: headings in order, and the label-value tables (details, profile, consent, history) as tables with row headers.
  const tagged = execFileSync('pdfinfo', ['-struct', fullPath], { encoding: 'utf8' });
  const tags = (tag: string) => tagged.match(new RegExp(`^\\s*${tag}\\b`, 'gm'))?.length ?? 0;
  expect(tags('H1')).toBe(1);
  expect(tags('Table')).toBeGreaterThanOrEqual(4);
  expect(tags('TH')).toBe(tags('TR'));
  expect(tags('TD')).toBe(tags('TR'));

  const redacted = renderPrintDocument({ ...common, language: 'en', redaction: 'noAliasNoNotes', labels: englishPrintLabels });
  await exportPdf(redacted, 'redacted.pdf');
  const redactedText = text(join(exportsFolder, 'redacted.pdf'));
  expect(redactedText).toContain('WP-2026-0042');
  expect(redactedText).toContain('OPTIONMARK');
  for (const absent of ['ALIASMARK', 'Zoya', 'NOTEMARK', 'TEXTANSWERMARK', 'ITEMNOTEMARK', 'Кириллица', 'ภาษาไทย']) expect(redactedText).not.toContain(absent);

  const structure = renderPrintDocument({ ...common, language: 'en', redaction: 'structureOnly', labels: englishPrintLabels });
  await exportPdf(structure, 'structure.pdf');
  const structureText = text(join(exportsFolder, 'structure.pdf'));
  for (const absent of ['ALIASMARK', 'NOTEMARK', 'TEXTANSWERMARK', 'OPTIONMARK', 'Caseworker Ana']) expect(structureText).not.toContain(absent);
  expect(structureText).toContain('Was the person misled about the work?');

  const inArabic = renderPrintDocument({ ...common, language: 'ar', redaction: 'full', labels: arabic.print as PrintLabels });
  await exportPdf(inArabic, 'arabic.pdf');
  const arabicPath = join(exportsFolder, 'arabic.pdf');
  // pdftotext adds bidi embedding marks, moves diacritics and splits the lam-alef ligature: compare without them.
  const arabicText = text(arabicPath)
    .replace(/[\u202A-\u202E\u200E\u200F]/g, '')
    .replace(/\p{Mn}/gu, '')
    .replace(/[ \t]+/g, ' ');
  for (const expected of ['ملخص الحالة', 'رمز الحالة', 'عربية عن', 'WP-2026-0042', 'ALIASMARK', 'Кириллица', 'ภาษาไทย']) expect(arabicText).toContain(expected);
  expect(arabicText).toMatch(/الصفحة ?1 ?من ?\d|\d ?من ?1 ?الصفحة/);
  expect(arabicText).toMatch(/سر ?ي/);
  const fonts = execFileSync('pdffonts', [arabicPath], { encoding: 'utf8' });
  expect(fonts).toContain('NotoSansArabic');

  // Page 1 as an image, for a person to look at (test-results/e2e/pdf-page-1-*.png).
  const outputs = test.info().outputPath('pages');
  execFileSync('mkdir', ['-p', outputs]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', fullPath, join(outputs, 'english')]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', arabicPath, join(outputs, 'arabic')]);
  expect(readdirSync(outputs).filter((name) => name.endsWith('.png'))).toHaveLength(2);

  // Only the four chosen files exist: no temporary or plaintext copy in the data folder.
  expect(readdirSync(exportsFolder).sort()).toEqual(['arabic.pdf', 'full.pdf', 'redacted.pdf', 'structure.pdf']);
  expect(markers.alias).toBe('ALIASMARK Zoya');
});

test('a blank checklist prints every item; the bridge refuses a name that is not a PDF', async ({ app, page }) => {
  const { shippedTemplate } = await import('../unit/checklists/fixtures');
  const template = shippedTemplate('referral-services');
  const blank = renderPrintDocument({ kind: 'blankChecklist', language: 'en', paper: 'Letter', redaction: 'full', template, labels: englishPrintLabels, now });
  const request = { html: blank.html, headerTemplate: blank.headerTemplate, footerTemplate: blank.footerTemplate, paper: 'Letter' as const, suggestedName: blank.suggestedName };
  const result = await page.evaluate((body) => window.waypoint.export.pdf(body), request);
  expect(result).toMatchObject({ ok: true, value: { saved: true } });
  // Neither the file's name nor its Title metadata names the template: both show without opening the file.
  expect(blank.suggestedName).toMatch(/^waypoint-export-\d{4}-\d{2}-\d{2}\.pdf$/);
  const path = join(app.dataFolder, 'exports', blank.suggestedName);
  const pdfText = text(path);
  expect(pdfText).toContain(template.title);
  expect(pdfText).toContain(template.title.slice(0, 20)); // in the header too
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+612 x 792/);
  expect(info).toMatch(/^Title:\s+Checklist for paper use · /m);
  expect(info).not.toContain(template.title);
  const refused = await page.evaluate((body) => window.waypoint.export.pdf({ ...body, suggestedName: 'x.exe' }), request);
  expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
});

test('from a case page: the export dialog makes a case summary PDF, and the redacted one leaves out the alias and notes', async ({ app, page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('Alias').fill('Mariam');
  await page.getByRole('button', { name: 'Create case' }).click();
  // Read the code once the case page is there: right after the click the heading can still be the form's.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^WP-\d{4}-\d{4}$/);
  const code = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByLabel('New note').fill('Met at the clinic; wants legal advice first.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('list', { name: 'Notes, newest first' })).toContainText('wants legal advice');

  async function exportSummary(include: RegExp): Promise<string> {
    await page.getByRole('button', { name: 'Export as PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as PDF' });
    await expect(dialog.getByText('A PDF is not encrypted')).toBeVisible();
    await dialog.getByRole('radio', { name: include }).check();
    // A document with the person's profile and answers needs the vault passphrase; main checks it before printing.
    const exportButton = dialog.getByRole('button', { name: 'Choose where to save…' });
    await expect(exportButton).toBeDisabled();
    await dialog.getByLabel('Your vault passphrase').fill('not the vault passphrase');
    await exportButton.click();
    await expect(dialog.getByText('That passphrase is not right. Nothing was changed.')).toBeVisible();
    // Enter in the passphrase (a form of its own, so the password manager sees no username) exports too.
    await dialog.getByLabel('Your vault passphrase').fill(PASSPHRASE);
    await dialog.getByLabel('Your vault passphrase').press('Enter');
    const saved = await dialog.getByText(/^Saved: /).textContent({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    return saved!.replace(/^Saved: /, '').trim();
  }

  const full = text(await exportSummary(/^Everything/));
  expect(full).toContain(code);
  expect(full).toContain('Mariam');
  expect(full).toContain('wants legal advice');
  expect(full).toMatch(/Page 1 of \d/);

  const redacted = text(await exportSummary(/^Without the alias/));
  expect(redacted).toContain(code);
  expect(redacted).not.toContain('Mariam');
  expect(redacted).not.toContain('wants legal advice');
  const saved = readdirSync(join(app.dataFolder, 'exports')).filter((name) => name.endsWith('.pdf'));
  expect(saved).toHaveLength(2);
  // The file names and the PDFs' Title metadata carry neither the case code nor the alias.
  for (const name of saved) {
    expect(name).toMatch(/^waypoint-export-\d{4}-\d{2}-\d{2}/);
    const info = execFileSync('pdfinfo', [join(app.dataFolder, 'exports', name)], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Case summary · /m);
    expect(info).not.toContain(code);
    expect(info).not.toContain('Mariam');
  }
  // Structure only carries no answers and nothing about the person: no passphrase asked.
  await page.getByRole('button', { name: 'Export as PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as PDF' });
  await dialog.getByRole('radio', { name: /^Structure only/ }).check();
  await expect(dialog.getByLabel('Your vault passphrase')).toHaveCount(0);
  // A title the caseworker types is the one the file's properties show.
  await dialog.getByLabel("Title in the file's properties (optional)").fill('Referral pack');
  await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
  const structurePath = (await dialog.getByText(/^Saved: /).textContent({ timeout: 30_000 }))!.replace(/^Saved: /, '').trim();
  expect(execFileSync('pdfinfo', [structurePath], { encoding: 'utf8' })).toMatch(/^Title:\s+Referral pack$/m);
});
