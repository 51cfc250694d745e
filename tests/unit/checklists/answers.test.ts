import { describe, expect, it } from 'vitest';
import {
  checklistInstanceSchema,
  clearAnswer,
  progress,
  recordAnswer,
  startChecklist,
  validateAnswer,
  visibleItems,
  type Answers,
  type AnswerValue,
  type CaseContext,
  type ChecklistItem,
} from '@shared/checklists';
import { sampleTemplate } from './fixtures';

const at = '2025-01-02T03:04:05.000Z';
const adultUnknownCountry: CaseContext = { isChild: null, country: null };

function answers(values: Record<string, AnswerValue>): Answers {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, answeredAt: at }]));
}
function shownIds(values: Record<string, AnswerValue>, context: CaseContext = adultUnknownCountry): string[] {
  return visibleItems(sampleTemplate, answers(values), context).map((item) => item.id);
}

describe('visibleItems', () => {
  it('hides items whose condition is not met, and whole sections', () => {
    expect(shownIds({})).toEqual(['age-under-18', 'moved', 'adult-only']);
  });

  it('equals on a check item shows the follow-up and the conditional section', () => {
    expect(shownIds({ moved: true })).toEqual(['age-under-18', 'moved', 'how', 'adult-only', 'count', 'when', 'kind']);
  });

  it('includes shows an item only when that option is chosen', () => {
    expect(shownIds({ moved: true, how: ['bus'] })).not.toContain('which-plane');
    expect(shownIds({ moved: true, how: ['bus', 'plane'] })).toContain('which-plane');
  });

  it('not inverts its condition', () => {
    expect(shownIds({ 'age-under-18': 'no' })).toContain('adult-only');
    expect(shownIds({ 'age-under-18': 'yes' })).not.toContain('adult-only');
  });

  it('any is met by an answer or by the case context', () => {
    expect(shownIds({})).not.toContain('child-any');
    expect(shownIds({ 'age-under-18': 'yes' })).toContain('child-any');
    expect(shownIds({}, { isChild: true, country: null })).toContain('child-any');
  });

  it('all needs every term, including case fields', () => {
    expect(shownIds({}, { isChild: true, country: 'GB' })).toContain('uk-child');
    expect(shownIds({}, { isChild: true, country: 'FR' })).not.toContain('uk-child');
    expect(shownIds({}, { isChild: false, country: 'GB' })).not.toContain('uk-child');
  });

  it('a hidden item hides the follow-ups that depend on it, even with stale answers', () => {
    expect(shownIds({ moved: false, how: ['plane'], 'which-plane': 'XY1' })).not.toContain('which-plane');
  });

  it('does not mistake Object.prototype members for answers', () => {
    const template = structuredClone(sampleTemplate);
    template.sections[0]?.items.push({ id: 'constructor', kind: 'text', label: 'odd id' });
    template.sections[0]?.items.push({ id: 'after', kind: 'text', label: 'after', condition: { item: 'constructor', equals: 'x' } });
    expect(visibleItems(template, {}, adultUnknownCountry).map((item) => item.id)).not.toContain('after');
    expect(progress(template, {}, adultUnknownCountry).answered).toBe(0);
  });
});

describe('progress', () => {
  it('counts only visible items', () => {
    expect(progress(sampleTemplate, {}, adultUnknownCountry)).toEqual({ answered: 0, total: 3, percent: 0 });
    expect(progress(sampleTemplate, answers({ moved: true }), adultUnknownCountry)).toEqual({ answered: 1, total: 7, percent: 14 });
  });

  it('does not count an answer to a hidden item', () => {
    const result = progress(sampleTemplate, answers({ 'age-under-18': 'no', moved: false, how: ['bus'], count: 3 }), adultUnknownCountry);
    expect(result).toEqual({ answered: 1, total: 3, percent: 33 });
  });

  it('treats an unticked box, an empty choice and blank text as unanswered', () => {
    const result = progress(sampleTemplate, answers({ moved: true, how: [], 'adult-only': '   ', count: 0 }), adultUnknownCountry);
    expect(result).toEqual({ answered: 2, total: 7, percent: 28 });
    expect(progress(sampleTemplate, answers({ moved: false }), adultUnknownCountry).answered).toBe(0);
  });

  it('reaches 100 only when every shown item is answered', () => {
    const all = answers({ 'age-under-18': 'unknown', moved: false, 'adult-only': 'notes' });
    expect(progress(sampleTemplate, all, adultUnknownCountry)).toEqual({ answered: 2, total: 3, percent: 66 });
    const done = answers({ 'age-under-18': 'unknown', moved: true, how: ['bus'], 'adult-only': 'x', count: 1, when: '2024-02-29', kind: 'a' });
    expect(progress(sampleTemplate, done, adultUnknownCountry)).toEqual({ answered: 7, total: 7, percent: 100 });
  });
});

