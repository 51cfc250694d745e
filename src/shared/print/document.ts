import type { CaseNote } from '../cases/notes';
import type { CaseChecklist } from '../cases/records';
import { isChildAtIdentification, type CaseRecord } from '../cases/schema';
import { answerFor, isAnswered, visibleItems, type Answer } from '../checklists/answers';
import type { CaseContext, ChecklistItem, ChecklistTemplate } from '../checklists/schema';
import { contextWithAnswers, screeningSummary } from '../checklists/screening';
import { exportFileName } from '../files';
import { currentDue, dueInstant } from '../followups/agenda';
import type { LinkTarget } from '../followups/links';
import type { FollowUp } from '../followups/schema';
import type { Language } from '../languages';
import { escapeHtml } from './escape';
import { headerFooterFontStack } from './fonts';
import { fillLabel, type PrintLabels } from './labels';
import { printMargins, printStyles, type Paper } from './styles';

export const printKinds = ['filledChecklist', 'blankChecklist', 'caseSummary'] as const;
export type PrintKind = (typeof printKinds)[number];

/**
 * How much of the case a document carries.
 * - full: everything.
 * - noAliasNoNotes: no alias and no free text (case notes, per-item notes, answers to text items).
 * - structureOnly: the checklists' sections and items and which items are answered; no values.
 */
export const redactionLevels = ['full', 'noAliasNoNotes', 'structureOnly'] as const;
export type Redaction = (typeof redactionLevels)[number];

/** A case summary's follow-ups section is optional: offered ticked only with everything, as a careful default. */
export function followUpsByDefault(redaction: Redaction): boolean {
  return redaction === 'full';
}

/** An attached file as a case summary names it: with the note or checklist question it belongs with, if any (`resolveLink`). */
export interface PrintedFile {
  name: string;
  linkedTo: LinkTarget | null;
}

export interface PrintOptions {
  kind: PrintKind;
  language: Language;
  direction?: 'ltr' | 'rtl';
  paper: Paper;
  redaction: Redaction;
  /** Needed for 'caseSummary'; gives the code (and the case context) to 'filledChecklist'. */
  caseRecord?: CaseRecord;
  notes?: readonly CaseNote[];
  /** For 'caseSummary': the case's attached files (names and links only: a file's contents are never printed). */
  files?: readonly PrintedFile[];
  /** The checklists to print: all of the case's for a summary, the one to print for 'filledChecklist'. */
  checklists?: readonly CaseChecklist[];
  /** A case summary's optional follow-ups section: printed when given (even empty), left out when absent. */
  followUps?: readonly FollowUp[];
  /** Needed for 'blankChecklist'. */
  template?: ChecklistTemplate;
  labels: PrintLabels;
  /**
   * Every checklist of the case, printed or not: as in the checklist runner, a "yes" to an age question in any of
   * them shows the child sections (contextWithAnswers). The printed checklists by default.
   */
  caseChecklists?: readonly CaseChecklist[];
  /** What conditions in templates read about the case record; derived from caseRecord when absent. */
  caseContext?: CaseContext;
  /**
   * A title the caseworker typed for the file's properties (the PDF's Title metadata). Without one, the title is the
   * kind of document and the day, nothing about the case.
   */
  title?: string;
  /** When the document is printed; now by default. */
  now?: Date;
  /** For dates; the system's time zone by default. */
  timeZone?: string;
}

/** A complete document and the header and footer Chromium draws on every page. */
export interface PrintDocument {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  /** What identifies the document in the header: the case code, or the template title for a blank checklist. */
  reference: string;
  /** A neutral file name: the kind of file and the day (see exportFileName). */
  suggestedName: string;
}

export class PrintInputError extends Error {
  override readonly name = 'PrintInputError';
}

interface Context {
  labels: PrintLabels;
  redaction: Redaction;
  language: Language;
  date(iso: string): string;
  day(isoDay: string): string;
  /** An instant as the date and time in `zone`. */
  instant(time: number, zone: string): string;
  country(code: string): string;
  value(list: string, value: string): string;
}

