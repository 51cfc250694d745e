import { answerFor, visibleItems, type ChecklistInstance } from './answers';
import { palermoElements, type CaseContext, type PalermoElement } from './schema';

/**
 * Screening summary: counts what the answers support, item by item. It is an aid to the
 * caseworker's judgment; it never labels a person, and its result carries a fixed disclaimer key
 * that the UI must show next to it.
 */
export const screeningDisclaimerKey = 'checklists.screening.disclaimer';

/** The ILO's eleven indicators of forced labour (Special Action Programme, 2012). */
export const iloForcedLabourIndicatorIds = [
  'ilo:abuse-of-vulnerability',
  'ilo:deception',
  'ilo:restriction-of-movement',
  'ilo:isolation',
  'ilo:physical-and-sexual-violence',
  'ilo:intimidation-and-threats',
  'ilo:retention-of-identity-documents',
  'ilo:withholding-of-wages',
  'ilo:debt-bondage',
  'ilo:abusive-working-and-living-conditions',
  'ilo:excessive-overtime',
] as const;
export type IloIndicatorId = (typeof iloForcedLabourIndicatorIds)[number];

/** Where a finding came from, so the UI can link back to the answer. */
export interface Evidence {
  instanceId: string;
  itemId: string;
  optionId?: string;
}

export interface ElementFinding {
  supported: boolean;
  /** False only for means when the child rule applies (Palermo Protocol Art. 3(c)). */
  required: boolean;
  evidence: Evidence[];
}

export interface ScreeningSummary {
  elements: Record<PalermoElement, ElementFinding>;
  childRule: {
    applies: boolean;
    /** What switched it on: the case record's isChild, or a "yes" to an age question. */
    source: 'case' | 'answers' | null;
    /** Neither the case nor any answer says whether the person is under 18. */
    ageUncertain: boolean;
  };
  /** Every element that the definition requires here is supported by at least one answer. */
  requiredElementsSupported: boolean;
  ilo: { present: IloIndicatorId[]; count: number; total: number };
  /** Every indicator marked present (any namespace), sorted by id. */
  indicators: Array<{ id: string; evidence: Evidence[] }>;
  disclaimerKey: typeof screeningDisclaimerKey;
}

export type ScreenedChecklist = Pick<ChecklistInstance, 'id' | 'templateSnapshot' | 'answers'>;

interface Mark {
  element?: PalermoElement | undefined;
  indicator?: string | undefined;
  evidence: Evidence;
}

/** Only items shown for the current answers count, so a stale answer behind a hidden question does not. */
function marksOf(checklist: ScreenedChecklist, context: CaseContext): { marks: Mark[]; childAnswers: string[] } {
  const marks: Mark[] = [];
  const childAnswers: string[] = [];
  for (const item of visibleItems(checklist.templateSnapshot, checklist.answers, context)) {
    const value = answerFor(checklist.answers, item.id)?.value;
    if (value === undefined) continue;
    const evidence: Evidence = { instanceId: checklist.id, itemId: item.id };
    switch (item.kind) {
      case 'check':
        if (value === true) marks.push({ element: item.element, indicator: item.indicator, evidence });
        break;
      case 'yesNoUnknown':
        if (item.indicatesChild && typeof value === 'string') childAnswers.push(value);
        if (value === 'yes') marks.push({ element: item.element, indicator: item.indicator, evidence });
        break;
      case 'single':
      case 'multiple':
        for (const option of item.options) {
          const chosen = Array.isArray(value) ? value.includes(option.id) : value === option.id;
          if (chosen) marks.push({ element: option.element, indicator: option.indicator, evidence: { ...evidence, optionId: option.id } });
        }
        break;
      case 'text':
      case 'date':
      case 'number':
        // Free answers mark no element or indicator.
        break;
    }
  }
  return { marks, childAnswers };
}

export function screeningSummary(checklists: readonly ScreenedChecklist[], context: CaseContext): ScreeningSummary {
  const found = checklists.map((checklist) => marksOf(checklist, context));
  const marks = found.flatMap((entry) => entry.marks);
  const childAnswers = found.flatMap((entry) => entry.childAnswers);

  // The more protective reading wins: any sign that the person is under 18 applies the child rule.
  const childFromCase = context.isChild === true;
  const childFromAnswers = childAnswers.includes('yes');
  const applies = childFromCase || childFromAnswers;
  const ageUncertain = !applies && context.isChild === null && !childAnswers.includes('no');

  const elementFinding = (element: PalermoElement): ElementFinding => {
    const evidence = marks.filter((mark) => mark.element === element).map((mark) => mark.evidence);
    return { supported: evidence.length > 0, required: !(element === 'means' && applies), evidence };
  };
  const elements = { act: elementFinding('act'), means: elementFinding('means'), purpose: elementFinding('purpose') };

  const byIndicator = new Map<string, Evidence[]>();
  for (const mark of marks) {
    if (mark.indicator) byIndicator.set(mark.indicator, [...(byIndicator.get(mark.indicator) ?? []), mark.evidence]);
  }
  const iloPresent = iloForcedLabourIndicatorIds.filter((id) => byIndicator.has(id));

  return {
    elements,
    childRule: { applies, source: childFromCase ? 'case' : childFromAnswers ? 'answers' : null, ageUncertain },
    requiredElementsSupported: palermoElements.every((element) => !elements[element].required || elements[element].supported),
    ilo: { present: iloPresent, count: iloPresent.length, total: iloForcedLabourIndicatorIds.length },
    indicators: [...byIndicator.keys()].sort().map((id) => ({ id, evidence: byIndicator.get(id) ?? [] })),
    disclaimerKey: screeningDisclaimerKey,
  };
}

/**
 * The case context as conditions should see it. The child rule takes the more protective reading, so
 * a "yes" to an age question in any of the case's checklists counts as the person being a child, not
 * only the case record: a checklist's child section must not stay hidden because the age was asked in
 * another checklist.
 */
export function contextWithAnswers(context: CaseContext, checklists: readonly ScreenedChecklist[]): CaseContext {
  if (context.isChild === true) return context;
  return screeningSummary(checklists, context).childRule.applies ? { ...context, isChild: true } : context;
}
