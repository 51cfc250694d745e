import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishPrintLabels, followUpsByDefault, printStyles, renderPrintDocument, escapeHtml, spellOut, type PrintLabels, type PrintOptions } from '@shared/print';
import { parseTemplateFile, recordAnswer, startChecklist, type ChecklistInstance, type ChecklistTemplate } from '@shared/checklists';
import type { CaseChecklist } from '@shared/cases';
import { shippedFiles, shippedTemplate, translatedFiles } from '../checklists/fixtures';
import { followUp } from '../followups/fixtures';
import { markers, printCase, printChecklist, printNotes, printTemplate } from './fixtures';

const labels: PrintLabels = englishPrintLabels;
const arabicLabels = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../src/renderer/src/features/export/locales/ar.json'), 'utf8')).print as PrintLabels;
const now = new Date('2026-03-05T12:00:00Z');

function render(options: Partial<PrintOptions> & Pick<PrintOptions, 'kind'>) {
  return renderPrintDocument({
    language: 'en',
    paper: 'A4',
    redaction: 'full',
    labels,
    now,
    timeZone: 'UTC',
    caseRecord: printCase(),
    notes: printNotes(),
    checklists: [printChecklist()],
    ...options,
  });
}

describe('case summary', () => {
  it('full: carries the alias, every note, text answers and item notes', () => {
    const { html } = render({ kind: 'caseSummary' });
    for (const marker of [markers.alias, markers.note, markers.arabicNote, markers.textAnswer, markers.itemNote, markers.option, 'WP-2026-0042']) {
      expect(html).toContain(escapeHtml(marker));
    }
    expect(html).toContain('Caseworker Ana');
    expect(html).toContain(labels.screening.title);
  });

  it('noAliasNoNotes: no alias, no note text, no text answers, no item notes; the choices stay', () => {
    const { html, suggestedName } = render({ kind: 'caseSummary', redaction: 'noAliasNoNotes' });
    for (const marker of ['ALIASMARK', 'Zoya', 'NOTEMARK', markers.arabicNote, 'TEXTANSWERMARK', 'ITEMNOTEMARK', 'Кириллица']) expect(html).not.toContain(marker);
    expect(html).toContain(markers.option);
    expect(html).toContain('WP-2026-0042');
    expect(html).toContain(labels.checklist.withheld);
    expect(html).toContain('Notes not included in this export: 3.');
    expect(suggestedName).toBe('waypoint-export-2026-03-05.pdf');
  });

  it('structureOnly: items and whether they are answered, no values, no profile', () => {
    const { html } = render({ kind: 'caseSummary', redaction: 'structureOnly' });
    for (const marker of ['ALIASMARK', 'NOTEMARK', 'TEXTANSWERMARK', 'ITEMNOTEMARK', 'OPTIONMARK', 'Caseworker Ana', 'priority', labels.screening.title]) {
      expect(html).not.toContain(marker);
    }
    expect(html).toContain('Was the person misled about the work?');
    expect(html).toContain(`>${labels.checklist.answered}<`);
    expect(html).toContain(labels.case.profileOmitted);
  });
});

describe('case summary: attached files', () => {
  it('lists the files by name only in the full export, escaped; the others count them; none says so', () => {
    const files = [
      { name: 'FILEMARK <script>.jpg', linkedTo: null },
      { name: 'عقد العمل.pdf', linkedTo: null },
    ];
    const full = render({ kind: 'caseSummary', files }).html;
    expect(full).toContain(`<h2>${labels.case.files}</h2>`);
    expect(full).toContain(escapeHtml('FILEMARK <script>.jpg'));
    expect(full).not.toContain('<script>');
    expect(full).toContain('عقد العمل.pdf');
    const redacted = render({ kind: 'caseSummary', redaction: 'noAliasNoNotes', files }).html;
    expect(redacted).not.toContain('FILEMARK');
    expect(redacted).toContain('Files not named in this export: 2.');
    expect(render({ kind: 'caseSummary' }).html).toContain(labels.case.noFiles);
  });

  it('names what each file is linked to: a note by its day (never its text), a checklist question by its words, or no longer linked', () => {
    const files = [
      { name: 'payslip.pdf', linkedTo: { type: 'note', noteId: 'n1', createdAt: '2026-12-01T10:00:00.000Z' } as const },
      { name: 'contract.pdf', linkedTo: { type: 'checklistItem', checklistId: 'c1', itemId: 'i1', checklistTitle: 'Screening', itemLabel: 'Was a contract signed?' } as const },
      { name: 'photo.jpg', linkedTo: { type: 'missing', was: 'note' } as const },
      { name: 'case-only.txt', linkedTo: null },
    ];
    const html = render({ kind: 'caseSummary', files }).html;
    expect(html).toMatch(/payslip\.pdf<\/span> <span class="small muted">\(with the note of [^)]*2026[^)]*\)<\/span>/);
    expect(html).toContain('(with the checklist question Screening: Was a contract signed?)');
    expect(html).toContain(`(${labels.case.fileUnlinked})`);
    expect(html).toMatch(/case-only\.txt<\/span><\/li>/);
    // Not named at all, and so not linked, below the full export.
    expect(render({ kind: 'caseSummary', redaction: 'noAliasNoNotes', files }).html).not.toContain('Was a contract signed?');
  });
});

