import { describe, expect, it } from 'vitest';
import { caseChecklistSchema, caseNoteSchema, caseRecordSchema } from '@shared/cases';
import { generateSyntheticCases } from '../../support/synthetic-cases';
import { shippedTemplates } from './fixtures';

describe('synthetic cases', () => {
  const templates = shippedTemplates();
  const data = generateSyntheticCases(40, 1, templates);

  it('are valid records with 5 notes and 3 checklists per case, linked to their case', () => {
    expect(data.cases).toHaveLength(40);
    expect(data.notes).toHaveLength(200);
    expect(data.checklists).toHaveLength(120);
    for (const record of data.cases) expect(caseRecordSchema.safeParse(record).error?.issues ?? []).toEqual([]);
    for (const note of data.notes) expect(caseNoteSchema.safeParse(note).error?.issues ?? []).toEqual([]);
    for (const checklist of data.checklists) expect(caseChecklistSchema.safeParse(checklist).error?.issues ?? []).toEqual([]);
    const ids = new Set(data.cases.map((record) => record.id));
    expect(ids.size).toBe(40);
    expect(new Set(data.cases.map((record) => record.code)).size).toBe(40);
    expect([...data.notes, ...data.checklists].every((child) => ids.has(child.caseId))).toBe(true);
  });

  it('are the same for the same seed and differ for another', () => {
    expect(generateSyntheticCases(40, 1, templates)).toEqual(data);
    expect(generateSyntheticCases(40, 2, templates).notes[0]!.text).not.toBe(data.notes[0]!.text);
  });
});
