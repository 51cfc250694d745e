// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentSchema, attachmentsLinkedTo, upgradeAttachment, type CaseAttachment } from '@shared/attachments';
import { createNote } from '@shared/cases';
import { startChecklist } from '@shared/checklists';
import { englishPrintLabels, renderPrintDocument } from '@shared/print';
import { attachmentChunksTable, closeRecordStore, openRecordStore, rawTable, type WaypointStore } from '@renderer/db';
import { applyRestoreWithAttachments, attachmentChunkRecords, attachmentsForBackup } from '@renderer/db/attachment-transfer';
import { openAndReadBackup, restoreChunks } from '@renderer/features/backup/api';
import { collectRecords, planRestore } from '@renderer/db/transfer';
import { attachFile, listCaseAttachments } from '@renderer/features/attachments/data';
import { deleteNoteRecords } from '@renderer/features/cases/case-records';
import { loadCase } from '@renderer/features/export/load-case';
import { shippedTemplate } from '../checklists/fixtures';
import { newKey, openRaw, serialiseRow, serveBackup, uniqueDbName } from '../db/helpers';
import { printCase } from '../print/fixtures';
import { attachmentRecord } from './fixtures';

const options = { keepOriginal: false, limitBytes: 100 * 1024 * 1024, estimate: async () => ({ quota: 1024 ** 3, usage: 0 }) };
const now = '2026-12-07T10:00:00.000Z';

afterEach(() => closeRecordStore());

async function openStore(dbName = uniqueDbName()): Promise<WaypointStore> {
  return openRecordStore(await newKey(), { dbName });
}

const stored = attachmentRecord({ createdAt: now, updatedAt: now });

