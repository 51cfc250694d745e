/**
 * Runs in the browser preview's page (injected by ./page.ts, never part of the app's build): seeds the app's
 * own database with synthetic cases and their follow-ups through the app's own encrypted store and key.
 */
import { caseIndexValues } from '../../src/shared/cases';
import { generateSyntheticCases } from '../../tests/support/synthetic-cases';
import { importRecordKeys, openRecordStore } from '../../src/renderer/src/db';
import { followUpsForBench } from './generate';
import type { AgendaSeedOptions, AgendaSeedWindow } from './protocol';

const batchSize = 2_000;

async function seedAgenda({ keys, cases: caseCount, followUps: count, seed }: AgendaSeedOptions): Promise<void> {
  const { cases } = generateSyntheticCases(caseCount, seed, [], { notesPerCase: 0, checklistsPerCase: 0 });
  const followUps = followUpsForBench(count).map((followUp, i) => ({ ...followUp, id: crypto.randomUUID(), caseId: cases[i % cases.length]!.id }));
  const store = await openRecordStore(
    await importRecordKeys({ records: Uint8Array.from(keys.records), index: Uint8Array.from(keys.index), attachments: Uint8Array.from(keys.attachments) }),
  );
  try {
    for (let start = 0; start < cases.length; start += batchSize) {
      const batch = cases.slice(start, start + batchSize);
      await store.saveMany(
        'cases',
        batch.map((record) => ({ id: record.id, kind: 'case', index: caseIndexValues(record), data: record, updatedAt: Date.parse(record.updatedAt) })),
      );
    }
    // As the follow-ups feature saves them (features/followups/data.ts).
    for (let start = 0; start < followUps.length; start += batchSize) {
      const batch = followUps.slice(start, start + batchSize);
      await store.saveMany(
        'followUps',
        batch.map((followUp) => ({ id: followUp.id, kind: 'followUp', index: { caseId: followUp.caseId }, data: followUp })),
      );
    }
  } finally {
    store.close();
  }
}

(window as unknown as AgendaSeedWindow).seedAgenda = seedAgenda;
