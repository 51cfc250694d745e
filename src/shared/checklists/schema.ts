import { z } from 'zod';

/**
 * Checklist template model. Templates are data: shipped ones live in resources/checklists/,
 * custom ones are imported or duplicated by the user. Every object is strict (unknown keys are
 * refused) and every string and list is capped, so a hostile or corrupt file is refused with a
 * message instead of smuggling fields in or exhausting memory.
 */
export const checklistLimits = {
  sections: 200,
  items: 2_000,
  optionsPerItem: 100,
  legalRefsPerItem: 20,
  conditionDepth: 8,
  conditionTerms: 20,
  idChars: 80,
  shortTextChars: 500,
  longTextChars: 10_000,
} as const;

export const templateLanguages = ['en', 'es', 'fr', 'ar'] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];

export const palermoElements = ['act', 'means', 'purpose'] as const;
export type PalermoElement = (typeof palermoElements)[number];

export const itemKinds = ['check', 'yesNoUnknown', 'single', 'multiple', 'text', 'date', 'number'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const caseFields = ['isChild', 'country'] as const;
export type CaseField = (typeof caseFields)[number];

/** What conditions may read about the case besides the answers. */
export interface CaseContext {
  isChild: boolean | null;
  /** ISO 3166-1 alpha-2, e.g. 'GB'. */
  country: string | null;
}

export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** `<instrument-id>#<provision>`, e.g. `palermo-tip-protocol#art-3a`. */
export const legalRefPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `<namespace>:<indicator>`, e.g. `ilo:deception` or `htcds:DebtBondage`. */
export const indicatorPattern = /^[a-z0-9]+:[A-Za-z0-9][A-Za-z0-9-]*$/;
const semverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

const idSchema = z.string().max(checklistLimits.idChars).regex(idPattern, { error: 'must start with a letter or digit and contain only letters, digits, "-", "_" or "."' });
const shortText = z.string().trim().min(1).max(checklistLimits.shortTextChars);
const longText = z.string().max(checklistLimits.longTextChars);

export const templateVersionSchema = z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().max(64).regex(semverPattern)], {
  error: 'must be a whole number or a semantic version such as "1.2.0"',
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

const legalRefSchema = z.string().max(120).regex(legalRefPattern, { error: 'must look like "<instrument-id>#<provision>", e.g. "palermo-tip-protocol#art-3a"' });
const indicatorSchema = z.string().max(120).regex(indicatorPattern, { error: 'must look like "<namespace>:<indicator>", e.g. "ilo:deception"' });

/**
 * A condition decides whether an item (or section) is shown. It reads answers to earlier items and
 * the case context only; it is plain JSON so it can be stored, exported and reviewed.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { item: string; equals: ConditionValue }
  | { item: string; includes: string }
  | { caseField: CaseField; equals: ConditionValue };
export type ConditionValue = string | number | boolean | null;

const conditionValueSchema = z.union([z.string().max(checklistLimits.shortTextChars), z.number(), z.boolean(), z.null()], {
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string, a number, true, false or null'),
});
const conditionTerms = () => z.array(conditionSchema).min(1).max(checklistLimits.conditionTerms);

// One strict object per form: the key set picks the form, so a file that mixes forms is refused.
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: conditionTerms() }),
      z.strictObject({ any: conditionTerms() }),
      z.strictObject({ not: conditionSchema }),
      z.strictObject({ item: idSchema, equals: conditionValueSchema }),
      z.strictObject({ item: idSchema, includes: idSchema }),
      z.strictObject({ caseField: z.enum(caseFields), equals: conditionValueSchema }),
    ],
    {
      error: 'is not a valid condition: use {all: [...]}, {any: [...]}, {not: ...}, {item, equals}, {item, includes} or {caseField, equals}',
    },
  ),
);

// Screening markers. On check and yesNoUnknown items they apply to a "yes"/ticked answer; on
// options of single and multiple items they apply when that option is chosen.
const screeningMarkers = {
  element: z.enum(palermoElements).optional(),
  indicator: indicatorSchema.optional(),
};

export const optionSchema = z.strictObject({
  id: idSchema,
  label: shortText,
  guidance: longText.optional(),
  ...screeningMarkers,
});
export type ChecklistOption = z.infer<typeof optionSchema>;

const itemBase = {
  id: idSchema,
  label: z.string().trim().min(1).max(checklistLimits.longTextChars),
  guidance: longText.optional(),
  legalRefs: z.array(legalRefSchema).max(checklistLimits.legalRefsPerItem).optional(),
  condition: conditionSchema.optional(),
};
const options = z.array(optionSchema).min(2).max(checklistLimits.optionsPerItem);

export const itemSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...itemBase, kind: z.literal('check'), ...screeningMarkers }),
    z.strictObject({
      ...itemBase,
      kind: z.literal('yesNoUnknown'),
      ...screeningMarkers,
      /** A "yes" means the person is, or may be, under 18: it switches on the child rule. */
      indicatesChild: z.literal(true).optional(),
    }),
    z.strictObject({ ...itemBase, kind: z.literal('single'), options }),
    z.strictObject({ ...itemBase, kind: z.literal('multiple'), options }),
    z.strictObject({ ...itemBase, kind: z.literal('text'), multiline: z.boolean().optional() }),
    z.strictObject({ ...itemBase, kind: z.literal('date') }),
    z.strictObject({
      ...itemBase,
      kind: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
    }),
  ],
  { error: `must be one of: ${itemKinds.join(', ')}` },
);
export type ChecklistItem = z.infer<typeof itemSchema>;

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  description: longText.optional(),
  condition: conditionSchema.optional(),
  items: z.array(itemSchema).min(1).max(checklistLimits.items),
});
export type ChecklistSection = z.infer<typeof sectionSchema>;

