import { describe, expect, it } from 'vitest';
import {
  contextWithAnswers,
  iloForcedLabourIndicatorIds,
  recordAnswer,
  screeningSummary,
  startChecklist,
  type CaseContext,
  type ChecklistInstance,
  type ChecklistTemplate,
  visibleItems,
} from '@shared/checklists';
import { sampleTemplate, shippedTemplate } from './fixtures';

const at = '2025-01-02T03:04:05.000Z';
const unknownAge: CaseContext = { isChild: null, country: null };

function filled(template: ChecklistTemplate, values: Record<string, unknown>, id = template.id): ChecklistInstance {
  let instance = startChecklist(template, id, at);
  for (const [itemId, value] of Object.entries(values)) {
    const result = recordAnswer(instance, itemId, value, at);
    if (!result.ok) throw new Error(`${itemId}: ${result.reason}`);
    instance = result.instance;
  }
  return instance;
}

const palermo = shippedTemplate('palermo-initial-screening');
// Questions about what happened appear only once the person agrees to talk.
const actAndPurpose = {
  'agrees-to-talk': 'yes',
  'act-any': 'yes',
  'act-forms': ['recruitment', 'transport'],
  'means-any': 'no',
  'purpose-any': 'yes',
  'purpose-forms': ['forced-labour'],
};

describe('screeningSummary: Palermo elements', () => {
  it('for a child, act and purpose without means support the elements the definition requires', () => {
    const summary = screeningSummary([filled(palermo, { ...actAndPurpose, 'age-under-18': 'yes' })], unknownAge);
    expect(summary.childRule).toEqual({ applies: true, source: 'answers', ageUncertain: false });
    expect(summary.elements.act.supported).toBe(true);
    expect(summary.elements.purpose.supported).toBe(true);
    expect(summary.elements.means).toEqual({ supported: false, required: false, evidence: [] });
    expect(summary.requiredElementsSupported).toBe(true);
  });

  it('for an adult, act and purpose without means leave the means element unsupported', () => {
    const summary = screeningSummary([filled(palermo, { ...actAndPurpose, 'age-under-18': 'no' })], unknownAge);
    expect(summary.childRule).toEqual({ applies: false, source: null, ageUncertain: false });
    expect(summary.elements.means).toEqual({ supported: false, required: true, evidence: [] });
    expect(summary.requiredElementsSupported).toBe(false);
  });

  it('the case record can switch on the child rule', () => {
    const summary = screeningSummary([filled(palermo, actAndPurpose)], { isChild: true, country: null });
    expect(summary.childRule.source).toBe('case');
    expect(summary.requiredElementsSupported).toBe(true);
  });

  it('a "yes" to the age question applies the child rule even when the case record says adult', () => {
    const summary = screeningSummary([filled(palermo, { ...actAndPurpose, 'age-under-18': 'yes' })], { isChild: false, country: null });
    expect(summary.childRule.applies).toBe(true);
  });

  it('says when the age is not established anywhere', () => {
    expect(screeningSummary([filled(palermo, { 'age-under-18': 'unknown' })], unknownAge).childRule.ageUncertain).toBe(true);
    expect(screeningSummary([filled(palermo, {})], { isChild: false, country: null }).childRule.ageUncertain).toBe(false);
  });

  it('an adult with all three elements has them all supported, with evidence back to the answers', () => {
    const instance = filled(palermo, { ...actAndPurpose, 'age-under-18': 'no', 'means-any': 'yes', 'means-forms': ['deception'] });
    const summary = screeningSummary([instance], unknownAge);
    expect(summary.elements.means.evidence).toEqual([{ instanceId: instance.id, itemId: 'means-forms', optionId: 'deception' }]);
    expect(summary.elements.act.evidence.map((evidence) => evidence.optionId)).toEqual(['recruitment', 'transport']);
    expect(summary.requiredElementsSupported).toBe(true);
  });

  it('ignores answers behind a question that is now answered "no"', () => {
    const summary = screeningSummary([filled(palermo, { ...actAndPurpose, 'act-any': 'no' })], { isChild: true, country: null });
    expect(summary.elements.act.supported).toBe(false);
    expect(summary.requiredElementsSupported).toBe(false);
  });

  it('an option with no element mark supports nothing', () => {
    const summary = screeningSummary([filled(palermo, { 'agrees-to-talk': 'yes', 'purpose-any': 'yes', 'purpose-forms': ['other-exploitation'] })], unknownAge);
    expect(summary.elements.purpose.supported).toBe(false);
  });

  it('item-level marks count for a ticked box and a chosen option, not otherwise', () => {
    const ticked = screeningSummary([filled(sampleTemplate, { moved: true, kind: 'a' })], unknownAge);
    expect(ticked.elements.act.evidence).toEqual([{ instanceId: 'sample', itemId: 'moved' }]);
    expect(ticked.elements.purpose.supported).toBe(true);
    const unticked = screeningSummary([filled(sampleTemplate, { moved: false })], unknownAge);
    expect(unticked.elements.act.supported).toBe(false);
  });
});