/**
 * Data and options -> a complete HTML document (with its print stylesheet) and the header and
 * footer templates. Pure: the same input gives the same output. Every piece of user text is
 * escaped; what the redaction level leaves out never reaches the HTML at all.
 */
export function renderPrintDocument(options: PrintOptions): PrintDocument {
  const { kind, labels, language } = options;
  const direction = options.direction ?? (language === 'ar' ? 'rtl' : 'ltr');
  const redaction: Redaction = kind === 'blankChecklist' ? 'structureOnly' : options.redaction;
  const context = makeContext(options, redaction);
  const now = options.now ?? new Date();
  const printedOn = context.date(now.toISOString());

  let reference: string;
  let body: string;
  if (kind === 'blankChecklist') {
    const template = options.template;
    if (!template) throw new PrintInputError('a blank checklist needs a template');
    reference = template.title;
    body = blankChecklist(template, context);
  } else {
    const record = options.caseRecord;
    const checklists = options.checklists ?? [];
    if (kind === 'caseSummary' && !record) throw new PrintInputError('a case summary needs the case record');
    if (kind === 'filledChecklist' && checklists.length === 0) throw new PrintInputError('a filled checklist needs a checklist');
    const recordContext = options.caseContext ?? { isChild: record ? isChildAtIdentification(record) : null, country: null };
    const caseContext = contextWithAnswers(
      recordContext,
      (options.caseChecklists ?? checklists).map((checklist) => checklist.instance),
    );
    reference = record?.code ?? '';
    if (kind === 'caseSummary' && record) {
      body = caseSummary(record, options.notes ?? [], options.files ?? [], checklists, caseContext, context, options.followUps);
    } else {
      body = checklists.map((checklist) => filledChecklist(checklist, caseContext, context, checklists.length > 1)).join('\n');
    }
  }

  // The PDF's Title metadata comes from <title>: the kind of document and the day only, as a file manager or a
  // PDF reader's recent-files list shows it without opening the file; or what the caseworker typed for it.
  const typedTitle = options.title?.trim() ?? '';
  const title = typedTitle !== '' ? typedTitle : `${labels.titles[kind]} · ${printedOn}`;
  const head = `<header class="doc-head">
<p class="confidential">${escapeHtml(labels.confidential)}</p>
<h1>${escapeHtml(labels.titles[kind])}${kind === 'blankChecklist' ? '' : reference ? ` <span class="bdi">${escapeHtml(reference)}</span>` : ''}</h1>
<dl class="meta">
${kind === 'blankChecklist' ? '' : reference ? `<dt>${escapeHtml(labels.caseCode)}</dt><dd class="bdi">${escapeHtml(reference)}</dd>` : ''}
<dt>${escapeHtml(labels.printedOn)}</dt><dd>${escapeHtml(printedOn)}</dd>
${kind === 'blankChecklist' ? '' : `<dt>${escapeHtml(labels.included)}</dt><dd>${escapeHtml(labels.redaction[redaction])}</dd>`}
</dl>
<p class="notice">${escapeHtml(labels.notice)}</p>
</header>`;

  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(language)}" dir="${direction}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${printStyles(options.paper, direction)}</style>
