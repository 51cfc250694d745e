import { z } from 'zod';
import { checklistLimits, idPattern, templateSchema, templateVersionSchema, type CaseContext, type ChecklistItem, type ChecklistTemplate, type Condition } from './schema';

export type AnswerValue = boolean | string | number | string[];

const answerSchema = z.strictObject({
  value: z.union([z.boolean(), z.string().max(checklistLimits.longTextChars), z.number(), z.array(z.string().max(checklistLimits.idChars)).max(checklistLimits.optionsPerItem)]),
  note: z.string().max(checklistLimits.longTextChars).optional(),
  answeredAt: z.iso.datetime(),
});
export type Answer = z.infer<typeof answerSchema>;
export type Answers = Readonly<Record<string, Answer>>;

/**
 * A filled-in checklist. It carries a full snapshot of the template it was started from, not just
 * its id and version: a template update (or the user deleting a custom template) must never change
 * what an answered checklist shows, and a case restored from a backup on another install must
 * still render without that install having every old template version. Templates are a few tens
 * of KB and instances are encrypted records, so the copy is cheap; keeping a registry of every old
 * version forever would not be. templateId and templateVersion stay alongside for indexing and for
 * offering "a newer version of this checklist exists".
 */
export const checklistInstanceSchema = z
  .strictObject({
    id: z.string().min(1).max(checklistLimits.idChars),
    templateId: z.string().max(checklistLimits.idChars),
    templateVersion: templateVersionSchema,
    templateSnapshot: templateSchema,
    answers: z.record(z.string().max(checklistLimits.idChars).regex(idPattern), answerSchema),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .superRefine((instance, ctx) => {
    const template = instance.templateSnapshot;
    if (instance.templateId !== template.id || instance.templateVersion !== template.version) {
      ctx.addIssue({ code: 'custom', path: ['templateId'], message: 'does not match the template snapshot' });
    }
    const items = itemsById(template);
    for (const [itemId, answer] of Object.entries(instance.answers)) {
      const item = items.get(itemId);
      const check = item ? validateAnswer(item, answer.value) : null;
      if (!check || !check.ok) {
        ctx.addIssue({ code: 'custom', path: ['answers', itemId], message: check ? `invalid answer: ${check.reason}` : 'no such item in the template' });
      }
    }
  });
export type ChecklistInstance = z.infer<typeof checklistInstanceSchema>;

export type AnswerProblem = 'wrongType' | 'unknownOption' | 'duplicateOption' | 'tooLong' | 'invalidDate' | 'notFinite' | 'notInteger' | 'belowMin' | 'aboveMax';
export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; reason: AnswerProblem };

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a value the user entered against what the item accepts. */
export function validateAnswer(item: ChecklistItem, value: unknown): AnswerCheck {
  const fail = (reason: AnswerProblem): AnswerCheck => ({ ok: false, reason });
  switch (item.kind) {
    case 'check':
      return typeof value === 'boolean' ? { ok: true, value } : fail('wrongType');
    case 'yesNoUnknown':
      return value === 'yes' || value === 'no' || value === 'unknown' ? { ok: true, value } : fail('wrongType');
    case 'single':
      if (typeof value !== 'string') return fail('wrongType');
      return item.options.some((option) => option.id === value) ? { ok: true, value } : fail('unknownOption');
    case 'multiple': {
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return fail('wrongType');
      const chosen: string[] = value;
      if (!chosen.every((entry) => item.options.some((option) => option.id === entry))) return fail('unknownOption');
      return new Set(chosen).size === chosen.length ? { ok: true, value: chosen } : fail('duplicateOption');
    }
    case 'text':
      if (typeof value !== 'string') return fail('wrongType');
      return value.length <= checklistLimits.longTextChars ? { ok: true, value } : fail('tooLong');
    case 'date':
      if (typeof value !== 'string') return fail('wrongType');
      return isCalendarDate(value) ? { ok: true, value } : fail('invalidDate');
    case 'number':
      if (typeof value !== 'number') return fail('wrongType');
      if (!Number.isFinite(value)) return fail('notFinite');
      if (item.integer && !Number.isInteger(value)) return fail('notInteger');
      if (item.min !== undefined && value < item.min) return fail('belowMin');
      if (item.max !== undefined && value > item.max) return fail('aboveMax');
      return { ok: true, value };
  }
}

function isCalendarDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Own-property lookup: an item id such as "constructor" must not find Object.prototype members. */
export function answerFor(answers: Answers, itemId: string): Answer | undefined {
  return Object.hasOwn(answers, itemId) ? answers[itemId] : undefined;
}

/** A ticked box, a chosen option or non-blank text counts; an unticked box or empty choice does not. */
export function isAnswered(item: ChecklistItem, answer: Answer | undefined): boolean {
  if (!answer) return false;
  const { value } = answer;
  if (item.kind === 'check') return value === true;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' ? value.trim() !== '' : true;
}

function conditionHolds(condition: Condition, visibleAnswers: ReadonlyMap<string, AnswerValue>, context: CaseContext): boolean {
  if ('all' in condition) return condition.all.every((term) => conditionHolds(term, visibleAnswers, context));
  if ('any' in condition) return condition.any.some((term) => conditionHolds(term, visibleAnswers, context));
  if ('not' in condition) return !conditionHolds(condition.not, visibleAnswers, context);
  if ('caseField' in condition) return context[condition.caseField] === condition.equals;
  const value = visibleAnswers.get(condition.item);
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  return value === condition.equals;
}

/**
 * The items shown for these answers, in order. A condition sees only answers to items that are
 * themselves shown, so hiding a question also hides the follow-ups that depend on it. Conditions
 * refer only to earlier items (the schema enforces it), so one pass in reading order suffices.
 */
export function visibleItems(template: ChecklistTemplate, answers: Answers, context: CaseContext): ChecklistItem[] {
  const visibleAnswers = new Map<string, AnswerValue>();
  const shown: ChecklistItem[] = [];
  for (const section of template.sections) {
    if (section.condition && !conditionHolds(section.condition, visibleAnswers, context)) continue;
    for (const item of section.items) {
      if (item.condition && !conditionHolds(item.condition, visibleAnswers, context)) continue;
      shown.push(item);
      const answer = answerFor(answers, item.id);
      if (answer) visibleAnswers.set(item.id, answer.value);
    }
  }
  return shown;
}

export interface Progress {
  answered: number;
  total: number;
  /** Rounded down, so 100 means every shown item is answered; 100 when nothing is shown. */
  percent: number;
}

export function progress(template: ChecklistTemplate, answers: Answers, context: CaseContext): Progress {
  const shown = visibleItems(template, answers, context);
  const answered = shown.filter((item) => isAnswered(item, answerFor(answers, item.id))).length;
  const total = shown.length;
  return { answered, total, percent: total === 0 ? 100 : Math.floor((answered * 100) / total) };
}

export function itemsById(template: ChecklistTemplate): Map<string, ChecklistItem> {
  return new Map(template.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)));
}

