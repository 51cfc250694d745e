import { once } from '@shared/once';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { templateLanguages, templateSchema, type ChecklistTemplate, type TemplateLanguage } from '@shared/checklists';
import { caseChecklistSchema, checklistIndexValues, type CaseChecklist } from '@shared/cases';
import { instrumentSchema } from '@shared/legal/schema';
import type { VaultContextValue } from '../vault';
import { buildCitations, type Citation } from './view';

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

async function listChecked<T>(store: Store, table: 'checklists' | 'templates', schema: z.ZodType<T>, filter?: Record<string, string>): Promise<Stored<T>[]> {
  const rows = await store.list(table, filter);
  return rows.map((row) => {
    if (row.error !== undefined) return { id: row.id, ok: false };
    const parsed = schema.safeParse(row.data);
    return parsed.success ? { id: row.id, ok: true, value: parsed.data, updatedAt: row.updatedAt } : { id: row.id, ok: false };
  });
}

/*
 * The checklists panel and the screening summary are mounted separately on a case page; both
 * listen here so an answer saved in one shows in the other at once.
 */
type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();

function subscribe(topic: string, listener: Listener): () => void {
  const set = listeners.get(topic) ?? new Set();
  set.add(listener);
  listeners.set(topic, set);
  return () => set.delete(listener);
}

function notify(topic: string): void {
  for (const listener of listeners.get(topic) ?? []) listener();
}

const checklistTopic = (caseId: string) => `case:${caseId}`;
const templatesTopic = 'templates';

export async function saveCaseChecklist(store: Store, checklist: CaseChecklist): Promise<void> {
  await store.save('checklists', { id: checklist.instance.id, kind: 'checklist', index: checklistIndexValues(checklist), data: checklist });
  notify(checklistTopic(checklist.caseId));
}

export async function saveCustomTemplate(store: Store, id: string, custom: CustomTemplate): Promise<void> {
  // No index: the list sorts by the creation time inside the record, which the row does not show.
  await store.save('templates', { id, kind: 'template', data: custom });
  notify(templatesTopic);
}

export async function deleteCustomTemplate(store: Store, id: string): Promise<void> {
  await store.delete('templates', id);
  notify(templatesTopic);
}

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error' };

/** Runs `load` now and whenever `topic` is notified; `retry` runs it again after an error. */
function useLoaded<T>(load: () => Promise<T>, topic: string | null): { state: Loaded<T>; retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const run = () =>
      load().then(
        (value) => !cancelled && setState({ status: 'ready', value }),
        (error: unknown) => {
          console.error(error);
          if (!cancelled) setState({ status: 'error' });
        },
      );
    void run();
    const unsubscribe = topic === null ? undefined : subscribe(topic, () => void run());
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [load, topic, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}

export function useCaseChecklists(store: Store, caseId: string) {
  const load = useCallback(() => listChecked(store, 'checklists', caseChecklistSchema, { caseId }).then((rows) => rows.sort(byStarted)), [store, caseId]);
  return useLoaded(load, checklistTopic(caseId));
}

export interface TemplateChoices {
  shipped: ChecklistTemplate[];
  custom: Stored<CustomTemplate>[];
}

export function useTemplateChoices(store: Store) {
  const load = useCallback(async (): Promise<TemplateChoices> => {
    const [shipped, custom] = await Promise.all([loadShippedTemplates(), listChecked(store, 'templates', customTemplateSchema)]);
    return { shipped, custom: custom.sort(byCreated) };
  }, [store]);
  return useLoaded(load, templatesTopic);
}

/** Provision labels for citations; null until loaded or if the corpus cannot be read (ids are shown then). */
export function useCitations(): Map<string, Citation> | null {
  const { state } = useLoaded(loadCitations, null);
  return state.status === 'ready' ? state.value : null;
}

/** Oldest first; unreadable records last. ISO times in UTC sort as text. */
function inOrder<T>(time: (value: T) => string) {
  return (a: Stored<T>, b: Stored<T>): number => (a.ok ? time(a.value) : '~').localeCompare(b.ok ? time(b.value) : '~');
}
const byStarted = inOrder<CaseChecklist>((checklist) => checklist.instance.startedAt);
const byCreated = inOrder<CustomTemplate>((custom) => custom.createdAt);
