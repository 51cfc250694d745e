// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeRecordStore, openRecordStore, type WaypointRecords, type WaypointStore } from '@renderer/db';
import { correctionListCsv, correctionRows } from '@renderer/features/directory/corrections';
import {
  deleteNumberReport,
  deleteOwnEntry,
  loadNumberReports,
  loadUserDirectory,
  mergeDirectory,
  ownEntryDeletion,
  saveNumberReport,
  saveOwnRecords,
} from '@renderer/features/directory/data';
import { parseCsv } from '@shared/hsds/csv';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { newKey, openRaw, serialiseRow, uniqueDbName } from '../db/helpers';
import { shippedDirectory } from '../directory-io/fixtures';

type Store = WaypointStore;

const shipped = shippedDirectory();
const shippedEntry = shipped.entries.find((e) => e.phones.length > 0)!;
const ownId = '0b8f4c2e-5d1a-4e7b-9c3f-6a2d8e1f4b21';

function ownEntry(): DirectoryEntry {
  return {
    ...shippedEntry,
    id: ownId,
    name: 'Safe house line (test data)',
    phones: [{ number: '+353 1 555 0123', type: 'voice', description: null, emergencyRoles: [] }],
  };
}

afterEach(() => closeRecordStore());

describe('"this number did not work" reports', () => {
  it('are kept encrypted in the private notes table, read back, and deleted one by one', async () => {
    const dbName = uniqueDbName();
    const store: Store = await openRecordStore<WaypointRecords>(await newKey(), { dbName });
    const number = shippedEntry.phones[0]!.number;
    const saved = await saveNumberReport(store, { entryId: shippedEntry.id, number, date: '2026-12-06', note: 'Rang out, no voicemail' });
    await saveNumberReport(store, { entryId: shippedEntry.id, number, date: '2026-11-30', note: '' });

    const reports = await loadNumberReports(store);
    expect(reports.map((r) => [r.date, r.note])).toEqual([
      ['2026-11-30', ''],
      ['2026-12-06', 'Rang out, no voicemail'],
    ]);
    expect(reports[1]).toEqual(saved);

    const raw = await openRaw(dbName);
    const rows = await raw.table('orgNotes').toArray();
    raw.close();
    expect(rows).toHaveLength(2);
    const disk = rows.map(serialiseRow).join('\n');
    expect(disk).not.toContain('Rang out');
    expect(disk).not.toContain('2026-12-06');

    await deleteNumberReport(store, saved);
    expect((await loadNumberReports(store)).map((r) => r.date)).toEqual(['2026-11-30']);
  });

  it('go with an own entry when it is deleted', async () => {
    const store: Store = await openRecordStore<WaypointRecords>(await newKey(), { dbName: uniqueDbName() });
    await saveOwnRecords(store, [ownEntry()], [], 'added');
    await saveNumberReport(store, { entryId: ownId, number: '+353 1 555 0123', date: '2026-12-01', note: '' });
    await saveNumberReport(store, { entryId: shippedEntry.id, number: shippedEntry.phones[0]!.number, date: '2026-12-02', note: '' });
    const directory = mergeDirectory(shipped, await loadUserDirectory(store));
    await deleteOwnEntry(store, ownEntryDeletion(directory, ownId)!);
    expect((await loadNumberReports(store)).map((r) => r.entryId)).toEqual([shippedEntry.id]);
  });
});

describe('the correction list', () => {
  const own = ownEntry();
  const directory = {
    entries: [...shipped.entries, own],
    origins: new Map([[ownId, 'added' as const]]),
    shippedEntryIds: new Set(shipped.entries.map((e) => e.id)),
  };
  const reports = [
    { id: 'a', entryId: shippedEntry.id, number: shippedEntry.phones[0]!.number, date: '2026-12-06', note: '=HYPERLINK("https://example.com","x")' },
    { id: 'b', entryId: ownId, number: '+353 1 555 0123', date: '2026-12-05', note: 'Safe house' },
  ];

  it("lists reports on shipped numbers only, never the person's own entries", () => {
    const rows = correctionRows(reports, directory);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual(['2026-12-06', shippedEntry.phones[0]!.number, shippedEntry.name]);
    expect(correctionListCsv(reports, directory)).not.toContain('Safe house');
  });

  it('guards every cell against formula injection', () => {
    const csv = correctionListCsv(reports, directory);
    const parsed = parseCsv(csv, 10);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.table.header).toEqual(['reported_on', 'number', 'service', 'country', 'service_id', 'source', 'note']);
    expect(parsed.table.records[0]!.at(-1)).toBe(`'=HYPERLINK("https://example.com","x")`);
  });
});