/** Templates are plain JSON data, so a JSON round trip is a full deep copy. */
export function cloneTemplate(template: ChecklistTemplate): ChecklistTemplate {
  return JSON.parse(JSON.stringify(template)) as ChecklistTemplate;
}

export function startChecklist(template: ChecklistTemplate, id: string, now: string): ChecklistInstance {
  return {
    id,
    templateId: template.id,
    templateVersion: template.version,
    templateSnapshot: cloneTemplate(template),
    answers: {},
    startedAt: now,
    updatedAt: now,
  };
}

export type RecordResult = { ok: true; instance: ChecklistInstance } | { ok: false; reason: AnswerProblem | 'unknownItem' };

/** Returns a new instance with the answer stored; the original is left as it was. */
export function recordAnswer(instance: ChecklistInstance, itemId: string, value: unknown, now: string, note?: string): RecordResult {
  const item = itemsById(instance.templateSnapshot).get(itemId);
  if (!item) return { ok: false, reason: 'unknownItem' };
  const check = validateAnswer(item, value);
  if (!check.ok) return check;
  if (note !== undefined && note.length > checklistLimits.longTextChars) return { ok: false, reason: 'tooLong' };
  const answer: Answer = note === undefined ? { value: check.value, answeredAt: now } : { value: check.value, note, answeredAt: now };
  return { ok: true, instance: { ...instance, answers: { ...instance.answers, [itemId]: answer }, updatedAt: now } };
}

export function clearAnswer(instance: ChecklistInstance, itemId: string, now: string): ChecklistInstance {
  const answers = Object.fromEntries(Object.entries(instance.answers).filter(([id]) => id !== itemId));
  return { ...instance, answers, updatedAt: now };
}