describe('filled checklist', () => {
  it('shows visible items with their answers; a follow-up is shown once its condition holds', () => {
    const { html, reference } = render({ kind: 'filledChecklist' });
    expect(reference).toBe('WP-2026-0042');
    expect(html).toContain('Asked only if misled');
    expect(html).toContain('7 of 8 answered');
    expect(html).toContain(escapeHtml(markers.itemNote));
    expect(html).not.toContain(markers.note); // case notes belong to the summary
  });

  it('drops free text at noAliasNoNotes and every value at structureOnly', () => {
    const partial = render({ kind: 'filledChecklist', redaction: 'noAliasNoNotes' }).html;
    expect(partial).not.toContain('TEXTANSWERMARK');
    expect(partial).not.toContain('ITEMNOTEMARK');
    expect(partial).toContain('OPTIONMARK');
    const structure = render({ kind: 'filledChecklist', redaction: 'structureOnly' }).html;
    for (const marker of ['TEXTANSWERMARK', 'ITEMNOTEMARK', 'OPTIONMARK', '>Yes<', 'Debt']) expect(structure).not.toContain(marker);
  });
});

describe('the child sections print as the checklist runner shows them', () => {
  const palermo = shippedTemplate('palermo-initial-screening');
  const safety = shippedTemplate('immediate-safety-needs');
  const childLabels = safety.sections
    .flatMap((section) => section.items)
    .filter((item) => item.id.startsWith('child-'))
    .map((item) => escapeHtml(item.label));
  function started(template: ChecklistTemplate, values: Record<string, unknown>): CaseChecklist {
    let instance: ChecklistInstance = startChecklist(template, `cl-${template.id}`, '2026-03-02T10:00:00.000Z');
    for (const [id, value] of Object.entries(values)) {
      const result = recordAnswer(instance, id, value, '2026-03-02T10:00:00.000Z');
      if (!result.ok) throw new Error(`${id}: ${result.reason}`);
      instance = result.instance;
    }
    return { caseId: 'case-1', status: 'inProgress', instance };
  }
  // The case record does not say the person's age; the screening's answer says they may be under 18.
  const screening = started(palermo, { 'age-under-18': 'yes' });
  const safetyChecklist = started(safety, {});

  it('a "yes" to the age question of another checklist shows them in the summary and in the printed checklist', () => {
    expect(childLabels.length).toBeGreaterThan(0);
    const summary = render({ kind: 'caseSummary', checklists: [screening, safetyChecklist] }).html;
    const printed = render({ kind: 'filledChecklist', checklists: [safetyChecklist], caseChecklists: [screening, safetyChecklist] }).html;
    for (const label of childLabels) {
      expect(summary).toContain(label);
      expect(printed).toContain(label);
    }
  });

  it('they stay hidden when no answer and no record says so', () => {
    const adult = started(palermo, { 'age-under-18': 'no' });
    const printed = render({ kind: 'filledChecklist', checklists: [safetyChecklist], caseChecklists: [adult, safetyChecklist] }).html;
    for (const label of childLabels) expect(printed).not.toContain(label);
  });
});

