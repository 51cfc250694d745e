import { answerFor, itemsById, type ChecklistItem, type ChecklistTemplate, type Evidence, type ItemKind, type ScreenedChecklist, type TemplateVersion } from '@shared/checklists';

/** Pure helpers behind the checklist screens: no React, so they are unit-tested in Node. */

export function itemCount(template: ChecklistTemplate): number {
  return template.sections.reduce((sum, section) => sum + section.items.length, 0);
}

export interface Citation {
  /** As the instrument writes it: "Article 3(a)". */
  provision: string;
  instrument: string;
}

export interface CitationSource {
  shortName: string;
  provisions: ReadonlyArray<{ id: string; label: string }>;
}

export function buildCitations(instruments: readonly CitationSource[]): Map<string, Citation> {
  return new Map(
    instruments.flatMap((instrument) => instrument.provisions.map((provision) => [provision.id, { provision: provision.label, instrument: instrument.shortName }] as const)),
  );
}

/** The app's page for a provision; ids contain '#', so they are percent-encoded. */
export const provisionHref = (id: string) => `#/legal/provisions/${encodeURIComponent(id)}`;

export interface EvidenceText {
  checklistTitle: string;
  itemLabel: string;
  /** The chosen option; null for a ticked box or a "yes", which `answer` names. */
  optionLabel: string | null;
  answer: 'ticked' | 'yes' | null;
  note: string | null;
  /** The template's language, for the lang attribute. */
  language: string;
}

/** The words of the answer a screening finding came from, or null if it no longer exists. */
export function evidenceText(evidence: Evidence, checklists: readonly ScreenedChecklist[]): EvidenceText | null {
  const checklist = checklists.find((candidate) => candidate.id === evidence.instanceId);
  const item = checklist && itemsById(checklist.templateSnapshot).get(evidence.itemId);
  if (!checklist || !item) return null;
  const option = evidence.optionId === undefined || !('options' in item) ? undefined : item.options.find((entry) => entry.id === evidence.optionId);
  return {
    checklistTitle: checklist.templateSnapshot.title,
    itemLabel: item.label,
    optionLabel: option?.label ?? null,
    answer: option ? null : item.kind === 'check' ? 'ticked' : item.kind === 'yesNoUnknown' ? 'yes' : null,
    note: answerFor(checklist.answers, item.id)?.note?.trim() || null,
    language: checklist.templateSnapshot.language,
  };
}

/** `prefix-1`, `prefix-2`, … : the first not in `taken`. */
export function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** A saved edit of a custom template is a new version, so checklists can tell which one they used. */
export function nextVersion(version: TemplateVersion): TemplateVersion {
  if (typeof version === 'number') return version + 1;
  const [major = '0', minor = '0'] = version.split(/[.+-]/);
  return `${major}.${Number(minor) + 1}.0`;
}

export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/**
 * The item with another kind: shared fields (label, guidance, references, condition) stay, fields
 * the new kind does not accept are dropped, and choice kinds get two blank options to fill in.
 */
export function withKind(item: ChecklistItem, kind: ItemKind): ChecklistItem {
  const base = {
    id: item.id,
    label: item.label,
    ...(item.guidance === undefined ? {} : { guidance: item.guidance }),
    ...(item.legalRefs === undefined ? {} : { legalRefs: item.legalRefs }),
    ...(item.condition === undefined ? {} : { condition: item.condition }),
  };
  const markers =
    'element' in item || 'indicator' in item
      ? { ...(item.element === undefined ? {} : { element: item.element }), ...(item.indicator === undefined ? {} : { indicator: item.indicator }) }
      : {};
  switch (kind) {
    case 'check':
    case 'yesNoUnknown':
      return { ...base, kind, ...markers };
    case 'single':
    case 'multiple': {
      const options = 'options' in item ? item.options : [1, 2].map((n) => ({ id: `option-${n}`, label: '' }));
      return { ...base, kind, options };
    }
    case 'text':
    case 'date':
    case 'number':
      return { ...base, kind };
  }
}