describe("an attachment's link", () => {
  it('is one of the follow-ups’ link shapes, by ids only, or null', () => {
    for (const link of [null, { type: 'note', noteId: 'n-1' }, { type: 'checklistItem', checklistId: 'cl-1', itemId: 'item-1' }]) {
      expect(attachmentSchema.safeParse({ ...stored, link }).success).toBe(true);
    }
    for (const link of [
      { type: 'checklist', checklistId: 'cl-1', itemId: 'item-1' },
      { type: 'note', noteId: 'n-1', text: 'what the note said' }, // no text beside the id
      { type: 'note', noteId: '../other case' },
      { type: 'checklistItem', checklistId: 'cl-1' },
      'n-1',
    ]) {
      expect(attachmentSchema.safeParse({ ...stored, link }).success, JSON.stringify(link)).toBe(false);
    }
    // The field it replaced is refused on write, and read into today's shape.
    expect(attachmentSchema.safeParse({ ...stored, noteId: null }).success).toBe(false);
    const { link: _none, ...before } = stored;
    expect(upgradeAttachment({ ...before, noteId: null } as never)).toEqual(stored);
    expect(upgradeAttachment({ ...before, noteId: 'n-1' } as never).link).toEqual({ type: 'note', noteId: 'n-1' });
  });

  it('picks out the files of one note or one question, and no other', () => {
    const note = { ...stored, id: 'a-note', link: { type: 'note', noteId: 'n-1' } } as const;
    const item = { ...stored, id: 'a-item', link: { type: 'checklistItem', checklistId: 'cl-1', itemId: 'item-1' } } as const;
    const otherItem = { ...stored, id: 'a-other', link: { type: 'checklistItem', checklistId: 'cl-1', itemId: 'item-2' } } as const;
    const all = [stored, note, item, otherItem];
    expect(attachmentsLinkedTo(all, { type: 'note', noteId: 'n-1' }).map((file) => file.id)).toEqual(['a-note']);
    expect(attachmentsLinkedTo(all, { type: 'checklistItem', checklistId: 'cl-1', itemId: 'item-1' }).map((file) => file.id)).toEqual(['a-item']);
    expect(attachmentsLinkedTo(all, { type: 'note', noteId: 'n-2' })).toEqual([]);
  });

  it('is kept inside the ciphertext only, carried by a backup, and outlives its note unless the files go with it', async () => {
    const dbName = uniqueDbName();
    const store = await openStore(dbName);
    const link = { type: 'note', noteId: 'note-marker-4711' } as const;
    const { attachment } = await attachFile(store, 'case-1', new File(['signed'], 'statement.txt'), { ...options, link });
    expect((await listCaseAttachments(store, 'case-1')).records).toMatchObject([{ id: attachment.id, link }]);
    const raw = await openRaw(dbName);
    const rows = await raw.table('attachments').toArray();
    raw.close();
    expect(rows).toHaveLength(1);
    expect(serialiseRow(rows)).not.toContain('note-marker-4711');

    // A backup restored on another install keeps the link.
    const records = await attachmentsForBackup(store, (await collectRecords(store)).records);
    const chunks = [];
    for await (const chunk of attachmentChunkRecords(store, records)) chunks.push(chunk);
    serveBackup(JSON.parse(JSON.stringify([...records, ...chunks])) as typeof records);
    const backup = await openAndReadBackup('session', 'passphrase');
    const other = await openStore();
    await applyRestoreWithAttachments(other, await planRestore(other, backup.records, 'replace'), restoreChunks('session'));
    expect((await listCaseAttachments(other, 'case-1')).records).toMatchObject([{ id: attachment.id, link }]);

    // The note deleted alone: its file stays with the case, still naming the note (now missing).
    await store.save('notes', { id: link.noteId, kind: 'note', index: { caseId: 'case-1' }, data: createNote({ id: link.noteId, caseId: 'case-1', text: 'x', now }) });
    await deleteNoteRecords(store, link.noteId, []);
    expect(await store.get('notes', link.noteId)).toBeUndefined();
    expect((await listCaseAttachments(store, 'case-1')).records).toMatchObject([{ id: attachment.id, link }]);

    // Deleted with its files: the records and their chunks go in the same step.
    const second = (await attachFile(store, 'case-1', new File(['again'], 'again.txt'), { ...options, link: { type: 'note', noteId: 'n-2' } })).attachment;
    await deleteNoteRecords(store, 'n-2', [second]);
    expect((await listCaseAttachments(store, 'case-1')).records.map((file) => file.id)).toEqual([attachment.id]);
    expect(await rawTable<{ blob: string }, [string, number]>(store, attachmentChunksTable).where('blob').equals(second.blob.id).count()).toBe(0);
  });

  it("is named in the case summary as its case's own records resolve it: another case's note reads as no longer linked", async () => {
    const template = shippedTemplate('palermo-initial-screening');
    const checklist = { caseId: 'case-1', status: 'inProgress' as const, instance: startChecklist(template, 'cl-1', now) };
    const item = template.sections[0]!.items[0]!;
    const note = createNote({ id: 'n-1', caseId: 'case-1', text: 'NOTE-TEXT-NOT-IN-THE-LINK', now });
    const foreign = createNote({ id: 'n-9', caseId: 'case-2', text: 'other', now });
    const file = (id: string, name: string, link: CaseAttachment['link']) => ({ id, caseId: 'case-1', data: { ...stored, id, name, link } });
    const tables: Record<string, Array<{ id: string; caseId: string; data: unknown }>> = {
      cases: [{ id: 'case-1', caseId: 'case-1', data: printCase() }],
      notes: [
        { id: 'n-1', caseId: 'case-1', data: note },
        { id: 'n-9', caseId: 'case-2', data: foreign },
      ],
      checklists: [{ id: 'cl-1', caseId: 'case-1', data: checklist }],
      attachments: [
        file('a1', 'with-note.pdf', { type: 'note', noteId: 'n-1' }),
        file('a2', 'with-item.pdf', { type: 'checklistItem', checklistId: 'cl-1', itemId: item.id }),
        file('a3', 'foreign.pdf', { type: 'note', noteId: 'n-9' }),
        file('a4', 'alone.pdf', null),
      ],
    };
    const store = {
      get: async (table: string, id: string) => tables[table]?.find((row) => row.id === id),
      list: async (table: string, filter?: Record<string, unknown>) => (tables[table] ?? []).filter((row) => row.caseId === filter?.['caseId']),
    } as unknown as Parameters<typeof loadCase>[0];
    const loaded = await loadCase(store, { kind: 'caseSummary', caseId: 'case-1' });
    const files = loaded && 'files' in loaded ? loaded.files : [];
    expect(files.map((entry) => [entry.name, entry.linkedTo?.type ?? null])).toEqual([
      ['with-note.pdf', 'note'],
      ['with-item.pdf', 'checklistItem'],
      ['foreign.pdf', 'missing'],
      ['alone.pdf', null],
    ]);
    const { html } = renderPrintDocument({ kind: 'caseSummary', language: 'en', paper: 'A4', redaction: 'full', labels: englishPrintLabels, ...loaded! });
    expect(html).toContain(`with the checklist question ${template.title}`);
    expect(html).toContain(englishPrintLabels.case.fileUnlinked);
  });
});