describe('validateAnswer', () => {
  const items = new Map(sampleTemplate.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)));
  const item = (id: string): ChecklistItem => {
    const found = items.get(id);
    if (!found) throw new Error(id);
    return found;
  };
  const reason = (id: string, value: unknown) => {
    const result = validateAnswer(item(id), value);
    return result.ok ? 'ok' : result.reason;
  };

  it('check takes true or false', () => {
    expect(reason('moved', true)).toBe('ok');
    expect(reason('moved', false)).toBe('ok');
    expect(reason('moved', 'yes')).toBe('wrongType');
  });

  it('yesNoUnknown takes yes, no or unknown', () => {
    for (const value of ['yes', 'no', 'unknown']) expect(reason('age-under-18', value)).toBe('ok');
    expect(reason('age-under-18', 'maybe')).toBe('wrongType');
    expect(reason('age-under-18', true)).toBe('wrongType');
  });

  it('single takes one known option id', () => {
    expect(reason('kind', 'a')).toBe('ok');
    expect(reason('kind', 'c')).toBe('unknownOption');
    expect(reason('kind', ['a'])).toBe('wrongType');
  });

  it('multiple takes distinct known option ids', () => {
    expect(reason('how', ['bus', 'plane'])).toBe('ok');
    expect(reason('how', [])).toBe('ok');
    expect(reason('how', ['bus', 'bus'])).toBe('duplicateOption');
    expect(reason('how', ['car'])).toBe('unknownOption');
    expect(reason('how', 'bus')).toBe('wrongType');
    expect(reason('how', ['bus', 1])).toBe('wrongType');
  });

  it('text takes a string up to the cap', () => {
    expect(reason('adult-only', 'some words')).toBe('ok');
    expect(reason('adult-only', 'x'.repeat(10_001))).toBe('tooLong');
    expect(reason('adult-only', 5)).toBe('wrongType');
  });

  it('date takes a real calendar day as YYYY-MM-DD', () => {
    expect(reason('when', '2024-02-29')).toBe('ok');
    expect(reason('when', '2023-02-29')).toBe('invalidDate');
    expect(reason('when', '2024-13-01')).toBe('invalidDate');
    expect(reason('when', '2024-1-01')).toBe('invalidDate');
    expect(reason('when', '2024-01-01T00:00:00Z')).toBe('invalidDate');
    expect(reason('when', 20240101)).toBe('wrongType');
  });

  it('number respects finiteness, integer, min and max', () => {
    expect(reason('count', 3)).toBe('ok');
    expect(reason('count', Number.NaN)).toBe('notFinite');
    expect(reason('count', Number.POSITIVE_INFINITY)).toBe('notFinite');
    expect(reason('count', 2.5)).toBe('notInteger');
    expect(reason('count', -1)).toBe('belowMin');
    expect(reason('count', 11)).toBe('aboveMax');
    expect(reason('count', '3')).toBe('wrongType');
  });
});

describe('checklist instances', () => {
  it('keeps its own copy of the template, so later template edits do not change it', () => {
    const template = structuredClone(sampleTemplate);
    const instance = startChecklist(template, 'instance-1', at);
    template.title = 'Changed later';
    expect(instance.templateSnapshot.title).toBe('Sample');
    expect(instance.templateId).toBe('sample');
    expect(instance.templateVersion).toBe(1);
  });

  it('records valid answers without changing the original, and refuses invalid ones', () => {
    const started = startChecklist(sampleTemplate, 'instance-1', at);
    const later = '2025-01-03T00:00:00.000Z';
    const recorded = recordAnswer(started, 'moved', true, later, 'by bus');
    expect(recorded.ok && recorded.instance.answers.moved).toEqual({ value: true, note: 'by bus', answeredAt: later });
    expect(recorded.ok && recorded.instance.updatedAt).toBe(later);
    expect(started.answers).toEqual({});
    expect(recordAnswer(started, 'moved', 'yes', later)).toEqual({ ok: false, reason: 'wrongType' });
    expect(recordAnswer(started, 'nope', true, later)).toEqual({ ok: false, reason: 'unknownItem' });
    if (!recorded.ok) throw new Error('expected ok');
    expect(clearAnswer(recorded.instance, 'moved', later).answers).toEqual({});
  });

  it('the instance schema accepts a valid instance and refuses answers that do not fit the snapshot', () => {
    const started = startChecklist(sampleTemplate, 'instance-1', at);
    const recorded = recordAnswer(started, 'how', ['bus'], at);
    if (!recorded.ok) throw new Error('expected ok');
    expect(checklistInstanceSchema.safeParse(recorded.instance).success).toBe(true);
    const badValue = { ...recorded.instance, answers: { how: { value: ['car'], answeredAt: at } } };
    expect(checklistInstanceSchema.safeParse(badValue).success).toBe(false);
    const unknownItem = { ...recorded.instance, answers: { ghost: { value: true, answeredAt: at } } };
    expect(checklistInstanceSchema.safeParse(unknownItem).success).toBe(false);
    expect(checklistInstanceSchema.safeParse({ ...recorded.instance, templateVersion: 2 }).success).toBe(false);
  });
});
