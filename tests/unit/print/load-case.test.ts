import { describe, expect, it } from 'vitest';
import { escapeHtml, englishPrintLabels, renderPrintDocument } from '@shared/print';
import { recordAnswer, startChecklist, type ChecklistInstance, type ChecklistTemplate } from '@shared/checklists';
import type { CaseChecklist } from '@shared/cases';
import { loadCase } from '@renderer/features/export/load-case';
import { shippedTemplate } from '../checklists/fixtures';
import { printCase } from './fixtures';

const at = '2026-03-02T10:00:00.000Z';

function started(template: ChecklistTemplate, values: Record<string, unknown>): CaseChecklist {
  let instance: ChecklistInstance = startChecklist(template, `cl-${template.id}`, at);
  for (const [id, value] of Object.entries(values)) {
    const result = recordAnswer(instance, id, value, at);
    if (!result.ok) throw new Error(`${id}: ${result.reason}`);
    instance = result.instance;
  }
  return { caseId: 'case-1', status: 'inProgress', instance };
}

/** The two calls the export dialog makes of the encrypted store, over records already decrypted. */
function storeOf(tables: Record<string, Array<{ id: string; data: unknown; caseId: string }>>) {
  return {
    get: async (table: string, id: string) => tables[table]?.find((row) => row.id === id),
    list: async (table: string, filter?: Record<string, unknown>) => (tables[table] ?? []).filter((row) => row.caseId === filter?.['caseId']),
  } as unknown as Parameters<typeof loadCase>[0];
}

describe("the export dialog's records", () => {
  it('a printed checklist carries every checklist of the case, so an age answer in another shows its child sections', async () => {
    const safety = shippedTemplate('immediate-safety-needs');
    const screening = started(shippedTemplate('palermo-initial-screening'), { 'age-under-18': 'yes' });
    const printed = started(safety, {});
    const store = storeOf({
      cases: [{ id: 'case-1', data: printCase(), caseId: 'case-1' }],
      checklists: [
        { id: screening.instance.id, data: screening, caseId: 'case-1' },
        { id: printed.instance.id, data: printed, caseId: 'case-1' },
        { id: 'other-case', data: started(safety, {}), caseId: 'case-2' },
      ],
    });
    const loaded = await loadCase(store, { kind: 'filledChecklist', caseId: 'case-1', checklistId: printed.instance.id });
    expect(loaded?.checklists).toEqual([printed]);
    expect(loaded?.caseChecklists).toHaveLength(2);
    const { html } = renderPrintDocument({ kind: 'filledChecklist', language: 'en', paper: 'A4', redaction: 'full', labels: englishPrintLabels, ...loaded! });
    const childLabels = safety.sections.flatMap((section) => section.items).filter((item) => item.id.startsWith('child-'));
    expect(childLabels.length).toBeGreaterThan(0);
    for (const item of childLabels) expect(html).toContain(escapeHtml(item.label));
  });
});
