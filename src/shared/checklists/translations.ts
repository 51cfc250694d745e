import type { ChecklistTemplate, TemplateLanguage } from './schema';

/**
 * A shipped template comes in several languages: one file per language, with the same id, version
 * and structure (section, item and option ids, kinds, conditions, references) and only the words
 * changed. Answers are kept by item id, so a checklist answered in one language can be printed in
 * another, for the person it is about, by swapping in the other language's words.
 */

/** The prose a person reads; everything else is structure that answers and conditions depend on. */
const proseFields = new Set(['title', 'description', 'label', 'guidance', 'language']);

function structure(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structure);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, proseFields.has(key) ? null : structure(child)]));
  }
  return value;
}

/** Whether two templates differ only in their words (and so answers to one fit the other). */
export function sameStructure(a: ChecklistTemplate, b: ChecklistTemplate): boolean {
  return JSON.stringify(structure(a)) === JSON.stringify(structure(b));
}

/**
 * The template in `language` when a variant with the same id, version and structure is known;
 * otherwise the template as it is (its own language stays marked on it).
 */
export function templateInLanguage(template: ChecklistTemplate, variants: readonly ChecklistTemplate[], language: TemplateLanguage): ChecklistTemplate {
  if (template.language === language) return template;
  const variant = variants.find(
    (candidate) => candidate.language === language && candidate.id === template.id && candidate.version === template.version && sameStructure(candidate, template),
  );
  return variant ?? template;
}
