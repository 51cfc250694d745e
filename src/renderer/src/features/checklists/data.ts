import { once } from '@shared/once';
import { useCallback } from 'react';
import { z } from 'zod';
import { templateLanguages, templateSchema, type ChecklistTemplate, type TemplateLanguage } from '@shared/checklists';
import { caseChecklistSchema, checklistIndexValues, type CaseChecklist } from '@shared/cases';
import { instrumentSchema } from '@shared/legal/schema';
import { readCaseRecords } from '../../db';
import type { VaultContextValue } from '../vault';
import { buildCitations, type Citation } from './view';
import { notifyChanged, useLoaded } from '../../components/use-loaded';

type Store = VaultContextValue['store'];

/*
 * Shipped templates and the legal corpus's provision labels load on first use, so the first
 * screen stays small. A failed load is retried on the next use.
 */
// English originals at the top, translations with the same ids in es/, fr/ and ar/.
const shippedFiles = import.meta.glob<unknown>(['@resources/checklists/*.json', '@resources/checklists/*/*.json'], { import: 'default' });
const instrumentFiles = import.meta.glob<unknown>('@resources/legal/instruments.json', { import: 'default' });

/** Every shipped template in every language it comes in. */
export const loadShippedTemplates = once(async (): Promise<ChecklistTemplate[]> => {
  const raw = await Promise.all(Object.values(shippedFiles).map((load) => load()));
  return raw.map((template) => templateSchema.parse(template)).sort((a, b) => a.title.localeCompare(b.title, a.language));
});

/** The interface language as a template language, English when templates do not come in it. */
export function templateLanguageOf(interfaceLanguage: string): TemplateLanguage {
  return (templateLanguages as readonly string[]).includes(interfaceLanguage) ? (interfaceLanguage as TemplateLanguage) : 'en';
}

/** A shipped template's key in lists: its id and language (ids repeat across languages). */
export const shippedKey = (template: ChecklistTemplate) => `shipped:${template.id}:${template.language}`;

/** One shipped template per id: in `language` where it exists, else the English original. */
export function shippedInLanguage(all: readonly ChecklistTemplate[], language: TemplateLanguage): ChecklistTemplate[] {
  const chosen = all.filter((template) => template.language === language);
  const have = new Set(chosen.map((template) => template.id));
  return [...chosen, ...all.filter((template) => template.language === 'en' && !have.has(template.id))];
}

export const loadCitations = once(async (): Promise<Map<string, Citation>> => {
  const [load] = Object.values(instrumentFiles);
  if (!load) throw new Error('instruments.json is not bundled');
  return buildCitations(z.array(instrumentSchema).parse(await load()));
});

/** A record read from the vault: its data, or a flag when it could not be decrypted or is not valid. */
export type Stored<T> = { id: string; ok: true; value: T; updatedAt: number } | { id: string; ok: false };

export interface CustomTemplate {
  template: ChecklistTemplate;
  createdAt: string;
}
const customTemplateSchema = z.strictObject({ template: templateSchema, createdAt: z.iso.datetime() });

/** Custom templates are not a case's records, and their record id is not in their data: read here, not with readCaseRecords. */
async function listCustomTemplates(store: Store): Promise<Stored<CustomTemplate>[]> {
  const rows = await store.list('templates');
  return rows.map((row) => {
    if (row.error !== undefined) return { id: row.id, ok: false };
    const parsed = customTemplateSchema.safeParse(row.data);
    return parsed.success ? { id: row.id, ok: true, value: parsed.data, updatedAt: row.updatedAt } : { id: row.id, ok: false };
  });
}

/** A case's checklists are checked against the whole schema: there are few, and the runner trusts them. */
const isValidChecklist = (data: unknown): data is CaseChecklist => caseChecklistSchema.safeParse(data).success;

const checklistTopic = (caseId: string) => `checklists:${caseId}`;
const templatesTopic = 'checklists:templates';

export async function saveCaseChecklist(store: Store, checklist: CaseChecklist): Promise<void> {
  await store.save('checklists', { id: checklist.instance.id, kind: 'checklist', index: checklistIndexValues(checklist), data: checklist });
  notifyChanged(checklistTopic(checklist.caseId));
}

export async function saveCustomTemplate(store: Store, id: string, custom: CustomTemplate): Promise<void> {
  // No index: the list sorts by the creation time inside the record, which the row does not show.
  await store.save('templates', { id, kind: 'template', data: custom });
  notifyChanged(templatesTopic);
}

export async function deleteCustomTemplate(store: Store, id: string): Promise<void> {
  await store.delete('templates', id);
  notifyChanged(templatesTopic);
}

export function useCaseChecklists(store: Store, caseId: string) {
  const load = useCallback(async () => {
    const read = await readCaseRecords(store, 'checklists', isValidChecklist, caseId);
    read.records.sort((a, b) => a.instance.startedAt.localeCompare(b.instance.startedAt)); // ISO times in UTC sort as text
    return read;
  }, [store, caseId]);
  return useLoaded(load, checklistTopic(caseId));
}

export interface TemplateChoices {
  shipped: ChecklistTemplate[];
  custom: Stored<CustomTemplate>[];
}

export function useTemplateChoices(store: Store) {
  const load = useCallback(async (): Promise<TemplateChoices> => {
    const [shipped, custom] = await Promise.all([loadShippedTemplates(), listCustomTemplates(store)]);
    return { shipped, custom: custom.sort(byCreated) };
  }, [store]);
  return useLoaded(load, templatesTopic);
}

/** Provision labels for citations; null until loaded or if the corpus cannot be read (ids are shown then). */
export function useCitations(): Map<string, Citation> | null {
  const { state } = useLoaded(loadCitations);
  return state.status === 'ready' ? state.value : null;
}

/** Oldest first; unreadable templates last. ISO times in UTC sort as text. */
const byCreated = (a: Stored<CustomTemplate>, b: Stored<CustomTemplate>): number => (a.ok ? a.value.createdAt : '~').localeCompare(b.ok ? b.value.createdAt : '~');
