// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { caseIndexValues, checklistIndexValues, checklistTokens, noteIndexValues } from '@shared/cases';
import { tokenize } from '@shared/fold';
import { generateSyntheticCases } from '../../support/synthetic-cases';
import { closeRecordStore, openRecordStore, type WaypointRecords } from '@renderer/db';
import { collectCaseTokens, tokensOfCase } from '@renderer/features/cases/text-index';
import { newKey, openRaw, uniqueDbName } from '../db/helpers';
import { shippedTemplates } from './fixtures';
import { attachmentRecord } from '../attachments/fixtures';

afterEach(() => closeRecordStore());

describe('words of notes and checklists, by case', () => {
  it('collects each case’s distinct tokens from every note and checklist, leaving unreadable rows out', async () => {
    const data = generateSyntheticCases(12, 5, shippedTemplates(), { notesPerCase: 3, checklistsPerCase: 2 });
    const dbName = uniqueDbName();
    const store = await openRecordStore<WaypointRecords>(await newKey(), { dbName });
    await store.saveMany(
      'cases',
      data.cases.map((record) => ({ id: record.id, kind: 'case', index: caseIndexValues(record), data: record })),
    );
    await store.saveMany(
      'notes',
      data.notes.map((note) => ({ id: note.id, kind: 'note', index: noteIndexValues(note), data: note })),
    );
    await store.saveMany(
      'checklists',
      data.checklists.map((checklist) => ({ id: checklist.instance.id, kind: 'checklist', index: checklistIndexValues(checklist), data: checklist })),
    );
    const spoiled = data.notes[0]!;
    const raw = await openRaw(dbName);
    await raw.table('notes').update(spoiled.id, { ciphertext: new ArrayBuffer(32) });
    raw.close();

    const tokens = await collectCaseTokens(store);
    const labels = new Map<string, string[]>();
    for (const record of data.cases) {
      const expected = new Set([
        ...data.notes.filter((note) => note.caseId === record.id && note !== spoiled).flatMap((note) => tokenize(note.text)),
        ...data.checklists.filter((checklist) => checklist.caseId === record.id).flatMap((checklist) => checklistTokens(checklist, labels)),
      ]);
      const position = tokens.caseIds.indexOf(record.id);
      const got = tokensOfCase(tokens, position);
      expect(got).toHaveLength(expected.size); // each token once
      expect(new Set(got)).toEqual(expected);
    }
    expect(tokens.offsets).toHaveLength(tokens.caseIds.length + 1);
  });

  it('finds a case by its attached files’ names and captions', async () => {
    const store = await openRecordStore<WaypointRecords>(await newKey(), { dbName: uniqueDbName() });
    await store.save('attachments', {
      id: 'a1',
      kind: 'attachment',
      index: { caseId: 'case-1' },
      data: attachmentRecord({ name: 'Payslip-März.pdf', caption: 'Signed at the shelter' }),
    });
    const tokens = await collectCaseTokens(store);
    const got = tokensOfCase(tokens, tokens.caseIds.indexOf('case-1'));
    expect(got).toEqual(expect.arrayContaining([...tokenize('Payslip-März.pdf'), ...tokenize('Signed at the shelter')]));
  });
});
