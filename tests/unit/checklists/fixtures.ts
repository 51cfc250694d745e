import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTemplateFile, type ChecklistTemplate } from '@shared/checklists';

export const shippedDir = resolve(import.meta.dirname, '../../../resources/checklists');

export function shippedFiles(): Array<{ file: string; text: string }> {
  return readdirSync(shippedDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(resolve(shippedDir, file), 'utf8') }));
}

/** The translations of the shipped templates in one language, from resources/checklists/<language>/. */
export function translatedFiles(language: string): Array<{ file: string; text: string }> {
  const folder = resolve(shippedDir, language);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(resolve(folder, file), 'utf8') }));
}

export function shippedTemplate(id: string): ChecklistTemplate {
  const result = parseTemplateFile(readFileSync(resolve(shippedDir, `${id}.json`), 'utf8'));
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.errors)}`);
  return result.template;
}

/** A small template built to exercise every condition form. */
export const sampleTemplate: ChecklistTemplate = {
  id: 'sample',
  version: 1,
  language: 'en',
  title: 'Sample',
  description: 'For tests',
  sections: [
    {
      id: 'first',
      title: 'First',
      items: [
        { id: 'age-under-18', kind: 'yesNoUnknown', label: 'Under 18?', indicatesChild: true },
        { id: 'moved', kind: 'check', label: 'Moved', element: 'act' },
        {
          id: 'how',
          kind: 'multiple',
          label: 'How',
          condition: { item: 'moved', equals: true },
          options: [
            { id: 'bus', label: 'Bus' },
            { id: 'plane', label: 'Plane' },
          ],
        },
        { id: 'which-plane', kind: 'text', label: 'Which flight', condition: { item: 'how', includes: 'plane' } },
        { id: 'adult-only', kind: 'text', label: 'Adult only', condition: { not: { item: 'age-under-18', equals: 'yes' } } },
        {
          id: 'child-any',
          kind: 'check',
          label: 'Child by any sign',
          condition: {
            any: [
              { item: 'age-under-18', equals: 'yes' },
              { caseField: 'isChild', equals: true },
            ],
          },
        },
        {
          id: 'uk-child',
          kind: 'check',
          label: 'UK child',
          condition: {
            all: [
              { caseField: 'country', equals: 'GB' },
              { caseField: 'isChild', equals: true },
            ],
          },
        },
      ],
    },
    {
      id: 'second',
      title: 'Second',
      condition: { item: 'moved', equals: true },
      items: [
        { id: 'count', kind: 'number', label: 'How many', min: 0, max: 10, integer: true },
        { id: 'when', kind: 'date', label: 'When' },
        {
          id: 'kind',
          kind: 'single',
          label: 'Kind',
          options: [
            { id: 'a', label: 'A', element: 'purpose' },
            { id: 'b', label: 'B', indicator: 'ilo:deception' },
          ],
        },
      ],
    },
  ],
};