</head>
<body>
${head}
<main>
${body}
</main>
</body>
</html>
`;
  return {
    html,
    headerTemplate: headerTemplate(labels, reference, printedOn, language, direction),
    footerTemplate: footerTemplate(labels, language, direction),
    reference,
    suggestedName: exportFileName('export', 'pdf', now),
  };
}

/**
 * The header Chromium draws on every page: "Confidential", the reference and the date. Header and
 * footer templates are separate documents with no access to the page's styles, so they carry their
 * own (see headerFooterFontStack).
 */
export function headerTemplate(labels: PrintLabels, reference: string, printedOn: string, language: Language, direction: 'ltr' | 'rtl'): string {
  return templateShell(
    language,
    direction,
    `<span class="c">${escapeHtml(labels.confidential)}</span><span class="r">${escapeHtml(reference)}</span><span>${escapeHtml(printedOn)}</span>`,
  );
}

/** The footer: "Confidential" again and "page N of M" (Chromium fills the pageNumber and totalPages spans). */
export function footerTemplate(labels: PrintLabels, language: Language, direction: 'ltr' | 'rtl'): string {
  const [before = '', between = '', after = ''] = labels.pageOf.split(/\{page\}|\{total\}/);
  const pageFirst = labels.pageOf.indexOf('{page}') <= labels.pageOf.indexOf('{total}');
  const first = pageFirst ? '<span class="pageNumber"></span>' : '<span class="totalPages"></span>';
  const second = pageFirst ? '<span class="totalPages"></span>' : '<span class="pageNumber"></span>';
  const pages = `${escapeHtml(before)}${first}${escapeHtml(between)}${second}${escapeHtml(after)}`;
  return templateShell(language, direction, `<span class="c">${escapeHtml(labels.confidential)}</span><span>${pages}</span>`);
}

function templateShell(language: Language, direction: 'ltr' | 'rtl', content: string): string {
  const { left, right } = printMargins;
  // Chromium renders templates at a tiny default size with no margins: set both explicitly.
  const style = [
    `font-family: ${headerFooterFontStack}`,
    'font-size: 8pt',
    'color: #000',
    'width: 100%',
    'margin: 0',
    `padding: 0 ${right}in 0 ${left}in`,
    'display: flex',
    'justify-content: space-between',
    'gap: 12pt',
    '-webkit-print-color-adjust: exact',
  ].join('; ');
  return `<div lang="${escapeHtml(language)}" dir="${direction}" style="${style}"><style>.c { font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; } .r { unicode-bidi: isolate; }</style>${content}</div>`;
}

function makeContext(options: PrintOptions, redaction: Redaction): Context {
  const { language, labels } = options;
  const timeZone = options.timeZone;
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) });
  const dayFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  let countries: Intl.DisplayNames | null = null;
  try {
    countries = new Intl.DisplayNames([language], { type: 'region' });
  } catch {
    countries = null;
  }
  return {
    labels,
    redaction,
    language,
    date: (iso) => {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : dateFormat.format(time);
    },
    day: (isoDay) => {
      const time = Date.parse(`${isoDay}T12:00:00Z`);
      return Number.isNaN(time) ? isoDay : dayFormat.format(time);
    },
    instant: (time, zone) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(time),
    country: (code) => countries?.of(code) ?? code,
    value: (list, value) => labels.values?.[list]?.[value] ?? spellOut(value),
  };
}

/** "ForcedLabour" -> "Forced labour", "A_AgricultureForestryAndFishing" -> "Agriculture forestry and fishing". */
export function spellOut(identifier: string): string {
  const words = identifier
    .replace(/^[A-Z]_/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/);
  return words.map((word, i) => (i === 0 ? word : word.toLowerCase())).join(' ');
}

// --- case summary ---------------------------------------------------------------------------

function caseSummary(
  record: CaseRecord,
  notes: readonly CaseNote[],
  files: readonly PrintedFile[],
  checklists: readonly CaseChecklist[],
  caseContext: CaseContext,
  ctx: Context,
  followUps: readonly FollowUp[] | undefined,
): string {
  const { labels, redaction } = ctx;
  const L = labels.case;
  const rows: Array<[string, string]> = [];
  if (redaction === 'full' && record.alias) rows.push([L.alias, text(record.alias)]);
  rows.push([L.status, escapeHtml(labels.caseStatus[record.status])]);
  if (redaction !== 'structureOnly') {
    if (record.assignedTo.trim()) rows.push([L.assignedTo, text(record.assignedTo)]);
    if (record.tags.length > 0) rows.push([L.tags, record.tags.map(text).join(', ')]);
  }
  rows.push([L.createdAt, escapeHtml(ctx.date(record.createdAt))]);
  rows.push([L.updatedAt, escapeHtml(ctx.date(record.updatedAt))]);

  const parts = [`<section class="section"><h2>${escapeHtml(L.details)}</h2>${table(rows)}</section>`];

  if (redaction !== 'structureOnly') {
    // Each row's date is its header cell, so a tagged PDF reads "date: status" as a table.
    const history = record.statusHistory.map((change): [string, string] => [ctx.date(change.date), escapeHtml(labels.caseStatus[change.status])]);
    parts.push(`<section class="section"><h3>${escapeHtml(L.statusHistory)}</h3>${table(history)}</section>`);
    parts.push(`<section class="section"><h2>${escapeHtml(L.profile)}</h2>${table(profileRows(record, ctx))}</section>`);
    const consent = record.consent;
    const yesNo = (value: boolean) => escapeHtml(value ? labels.common.yes : labels.common.no);
    parts.push(
      `<section class="section"><h3>${escapeHtml(L.consent)}</h3>${table([
        [L.consentRecord, yesNo(consent.record)],
        [L.consentRefer, yesNo(consent.refer)],
        [L.consentShare, yesNo(consent.share)],
      ])}</section>`,
    );
    parts.push(screening(checklists, caseContext, ctx));
  } else {
    parts.push(`<p class="muted">${escapeHtml(L.profileOmitted)}</p>`);
  }

  parts.push(`<section class="section"><h2>${escapeHtml(L.notes)}</h2>${notesPart(notes, ctx)}</section>`);
  if (followUps) parts.push(`<section class="section"><h2>${escapeHtml(ctx.labels.followUps.title)}</h2>${followUpsPart(followUps, ctx)}</section>`);
  parts.push(`<section class="section"><h2>${escapeHtml(L.files)}</h2>${filesPart(files, ctx)}</section>`);

  parts.push(`<h2>${escapeHtml(labels.checklist.checklists)}</h2>`);
  if (checklists.length === 0) parts.push(`<p class="muted">${escapeHtml(labels.checklist.noChecklists)}</p>`);
  else parts.push(checklists.map((checklist) => filledChecklist(checklist, caseContext, ctx, false, 'h3')).join('\n'));
  return parts.join('\n');
}

/**
 * Names only, never contents; a name is free text, so only the full export carries it, as with notes. Each
 * says what it belongs with: a note by its day (never its text), a checklist question by its words.
 */
function filesPart(files: readonly PrintedFile[], ctx: Context): string {
  const L = ctx.labels.case;
  if (files.length === 0) return `<p class="muted">${escapeHtml(L.noFiles)}</p>`;
  if (ctx.redaction !== 'full') return `<p class="muted">${escapeHtml(fillLabel(L.filesOmitted, { count: files.length }))}</p>`;
  const linked = (target: LinkTarget): string =>
    target.type === 'note'
      ? fillLabel(L.fileWithNote, { date: ctx.date(target.createdAt) })
      : target.type === 'checklistItem'
        ? fillLabel(L.fileWithItem, { checklist: target.checklistTitle, item: target.itemLabel })
        : L.fileUnlinked;
  return `<ul>${files.map(({ name, linkedTo }) => `<li>${text(name)}${linkedTo ? ` <span class="small muted">(${escapeHtml(linked(linkedTo))})</span>` : ''}</li>`).join('')}</ul>`;
}

function notesPart(notes: readonly CaseNote[], ctx: Context): string {
  const L = ctx.labels.case;
  if (notes.length === 0) return `<p class="muted">${escapeHtml(L.noNotes)}</p>`;
  // Only the full export carries free text; the others say how many notes there are.
  if (ctx.redaction !== 'full') return `<p class="muted">${escapeHtml(fillLabel(L.notesOmitted, { count: notes.length }))}</p>`;
  const sorted = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return sorted
    .map(
      (note) =>
        `<article class="note"><div class="note-date">${escapeHtml(ctx.date(note.createdAt))}</div><div class="note-text" dir="auto">${escapeHtml(note.text)}</div>${
          note.history.length > 0 ? `<div class="small muted">${escapeHtml(L.edited)}</div>` : ''
        }</article>`,
    )
    .join('\n');
}

/**
 * One row per follow-up, by the date due now: the date (a timed one in its own zone, named) as the row's
 * header, then kind, status and repeat, and the title in the caseworker's words only in a full export.
 * Structure only gives the count.
 */
function followUpsPart(followUps: readonly FollowUp[], ctx: Context): string {
  const F = ctx.labels.followUps;
  if (followUps.length === 0) return `<p class="muted">${escapeHtml(F.none)}</p>`;
  if (ctx.redaction === 'structureOnly') return `<p class="muted">${escapeHtml(fillLabel(F.omitted, { count: followUps.length }))}</p>`;
  const placed = followUps.map((followUp) => {
    const due = currentDue(followUp);
    const instant = dueInstant(due);
    return { followUp, due, sortKey: instant ?? Date.parse(`${due.date}T00:00:00Z`) };
  });
  placed.sort((a, b) => a.sortKey - b.sortKey);
  const rows = placed.map(({ followUp, due, sortKey }): [string, string] => {
    const when = due.time === null || due.zone === null ? ctx.day(due.date) : `${ctx.instant(sortKey, due.zone)} (${due.zone})`;
    const facts = [
      ctx.labels.followUpKinds?.[followUp.kind] ?? spellOut(followUp.kind),
      F.status[followUp.status],
      followUp.repeat ? F.repeats[followUp.repeat] : null,
      followUp.status === 'open' && followUp.snoozedUntil ? fillLabel(F.snoozed, { date: ctx.day(followUp.snoozedUntil) }) : null,
    ].filter((fact): fact is string => fact !== null);
    const what =
      ctx.redaction === 'full' ? `<div class="note-text" dir="auto">${escapeHtml(followUp.title)}</div>` : `<div class="small muted">${escapeHtml(F.titleWithheld)}</div>`;
    return [when, `${escapeHtml(facts.join(' · '))}${what}`];
  });
  return table(rows);
}

function profileRows(record: CaseRecord, ctx: Context): Array<[string, string]> {
  const { profile } = record;
  const L = ctx.labels.case;
  const none = escapeHtml(ctx.labels.common.notRecorded);
  const one = (list: string, value: string | null) => (value === null ? none : escapeHtml(ctx.value(list, value)));
  const many = (list: string, values: readonly string[]) => (values.length === 0 ? none : values.map((v) => escapeHtml(ctx.value(list, v))).join(', '));
  const countries = (codes: readonly string[]) => (codes.length === 0 ? none : codes.map((code) => escapeHtml(ctx.country(code))).join(', '));
  const rows: Array<[string, string]> = [[L.gender, one('gender', profile.gender)]];
  if (profile.birthYear !== null) rows.push([L.birthYear, escapeHtml(String(profile.birthYear))]);
  else rows.push([L.ageGroup, profile.ageGroup === null ? none : escapeHtml(profile.ageGroup)]);
  rows.push(
    [L.identifiedOn, profile.identifiedOn === null ? none : escapeHtml(ctx.day(profile.identifiedOn))],
    [L.citizenship, countries(profile.citizenship)],
    [L.countriesOfOrigin, countries(profile.countriesOfOrigin)],
    [L.countriesOfTransit, countries(profile.countriesOfTransit)],
    [L.countriesOfExploitation, countries(profile.countriesOfExploitation)],
    [L.exploitationTypes, many('exploitationTypes', profile.exploitationTypes)],
    [L.labourSector, one('labourSector', profile.labourSector)],
    [L.methodsOfControl, many('methodsOfControl', profile.methodsOfControl)],
    [L.assistanceProvided, many('assistanceProvided', profile.assistanceProvided)],
  );
  return rows;
}

function screening(checklists: readonly CaseChecklist[], caseContext: CaseContext, ctx: Context): string {
  if (checklists.length === 0) return '';
  const S = ctx.labels.screening;
  const summary = screeningSummary(
    checklists.map((checklist) => checklist.instance),
    caseContext,
  );
  const finding = (element: 'act' | 'means' | 'purpose') => {
    const found = summary.elements[element];
    if (!found.required && !found.supported) return S.notRequired;
    return found.supported ? S.supported : S.notSupported;
  };
  const rows: Array<[string, string]> = (['act', 'means', 'purpose'] as const).map((element) => [S[element], escapeHtml(finding(element))]);
  const notes = [
    summary.childRule.applies ? S.childRule : null,
    summary.childRule.ageUncertain ? S.ageUncertain : null,
    fillLabel(S.ilo, { count: summary.ilo.count, total: summary.ilo.total }),
  ].filter((line): line is string => line !== null);
  return `<section class="section"><h2>${escapeHtml(S.title)}</h2>${table(rows)}${notes.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p class="notice">${escapeHtml(S.disclaimer)}</p></section>`;
}

function table(rows: ReadonlyArray<readonly [string, string]>): string {
  return `<table><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

/** User text in an isolated, direction-detecting span: a Latin alias in an Arabic page (or the reverse) keeps its order. */
function text(value: string): string {
  return `<span dir="auto" class="bdi">${escapeHtml(value)}</span>`;
}

// --- checklists -----------------------------------------------------------------------------

function filledChecklist(checklist: CaseChecklist, caseContext: CaseContext, ctx: Context, newPage: boolean, heading: 'h2' | 'h3' = 'h2'): string {
  const { instance } = checklist;
  const template = instance.templateSnapshot;
  const L = ctx.labels.checklist;
  const shown = visibleItems(template, instance.answers, caseContext);
  const shownIds = new Set(shown.map((item) => item.id));
  const answered = shown.filter((item) => isAnswered(item, answerFor(instance.answers, item.id))).length;
  const meta: Array<[string, string]> = [
    [L.status, escapeHtml(checklist.status === 'completed' ? L.completed : L.inProgress)],
    [L.version, escapeHtml(String(instance.templateVersion))],
    [L.started, escapeHtml(ctx.date(instance.startedAt))],
    [L.updated, escapeHtml(ctx.date(instance.updatedAt))],
    [L.answered, escapeHtml(fillLabel(L.progress, { answered, total: shown.length }))],
  ];
  const sections = template.sections
    .map((section) => {
      const items = section.items.filter((item) => shownIds.has(item.id));
      if (items.length === 0) return '';
      return `<section class="section"><h${heading === 'h2' ? 3 : 4} class="section-title">${text(section.title)}</h${heading === 'h2' ? 3 : 4}><ol class="items">${items
        .map((item) => filledItem(item, answerFor(instance.answers, item.id), ctx))
        .join('')}</ol></section>`;
    })
    .join('');
  const sectionsClass = newPage ? 'checklist' : 'checklist-inline';
  return `<article class="${sectionsClass}"><${heading}>${text(template.title)}</${heading}><dl class="meta">${meta
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`)
    .join('')}</dl>${sections}</article>`;
}

function filledItem(item: ChecklistItem, answer: Answer | undefined, ctx: Context): string {
  const L = ctx.labels.checklist;
  const answeredNow = isAnswered(item, answer);
  let value: string;
  if (ctx.redaction === 'structureOnly') {
    value = answeredNow ? `<span class="state">${escapeHtml(L.answered)}</span>` : `<span class="state empty">${escapeHtml(L.notAnswered)}</span>`;
  } else if (!answer || (!answeredNow && item.kind !== 'check')) {
    value = `<span class="state empty">${escapeHtml(L.notAnswered)}</span>`;
  } else {
    value = answerValue(item, answer, ctx);
  }
  const note =
    ctx.redaction === 'full' && answer?.note && answer.note.trim() !== ''
      ? `<div class="item-note" dir="auto"><span class="label-tag">${escapeHtml(L.note)}:</span> ${escapeHtml(answer.note)}</div>`
      : '';
  return `<li class="item"><div class="question">${text(item.label)}</div><div class="answer">${value}</div>${note}</li>`;
}

function answerValue(item: ChecklistItem, answer: Answer, ctx: Context): string {
  const L = ctx.labels.checklist;
  const { value } = answer;
  switch (item.kind) {
    case 'check':
      return value === true
        ? `<span class="option"><span class="box ticked"></span>${escapeHtml(L.ticked)}</span>`
        : `<span class="option"><span class="box"></span>${escapeHtml(L.notTicked)}</span>`;
    case 'yesNoUnknown':
      return escapeHtml(value === 'yes' ? ctx.labels.common.yes : value === 'no' ? ctx.labels.common.no : L.unknown);
    case 'single':
    case 'multiple': {
      const chosen = Array.isArray(value) ? value : [value];
      const labels = item.options.filter((option) => chosen.includes(option.id)).map((option) => `<li>${text(option.label)}</li>`);
      return `<ul>${labels.join('')}</ul>`;
    }
    case 'text':
      // Free text: only the full export carries it.
      return ctx.redaction === 'full' ? `<div class="note-text" dir="auto">${escapeHtml(String(value))}</div>` : `<span class="state">${escapeHtml(L.withheld)}</span>`;
    case 'date':
      return escapeHtml(typeof value === 'string' ? ctx.day(value) : String(value));
    case 'number':
      return escapeHtml(typeof value === 'number' ? value.toLocaleString(ctx.language) : String(value));
  }
}

function blankChecklist(template: ChecklistTemplate, ctx: Context): string {
  const B = ctx.labels.blank;
  const fill = `<div class="fill-in">${[B.caseCode, B.date, B.caseworker]
    .map((label) => `<span>${escapeHtml(label)}: <span class="write-line short"></span></span>`)
    .join('')}</div>`;
  const sections = template.sections
    .map((section) => {
      const conditional = section.condition ? `<span class="condition">${escapeHtml(ctx.labels.checklist.ifApplicable)}</span>` : '';
      const description = section.description ? `<p class="guidance" dir="auto">${escapeHtml(section.description)}</p>` : '';
      // h3: the sections come under the template's title (h2), so the outline nests them.
      return `<section class="section"><h3 class="section-title">${text(section.title)} ${conditional}</h3>${description}<ol class="items">${section.items
        .map((item) => blankItem(item, ctx))
        .join('')}</ol></section>`;
    })
    .join('');
  return `<h2>${text(template.title)}</h2><p dir="auto">${escapeHtml(template.description)}</p>${fill}${sections}`;
}

function blankItem(item: ChecklistItem, ctx: Context): string {
  const L = ctx.labels.checklist;
  const conditional = item.condition ? `<span class="condition">${escapeHtml(L.ifApplicable)}</span>` : '';
  const guidance = item.guidance ? `<p class="guidance" dir="auto">${escapeHtml(item.guidance)}</p>` : '';
  const option = (shape: 'box' | 'circle', label: string) => `<span class="option"><span class="${shape}"></span>${label}</span>`;
  let answer: string;
  switch (item.kind) {
    case 'check':
      return `<li class="item"><div class="question"><span class="option"><span class="box"></span>${text(item.label)}</span>${conditional}</div>${guidance}</li>`;
    case 'yesNoUnknown':
      answer = `<div class="options">${[ctx.labels.common.yes, ctx.labels.common.no, L.unknown].map((label) => option('box', escapeHtml(label))).join('')}</div>`;
      break;
    case 'single':
    case 'multiple':
      answer = `<div class="options${item.options.length > 4 ? ' column' : ''}">${item.options
        .map((choice) => option(item.kind === 'single' ? 'circle' : 'box', text(choice.label)))
        .join('')}</div>`;
      break;
    case 'text':
      answer = Array.from({ length: item.multiline ? 4 : 1 }, () => '<div class="write-line"></div>').join('');
      break;
    case 'date':
      answer = `<span class="write-line short"></span> <span class="small muted">${escapeHtml(ctx.labels.blank.dateHint)}</span>`;
      break;
    case 'number':
      answer = '<span class="write-line short"></span>';
      break;
  }
  return `<li class="item"><div class="question">${text(item.label)}${conditional}</div>${guidance}<div class="answer">${answer}</div></li>`;
}