describe('blank checklist', () => {
  it('prints every item, conditional ones marked, with boxes and lines and no case data', () => {
    const { html, headerTemplate, suggestedName } = render({ kind: 'blankChecklist', template: printTemplate });
    for (const section of printTemplate.sections) for (const item of section.items) expect(html).toContain(escapeHtml(item.label));
    expect(html).toContain(labels.checklist.ifApplicable);
    expect(html).toContain('class="box"');
    expect(html).toContain('class="circle"');
    expect(html).toContain('class="write-line"');
    for (const marker of ['WP-2026-0042', 'ALIASMARK', 'TEXTANSWERMARK']) expect(html).not.toContain(marker);
    expect(headerTemplate).toContain('Print sample checklist');
    expect(suggestedName).toBe('waypoint-export-2026-03-05.pdf');
  });

  it('prints every shipped template', () => {
    const folder = resolve(import.meta.dirname, '../../../resources/checklists');
    const ilo = JSON.parse(readFileSync(resolve(folder, 'ilo-forced-labour-indicators.json'), 'utf8'));
    expect(render({ kind: 'blankChecklist', template: ilo }).html).toContain(escapeHtml(ilo.sections[0].items[0].label));
  });
});

describe('what shows without opening the file', () => {
  it("the file name and the title (the PDF's Title metadata) say the kind of document and the day, nothing about the case or template", () => {
    const documents = [render({ kind: 'caseSummary' }), render({ kind: 'filledChecklist' }), render({ kind: 'blankChecklist', template: printTemplate })];
    const titles = documents.map((document) => /<title>(.*)<\/title>/.exec(document.html)![1]);
    expect(titles).toEqual([`${labels.titles.caseSummary} · March 5, 2026`, `${labels.titles.filledChecklist} · March 5, 2026`, `${labels.titles.blankChecklist} · March 5, 2026`]);
    for (const document of documents) {
      expect(document.suggestedName).toBe('waypoint-export-2026-03-05.pdf');
      for (const secret of ['WP-2026-0042', 'ALIASMARK', 'Zoya', printTemplate.title, printTemplate.id, printChecklist().instance.templateId]) {
        expect(document.suggestedName).not.toContain(secret);
        expect(titles.join(' ')).not.toContain(secret);
      }
    }
  });
});