/** Shape only; cross-field rules (unique ids, condition references) are in templateSchema. */
const templateShape = z.strictObject({
  id: idSchema,
  version: templateVersionSchema,
  language: z.enum(templateLanguages),
  title: shortText,
  description: longText,
  /** Set on a copy made with duplicateTemplate, so the user can see where it came from. */
  basedOn: z.strictObject({ id: idSchema, version: templateVersionSchema }).optional(),
  sections: z.array(sectionSchema).min(1).max(checklistLimits.sections),
});

export const templateSchema = templateShape.superRefine((template, ctx) => {
  for (const problem of crossFieldProblems(template)) ctx.addIssue({ code: 'custom', ...problem });
});
export type ChecklistTemplate = z.infer<typeof templateSchema>;

interface Problem {
  path: (string | number)[];
  message: string;
}

function crossFieldProblems(template: z.infer<typeof templateShape>): Problem[] {
  const problems: Problem[] = [];
  const itemCount = template.sections.reduce((sum, section) => sum + section.items.length, 0);
  if (itemCount > checklistLimits.items) {
    problems.push({ path: ['sections'], message: `has ${itemCount} items; at most ${checklistLimits.items} are allowed` });
  }
  const sectionIds = new Set<string>();
  // Items seen so far: a condition may only refer to an item that comes before it, which rules
  // out cycles and lets visibility be worked out in one pass, in reading order.
  const earlierItems = new Map<string, ChecklistItem>();
  template.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) problems.push({ path: ['sections', s, 'id'], message: `duplicate section id "${section.id}"` });
    sectionIds.add(section.id);
    if (section.condition) {
      problems.push(...conditionProblems(section.condition, earlierItems, ['sections', s, 'condition'], 1));
    }
    section.items.forEach((item, i) => {
      const path = ['sections', s, 'items', i];
      if (item.condition) problems.push(...conditionProblems(item.condition, earlierItems, [...path, 'condition'], 1));
      if (item.kind === 'number' && item.min !== undefined && item.max !== undefined && item.min > item.max) {
        problems.push({ path: [...path, 'min'], message: 'must not be greater than max' });
      }
      if (item.kind === 'single' || item.kind === 'multiple') {
        const optionIds = new Set<string>();
        item.options.forEach((option, o) => {
          if (optionIds.has(option.id)) {
            problems.push({ path: [...path, 'options', o, 'id'], message: `duplicate option id "${option.id}"` });
          }
          optionIds.add(option.id);
        });
      }
      if (earlierItems.has(item.id)) problems.push({ path: [...path, 'id'], message: `duplicate item id "${item.id}"` });
      else earlierItems.set(item.id, item);
    });
  });
  return problems;
}

function conditionProblems(condition: Condition, earlierItems: ReadonlyMap<string, ChecklistItem>, path: (string | number)[], depth: number): Problem[] {
  if (depth > checklistLimits.conditionDepth) {
    return [{ path, message: `is nested more than ${checklistLimits.conditionDepth} levels deep` }];
  }
  if ('all' in condition || 'any' in condition) {
    const key = 'all' in condition ? 'all' : 'any';
    const terms = 'all' in condition ? condition.all : condition.any;
    return terms.flatMap((term, t) => conditionProblems(term, earlierItems, [...path, key, t], depth + 1));
  }
  if ('not' in condition) return conditionProblems(condition.not, earlierItems, [...path, 'not'], depth + 1);
  if ('caseField' in condition) {
    const valid =
      condition.caseField === 'isChild' ? typeof condition.equals === 'boolean' || condition.equals === null : typeof condition.equals === 'string' || condition.equals === null;
    const expected = condition.caseField === 'isChild' ? 'true, false or null' : 'a country code or null';
    return valid ? [] : [{ path: [...path, 'equals'], message: `must be ${expected} for caseField "${condition.caseField}"` }];
  }
  const target = earlierItems.get(condition.item);
  if (!target) {
    return [{ path: [...path, 'item'], message: `refers to "${condition.item}", which is not an item earlier in this template` }];
  }
  if ('includes' in condition) {
    if (target.kind !== 'multiple') {
      return [{ path: [...path, 'includes'], message: `can only be used with a multiple-choice item; "${target.id}" is ${target.kind}` }];
    }
    return target.options.some((option) => option.id === condition.includes)
      ? []
      : [{ path: [...path, 'includes'], message: `"${condition.includes}" is not an option of item "${target.id}"` }];
  }
  const problem = equalsProblem(target, condition.equals);
  return problem ? [{ path: [...path, 'equals'], message: problem }] : [];
}

function equalsProblem(target: ChecklistItem, value: ConditionValue): string | null {
  switch (target.kind) {
    case 'check':
      return typeof value === 'boolean' ? null : `must be true or false for check item "${target.id}"`;
    case 'yesNoUnknown':
      return value === 'yes' || value === 'no' || value === 'unknown' ? null : `must be "yes", "no" or "unknown" for item "${target.id}"`;
    case 'single':
      return target.options.some((option) => option.id === value) ? null : `must be one of the options of item "${target.id}"`;
    case 'multiple':
      return `cannot compare multiple-choice item "${target.id}" with equals; use includes`;
    case 'number':
      return typeof value === 'number' ? null : `must be a number for item "${target.id}"`;
    case 'text':
    case 'date':
      return typeof value === 'string' ? null : `must be a string for item "${target.id}"`;
  }
}