describe('screeningSummary: ILO indicators and disclaimer', () => {
  const ilo = shippedTemplate('ilo-forced-labour-indicators');

  it('counts the ILO indicators answered "yes" and names them', () => {
    const instance = filled(ilo, { deception: 'yes', 'debt-bondage': 'yes', isolation: 'no', 'excessive-overtime': 'unknown' });
    const summary = screeningSummary([instance], unknownAge);
    expect(summary.ilo).toEqual({ present: ['ilo:deception', 'ilo:debt-bondage'], count: 2, total: 11 });
    expect(summary.indicators.map((indicator) => indicator.id)).toEqual(['ilo:debt-bondage', 'ilo:deception']);
  });

  it('combines several checklists and keeps indicators from other namespaces', () => {
    const control = filled(shippedTemplate('methods-of-control'), { 'control-methods': ['DebtBondage', 'none-described'] });
    const summary = screeningSummary([filled(ilo, { 'debt-bondage': 'yes' }), control, filled(sampleTemplate, { moved: true, kind: 'b' })], unknownAge);
    expect(summary.ilo.present).toEqual(['ilo:deception', 'ilo:debt-bondage']);
    expect(summary.indicators.map((indicator) => indicator.id)).toEqual(['htcds:DebtBondage', 'ilo:debt-bondage', 'ilo:deception']);
  });

  it('all eleven ILO indicators can be recorded with the shipped template', () => {
    const everyYes = Object.fromEntries(iloForcedLabourIndicatorIds.map((id) => [id.slice('ilo:'.length), 'yes']));
    expect(screeningSummary([filled(ilo, everyYes)], unknownAge).ilo.count).toBe(11);
  });

  it('always carries the fixed disclaimer key and nothing that labels the person', () => {
    const summary = screeningSummary([], unknownAge);
    expect(summary.disclaimerKey).toBe('checklists.screening.disclaimer');
    expect(summary.requiredElementsSupported).toBe(false);
    expect(Object.keys(summary).sort()).toEqual(['childRule', 'disclaimerKey', 'elements', 'ilo', 'indicators', 'requiredElementsSupported']);
  });
});

describe('child sections follow any answer that says the person may be under 18', () => {
  const safety = shippedTemplate('immediate-safety-needs');
  const childItemsShown = (answers: ChecklistInstance['answers'], context: CaseContext) =>
    visibleItems(safety, answers, context)
      .filter((item) => item.id.startsWith('child-'))
      .map((item) => item.id);

  it("the safety checklist's own age question shows its child section, as the case record does", () => {
    expect(childItemsShown({}, unknownAge)).toEqual([]);
    expect(childItemsShown(filled(safety, { 'may-be-under-18': 'yes' }).answers, unknownAge)).toEqual(['child-guardian', 'child-views']);
    expect(childItemsShown({}, { isChild: true, country: null })).toEqual(['child-guardian', 'child-views']);
  });

  it('a "yes" to an age question in another checklist of the case shows it too', () => {
    const screening = filled(palermo, { 'age-under-18': 'yes' });
    const context = contextWithAnswers(unknownAge, [screening]);
    expect(context.isChild).toBe(true);
    expect(childItemsShown({}, context)).toEqual(['child-guardian', 'child-views']);
    expect(contextWithAnswers(unknownAge, [filled(palermo, { 'age-under-18': 'no' })])).toEqual(unknownAge);
    // The case record saying "adult" does not outweigh an answer saying the person may be a child.
    expect(contextWithAnswers({ isChild: false, country: 'GB' }, [screening])).toEqual({ isChild: true, country: 'GB' });
  });
});
