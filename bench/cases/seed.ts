/**
 * Runs in the browser preview's page (injected by ./index.ts, never part of the app's build): seeds
 * the app's own database with synthetic cases through the app's own encrypted store and key.
 */
import { caseIndexValues, checklistIndexValues, noteIndexValues } from '../../src/shared/cases';
import { generateSyntheticCases } from '../../tests/support/synthetic-cases';
import type { ChecklistTemplate } from '../../src/shared/checklists';
import { importRecordKeys, openRecordStore, type RecordInput, type WaypointRecords, type WaypointTable } from '../../src/renderer/src/db';
import type { SeedOptions, SeedWindow } from './protocol';

/** Rows per write: large enough to be quick, small enough to keep the ciphertexts of one batch in memory. */
const batchSize = 2_000;

async function seedCases({ keys, templates, cases: count, seed }: SeedOptions): Promise<void> {
  const data = generateSyntheticCases(count, seed, templates as ChecklistTemplate[]);
  const store = await openRecordStore(
    await importRecordKeys({ records: Uint8Array.from(keys.records), index: Uint8Array.from(keys.index), attachments: Uint8Array.from(keys.attachments) }),
  );
  const write = async <Table extends WaypointTable>(table: Table, records: RecordInput<WaypointRecords[Table]>[]) => {
    for (let start = 0; start < records.length; start += batchSize) await store.saveMany(table, records.slice(start, start + batchSize));
  };
  try {
    // As the app saves a case: the store's updatedAt is the case's own, which the list reads the newest cases by.
    await write(
      'cases',
      data.cases.map((record) => ({ id: record.id, kind: 'case', index: caseIndexValues(record), data: record, updatedAt: Date.parse(record.updatedAt) })),
    );
    await write(
      'notes',
      data.notes.map((note) => ({ id: note.id, kind: 'note', index: noteIndexValues(note), data: note })),
    );
    await write(
      'checklists',
      data.checklists.map((checklist) => ({ id: checklist.instance.id, kind: 'checklist', index: checklistIndexValues(checklist), data: checklist })),
    );
  } finally {
    store.close();
  }
}

(window as unknown as SeedWindow).seedCases = seedCases;