describe('a blank checklist for paper', () => {
  const localeLabels = (language: string) =>
    JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../src/renderer/src/features/export/locales/${language}.json`), 'utf8')).print as PrintLabels;
  const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

  it('gives each question the space its type needs: boxes and circles for choices, lines for text, in every language', () => {
    const languages = ['en', 'es', 'fr', 'ar'] as const;
    let checked = 0;
    for (const language of languages) {
      const files = language === 'en' ? shippedFiles() : translatedFiles(language);
      for (const { file, text } of files) {
        const parsed = parseTemplateFile(text);
        if (!parsed.ok) throw new Error(`${language}/${file}`);
        const { html } = render({ kind: 'blankChecklist', template: parsed.template, language, labels: localeLabels(language) });
        const printed = html.match(/<li class="item">[\s\S]*?<\/li>/g) ?? [];
        const items = parsed.template.sections.flatMap((section) => section.items);
        expect(printed, `${language}/${file}`).toHaveLength(items.length);
        items.forEach((item, i) => {
          const space = printed[i]!;
          const boxes = count(space, /class="box"/g);
          const circles = count(space, /class="circle"/g);
          const lines = count(space, /class="write-line"/g);
          const short = count(space, /class="write-line short"/g);
          const expected = {
            check: [1, 0, 0, 0],
            yesNoUnknown: [3, 0, 0, 0],
            single: [0, item.kind === 'single' ? item.options.length : 0, 0, 0],
            multiple: [item.kind === 'multiple' ? item.options.length : 0, 0, 0, 0],
            text: [0, 0, item.kind === 'text' && item.multiline ? 4 : 1, 0],
            date: [0, 0, 0, 1],
            number: [0, 0, 0, 1],
          }[item.kind];
          expect([boxes, circles, lines, short], `${language}/${file} ${item.id}`).toEqual(expected);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('an Arabic page has taller lines to write on, as its printed lines are', () => {
    const height = (direction: 'ltr' | 'rtl') => Number(/\.write-line \{[^}]*height: (\d+)pt/.exec(printStyles('A4', direction))![1]);
    expect(height('rtl')).toBeGreaterThanOrEqual(height('ltr') * 1.4);
  });
});

describe('structure for a tagged PDF', () => {
  const documents = () => [render({ kind: 'caseSummary' }), render({ kind: 'filledChecklist' }), render({ kind: 'blankChecklist', template: printTemplate })];

  it('headings go down one level at a time, from one h1, so the outline nests', () => {
    for (const { html } of documents()) {
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
      expect(levels[0]).toBe(1);
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
    }
  });

  it('every table row has its header cell', () => {
    for (const { html } of documents()) {
      for (const [row] of html.matchAll(/<tr>.*?<\/tr>/g)) expect(row).toMatch(/^<tr><th scope="row">/);
    }
  });
});

describe('a title the caseworker types', () => {
  it('names the document in its properties instead of the kind and the day, escaped; blank means none', () => {
    expect(/<title>(.*)<\/title>/.exec(render({ kind: 'caseSummary', title: '  Referral <to> shelter  ' }).html)![1]).toBe('Referral &lt;to&gt; shelter');
    expect(/<title>(.*)<\/title>/.exec(render({ kind: 'caseSummary', title: '   ' }).html)![1]).toBe(`${labels.titles.caseSummary} · March 5, 2026`);
    // The file name stays neutral: the save dialog is where a name is typed.
    expect(render({ kind: 'caseSummary', title: 'Referral' }).suggestedName).toBe('waypoint-export-2026-03-05.pdf');
  });
});

describe('escaping', () => {
  it('escapes hostile text everywhere it can appear', () => {
    const record = { ...printCase(), alias: markers.hostile, tags: [markers.hostile] };
    const notes = [{ ...printNotes()[0]!, text: markers.hostile }];
    const template = {
      ...printTemplate,
      title: `Title ${markers.hostile}`,
      sections: [{ ...printTemplate.sections[0]!, title: `"quoted" ${markers.hostile}` }, printTemplate.sections[1]!],
    };
    const checklist = printChecklist(template);
    const { html, headerTemplate } = render({ kind: 'caseSummary', caseRecord: record, notes, checklists: [checklist] });
    const blank = render({ kind: 'blankChecklist', template });
    for (const text of [html, headerTemplate, blank.html, blank.headerTemplate]) {
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('<img');
      expect(text).not.toMatch(/onerror='/);
    }
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('onerror=&#39;boom&#39;');
    expect(html.match(/<script/g)).toBeNull();
  });

  it('escapes the label texts too', () => {
    const hostileLabels = { ...labels, confidential: '<b>Confidential</b>' };
    const { html, headerTemplate, footerTemplate } = render({ kind: 'caseSummary', labels: hostileLabels });
    for (const text of [html, headerTemplate, footerTemplate]) expect(text).not.toContain('<b>Confidential');
  });
});

describe('language and direction', () => {
  it('an Arabic document is right to left, with Arabic words and the Arabic face first', () => {
    const { html, headerTemplate, footerTemplate } = render({ kind: 'caseSummary', language: 'ar', labels: arabicLabels });
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('ملخص الحالة');
    expect(html).toMatch(/font-family: 'Waypoint Print Arabic', 'Waypoint Print Sans'/);
    expect(headerTemplate).toContain('dir="rtl"');
    expect(headerTemplate).toContain('سرّي');
    expect(footerTemplate).toContain('الصفحة <span class="pageNumber"></span> من <span class="totalPages"></span>');
  });

  it('an English document is left to right', () => {
    expect(render({ kind: 'caseSummary' }).html).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('the fonts are the bundled ones, by URL at the print origin; Arabic and Thai only where used', () => {
    const { html } = render({ kind: 'caseSummary' });
    expect(html).toContain("url('https://print.waypoint.invalid/fonts/NotoSansArabic-Regular.ttf')");
    expect(html).toMatch(
      /Waypoint Print Thai'; font-style: normal; font-weight: 400; font-display: block; src: url\('[^']+NotoSansThai-Regular.ttf'\) format\('truetype'\); unicode-range: U\+0E00-0E7F/,
    );
  });
});

describe('header and footer', () => {
  it('carry Confidential, the case code, the date and page N of M', () => {
    const { headerTemplate, footerTemplate } = render({ kind: 'caseSummary' });
    expect(headerTemplate).toContain('Confidential');
    expect(headerTemplate).toContain('WP-2026-0042');
    expect(headerTemplate).toContain('March 5, 2026');
    expect(headerTemplate).not.toContain('ALIASMARK');
    expect(footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(footerTemplate).toContain('Confidential');
  });
});

describe('case summary: follow-ups', () => {
  const title = 'FOLLOWUPMARK hearing <b>at</b> the court';
  const followUps = [
    followUp({ id: 'f1', caseId: 'case-1', kind: 'appointment', title, due: { date: '2026-03-29', time: '10:00', zone: 'Europe/Madrid' }, repeat: null }),
    followUp({ id: 'f2', caseId: 'case-1', kind: 'checkIn', title: 'Weekly call', due: { date: '2026-03-02', time: null, zone: null }, repeat: 'weekly', occurrencesDone: 2 }),
    followUp({ id: 'f3', caseId: 'case-1', kind: 'referralToChase', title: 'Chase shelter', status: 'done', statusChangedAt: '2026-03-03T10:00:00.000Z' }),
  ];
  const section = (html: string) => html.slice(html.indexOf('<h2>Follow-ups</h2>'), html.indexOf('<h2>Checklists</h2>'));

  it('is ticked by default only with everything', () => {
    expect(followUpsByDefault('full')).toBe(true);
    expect(followUpsByDefault('noAliasNoNotes')).toBe(false);
    expect(followUpsByDefault('structureOnly')).toBe(false);
  });

  it('is left out unless given; empty, it says so', () => {
    expect(render({ kind: 'caseSummary' }).html).not.toContain('<h2>Follow-ups</h2>');
    expect(render({ kind: 'caseSummary', followUps: [] }).html).toContain('<h2>Follow-ups</h2><p class="muted">No follow-ups.</p>');
    expect(render({ kind: 'filledChecklist', followUps }).html).not.toContain('Follow-ups');
  });

  it('full: by the date due now, each with its kind, status, repeat and escaped title; a timed one at its time in its zone', () => {
    const html = section(render({ kind: 'caseSummary', followUps, labels: { ...labels, followUpKinds: { appointment: 'Hearing or appointment' } } }).html);
    // A kind without a name (the feature's locale not given) is spelled out.
    expect(html).toContain(escapeHtml(title));
    expect(html).not.toContain('<b>at</b>');
    // The weekly check-in first on 2 March, two occurrences done: due now on 16 March.
    expect(html.indexOf('March 16, 2026')).toBeGreaterThan(-1);
    expect(html.indexOf('March 16, 2026')).toBeLessThan(html.indexOf('March 29, 2026 at 10:00 AM (Europe/Madrid)'));
    expect(html).toContain('check in · Open · repeats every week');
    expect(html).toContain('Hearing or appointment · Open');
    expect(html).toContain('referral to chase · Done');
    expect(html.match(/<th scope="row">/g)).toHaveLength(3);
  });

  it('without free text it leaves out the titles; structure only gives the count', () => {
    const redacted = section(render({ kind: 'caseSummary', followUps, redaction: 'noAliasNoNotes' }).html);
    expect(redacted).not.toContain('FOLLOWUPMARK');
    expect(redacted).not.toContain('Weekly call');
    expect(redacted).toContain('What to do is not included in this export.');
    expect(redacted).toContain('March 29, 2026');
    const structure = section(render({ kind: 'caseSummary', followUps, redaction: 'structureOnly' }).html);
    expect(structure).toContain('Follow-ups not included in this export: 3.');
    expect(structure).not.toContain('March 29');
  });

  it('dates in the document’s language, in Arabic too', () => {
    const { html } = render({ kind: 'caseSummary', language: 'ar', labels: arabicLabels, followUps });
    expect(html).toContain(`<h2>${arabicLabels.followUps.title}</h2>`);
    expect(html).toContain(new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Madrid' }).format(Date.UTC(2026, 2, 29, 8)));
  });
});

describe('labels', () => {
  it('the export locales carry exactly the print labels', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [prefix];
    const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../src/renderer/src/features/export/locales/en.json'), 'utf8'));
    const ar = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../src/renderer/src/features/export/locales/ar.json'), 'utf8'));
    expect(en.print).toEqual(englishPrintLabels);
    expect(keys(ar).sort()).toEqual(keys(en).sort());
  });

  it('spells out HTCDS values without a label', () => {
    expect(spellOut('ForcedLabour')).toBe('Forced labour');
    expect(spellOut('A_AgricultureForestryAndFishing')).toBe('Agriculture forestry and fishing');
  });
});
