import { printFontFaces, printFontStack } from './fonts';

export type Paper = 'A4' | 'Letter';

/**
 * Page margins, in inches, for both printers (Electron's printToPDF and the preview's page.pdf):
 * the top and bottom ones leave room for the header and footer Chromium draws in them.
 */
export const printMargins = { top: 0.75, bottom: 0.7, left: 0.6, right: 0.6 } as const;

/** The print stylesheet of a document: plain, high contrast, black on white. */
export function printStyles(paper: Paper, direction: 'ltr' | 'rtl'): string {
  const writeLine = direction === 'rtl' ? { full: '27pt', short: '21pt' } : { full: '18pt', short: '14pt' };
  return `
${printFontFaces()}
@page { size: ${paper === 'A4' ? 'A4' : 'letter'} portrait; }
* { box-sizing: border-box; }
/*
 * Line height "normal": each line box is as tall as the ascent and descent of every font on it (Noto Sans Arabic's are
 * 1.374 and 0.738 em), so every mark above or below a letter lies inside its line. A smaller line height lets marks
 * overflow the line, and Chromium prints that overflow on the page before or after a page break (the damma of a
 * heading at the top of page 2 printed alone at the foot of page 1). Headings also get a little padding above, as
 * stacked Latin accents reach the very top of Noto Sans's ascent; items have theirs. A heading stays with what follows.
 */
html { font-family: ${printFontStack(direction)}; font-size: 10.5pt; line-height: normal; color: #000; background: #fff; }
body { margin: 0; }
h1, h2, h3, h4 { margin: 0; padding-block-start: 2pt; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 17pt; margin-block: 0 4pt; }
h2 { font-size: 13.5pt; margin-block: 16pt 6pt; padding-block-end: 3pt; border-block-end: 1.5pt solid #000; }
h3 { font-size: 11.5pt; margin-block: 12pt 4pt; }
h4 { font-size: 10.5pt; margin-block: 10pt 3pt; }
p { margin-block: 0 6pt; }
.confidential { display: inline-block; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; border: 1.5pt solid #000; padding: 1pt 6pt; margin-block-end: 8pt; }
.notice { font-size: 9pt; border-inline-start: 3pt solid #000; padding-inline-start: 6pt; margin-block: 6pt 10pt; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0 0 8pt; }
.meta dt { font-weight: 700; }
.meta dd { margin: 0; }
.muted { color: #333; }
.small { font-size: 9pt; }
.guidance { font-size: 9pt; color: #333; margin-block: 2pt 0; }
table { border-collapse: collapse; width: 100%; margin-block: 4pt 8pt; }
th, td { text-align: start; vertical-align: top; padding: 3pt 6pt; border-block-end: 0.5pt solid #777; }
th { width: 34%; font-weight: 700; }
.section { margin-block-end: 6pt; }
.items { list-style: none; margin: 0; padding: 0; }
.item { padding-block: 5pt; border-block-end: 0.5pt solid #999; break-inside: avoid; page-break-inside: avoid; }
.item:last-child { border-block-end: none; }
.question { font-weight: 700; }
.answer { margin-block-start: 2pt; }
.condition { font-size: 8.5pt; font-weight: 400; border: 0.5pt solid #555; border-radius: 2pt; padding: 0 3pt; margin-inline-start: 4pt; white-space: nowrap; }
.item-note { margin-block-start: 3pt; padding-inline-start: 6pt; border-inline-start: 1.5pt solid #555; white-space: pre-wrap; }
.label-tag { font-weight: 700; }
.state { display: inline-block; font-size: 9pt; border: 0.75pt solid #000; border-radius: 2pt; padding: 0 4pt; }
.state.empty { border-style: dashed; color: #333; }
.box, .circle { display: inline-block; width: 10pt; height: 10pt; border: 1pt solid #000; vertical-align: -1.5pt; margin-inline-end: 4pt; flex: none; }
.circle { border-radius: 50%; }
.box.ticked { background: radial-gradient(#000 0 40%, transparent 42%); }
.box.ticked { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.options { display: flex; flex-wrap: wrap; gap: 3pt 14pt; margin-block-start: 3pt; }
.options.column { flex-direction: column; }
.option { display: inline-flex; align-items: baseline; }
/* Lines to write on: in an Arabic document as much taller as its printed lines are (Noto Sans Arabic's 2.1 em against 1.4), for the marks. */
.write-line { border-block-end: 0.75pt solid #000; height: ${writeLine.full}; }
.write-line.short { display: inline-block; width: 40mm; height: ${writeLine.short}; vertical-align: bottom; }
.fill-in { display: flex; flex-wrap: wrap; gap: 6pt 18pt; margin-block: 6pt 10pt; }
.fill-in .write-line.short { width: 45mm; }
.note { break-inside: avoid; page-break-inside: avoid; margin-block-end: 8pt; }
.note-date { font-weight: 700; font-size: 9.5pt; }
.note-text { white-space: pre-wrap; margin-block-start: 2pt; }
.checklist { break-before: auto; }
.checklist + .checklist { break-before: page; page-break-before: always; }
.bdi { unicode-bidi: isolate; }
`;
}
