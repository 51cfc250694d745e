import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseChecklist } from '../../src/shared/cases/records';
import { newCaseRecord, type CaseRecord } from '../../src/shared/cases/schema';
import { recordAnswer, startChecklist, type ChecklistInstance } from '../../src/shared/checklists/answers';
import type { ChecklistItem, ChecklistTemplate } from '../../src/shared/checklists/schema';
import { parseTemplateFile } from '../../src/shared/checklists/template-file';

/** A shipped template by id, read from resources/checklists (found from the fonts folder). */
export function shippedTemplate(resourcesFolder: string, id: string): ChecklistTemplate {
  const parsed = parseTemplateFile(readFileSync(join(resourcesFolder, 'checklists', `${id}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`shipped template ${id} does not parse`);
  return parsed.template;
}

function sampleValue(item: ChecklistItem, n: number): unknown {
  switch (item.kind) {
    case 'check':
      return n % 2 === 0;
    case 'yesNoUnknown':
      return (['yes', 'no', 'unknown'] as const)[n % 3];
    case 'single':
      return item.options[n % item.options.length]!.id;
    case 'multiple':
      return item.options.slice(0, 2).map((option) => option.id);
    case 'text':
      return `Sample answer ${n}: what the person said, written down in a few plain sentences for the record. They asked that it be kept short.`;
    case 'date':
      return `2026-03-${String((n % 27) + 1).padStart(2, '0')}`;
    case 'number':
      return item.min ?? 1;
  }
}

/** Every item of the template answered (with a note on each): the bench's and tests' filled checklist. */
export function sampleFilledChecklist(template: ChecklistTemplate, caseId: string, now = '2026-03-02T10:00:00.000Z'): CaseChecklist {
  let instance: ChecklistInstance = startChecklist(template, `cl-${template.id}`, now);
  let n = 0;
  for (const section of template.sections) {
    for (const item of section.items) {
      const note = `Note ${n}: said calmly; to follow up at the next meeting with the interpreter present, and to check the dates again.`;
      const result = recordAnswer(instance, item.id, sampleValue(item, n), now, note);
      if (result.ok) instance = result.instance;
      n += 1;
    }
  }
  return { caseId, status: 'inProgress', instance };
}

export function sampleCase(now = '2026-03-01T09:00:00.000Z'): CaseRecord {
  return { ...newCaseRecord({ id: 'case-sample', code: 'WP-2026-0042', now, assignedTo: 'Sample caseworker' }), alias: 'Sample alias' };
}
