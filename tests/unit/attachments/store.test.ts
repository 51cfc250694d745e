// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentChunksTable, closeRecordStore, openRecordStore, rawTable, type WaypointStore } from '@renderer/db';
import { attachFile, deleteAttachment, listCaseAttachments, readAttachmentBytes } from '@renderer/features/attachments/data';
import { copyFileName } from '@renderer/features/attachments/names';
import { deleteCaseRecords } from '@renderer/features/cases/case-records';
import { newKey, uniqueDbName } from '../db/helpers';

const options = { keepOriginal: false, limitBytes: 100 * 1024 * 1024, estimate: async () => ({ quota: 1024 ** 3, usage: 0 }) };
const chunks = (store: WaypointStore) => rawTable<{ blob: string }, [string, number]>(store, attachmentChunksTable);

afterEach(() => closeRecordStore());

async function openStore(): Promise<WaypointStore> {
  return openRecordStore(await newKey(), { dbName: uniqueDbName() });
}

describe('attached files of a case', () => {
  it('attaches, lists, reads back, and deletes record and chunks; a case deleted takes its files with it', async () => {
    const store = await openStore();
    const text = new File(['A statement, signed.\n'], 'statement.txt');
    const { attachment } = await attachFile(store, 'case-1', text, options);
    expect(attachment).toMatchObject({ caseId: 'case-1', name: 'statement.txt', size: text.size, mediaType: 'text/plain', originalSha256: null, removed: [] });
    expect(new TextDecoder().decode(await readAttachmentBytes(store, attachment))).toBe('A statement, signed.\n');
    await attachFile(store, 'case-2', new File(['other'], 'other.txt'), options);

    await deleteAttachment(store, attachment);
    expect((await listCaseAttachments(store, 'case-1')).records).toEqual([]);
    expect(await chunks(store).where('blob').equals(attachment.blob.id).count()).toBe(0);

    const second = (await attachFile(store, 'case-1', new File(['again'], 'again.txt'), options)).attachment;
    await store.save('cases', { id: 'case-1', kind: 'case', data: { id: 'case-1' } as never });
    await deleteCaseRecords(store, 'case-1');
    expect((await listCaseAttachments(store, 'case-1')).records).toEqual([]);
    expect(await chunks(store).where('blob').equals(second.blob.id).count()).toBe(0);
    expect((await listCaseAttachments(store, 'case-2')).records).toHaveLength(1); // another case's file stays
  });

  it('refuses a file over the limit, naming no bytes written', async () => {
    const store = await openStore();
    await expect(attachFile(store, 'case-1', new File(['0123456789'], 'big.txt'), { ...options, limitBytes: 5 })).rejects.toMatchObject({ reason: 'tooLarge' });
    expect(await chunks(store).count()).toBe(0);
  });
});

describe('the name of a saved copy', () => {
  const day = new Date(2026, 11, 7);
  it('says only the kind and the day unless the caseworker keeps the file’s name', () => {
    expect(copyFileName('Passport of Amina K.jpg', 'image/jpeg', false, day)).toBe('waypoint-export-2026-12-07.jpg');
    expect(copyFileName('contract.docx', null, false, day)).toBe('waypoint-export-2026-12-07.docx');
    expect(copyFileName('no extension', null, false, day)).toBe('waypoint-export-2026-12-07.bin');
  });

  it('keeps a name without folders or characters a system refuses, within 120 characters', () => {
    expect(copyFileName('../..\\secret:"x"<y>|?.pdf', 'application/pdf', true, day)).toBe('__.._secret__x__y___.pdf');
    expect(copyFileName('..', null, true, day)).toBe('_');
    const long = copyFileName(`${'a'.repeat(300)}.jpeg`, 'image/jpeg', true, day);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.jpeg')).toBe(true);
  });
});
