// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { attachmentChunkBytes, attachmentChunksTable, closeRecordStore, openRecordStore, rawTable, wholeReadBytes, type WaypointStore } from '@renderer/db';
import { attachFile, attachmentParts, deleteAttachment, listCaseAttachments, readAttachmentBytes, readTextPreview } from '@renderer/features/attachments/data';
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

  it('keeps the SHA-256 of a photo as received beside that of the photo stored without its metadata', async () => {
    const store = await openStore();
    const received = readFileSync(resolve(import.meta.dirname, '../../fixtures/attachments/camera.jpg'));
    const { attachment } = await attachFile(store, 'case-1', new File([received], 'photo.jpg', { type: 'image/jpeg' }), options);
    const stored = await readAttachmentBytes(store, attachment);
    expect(attachment.removed.length).toBeGreaterThan(0);
    expect(attachment.originalSha256).toBe(createHash('sha256').update(received).digest('hex'));
    expect(attachment.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect(attachment.sha256).not.toBe(attachment.originalSha256);
  });

  it('refuses a file over the limit, naming no bytes written', async () => {
    const store = await openStore();
    await expect(attachFile(store, 'case-1', new File(['0123456789'], 'big.txt'), { ...options, limitBytes: 5 })).rejects.toMatchObject({ reason: 'tooLarge' });
    expect(await chunks(store).count()).toBe(0);
  });
});

/** Bytes that differ from chunk to chunk, so a chunk out of place would show. */
function patterned(size: number): Uint8Array<ArrayBuffer> {
  const content = new Uint8Array(size);
  for (let at = 0; at < size; at += 1) content[at] = (at * 7 + (at >> 13)) & 0xff;
  return content;
}

describe('a large file', () => {
  it('is read a slice of at most one chunk at a time, never whole, and written as it is read; each slice zeroed once stored', async () => {
    const store = await openStore();
    const size = wholeReadBytes + 2.5 * attachmentChunkBytes;
    const content = patterned(size);
    const chunkReads: Uint8Array[] = [];
    const part = (start: number, end: number) => {
      const bytes = content.slice(start, end);
      if (start % attachmentChunkBytes === 0 && (bytes.length === attachmentChunkBytes || end >= size)) chunkReads.push(bytes); // not the type sniffer's
      return bytes;
    };
    let furthest = 0;
    let written = 0;
    let mostAhead = 0;
    const whole = () => {
      throw new Error('the whole file was read at once');
    };
    const file = {
      name: 'scan.bin',
      type: '',
      size,
      arrayBuffer: whole,
      bytes: whole,
      text: whole,
      stream: whole,
      slice: (start = 0, end = size) => {
        expect(end - start).toBeLessThanOrEqual(attachmentChunkBytes);
        return {
          size: Math.min(end, size) - start,
          arrayBuffer: async () => {
            furthest = Math.max(furthest, Math.min(end, size));
            mostAhead = Math.max(mostAhead, Math.ceil(furthest / attachmentChunkBytes) - written);
            return part(start, end).buffer;
          },
        };
      },
    } as unknown as File;
    const counting = () => {
      written += 1;
    };
    chunks(store).hook('creating', counting);
    const { attachment } = await attachFile(store, 'case-1', file, options);
    chunks(store).hook('creating').unsubscribe(counting);

    expect(written).toBe(Math.ceil(size / attachmentChunkBytes));
    expect(chunkReads).toHaveLength(written);
    expect(chunkReads.every((read) => read.every((byte) => byte === 0))).toBe(true);
    // Two batches of four chunks at most: the one being written and the one being read and encrypted.
    expect(mostAhead).toBeLessThanOrEqual(8);
    expect(attachment.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(Buffer.from(await readAttachmentBytes(store, attachment)).equals(content)).toBe(true);
  });
});

describe('a large file shown or saved', () => {
  it('shows the beginning of a long text, read no further, without half a character; a short one whole', async () => {
    const store = await openStore();
    // "é" is two bytes: the limit below falls inside one.
    const long = 'é'.repeat(attachmentChunkBytes * 4.5);
    const { attachment } = await attachFile(store, 'case-1', new File([long], 'long.txt'), options);
    expect(attachment.blob.chunks).toBe(9);
    let gets = 0;
    const counting = (row: unknown) => {
      gets += 1;
      return row;
    };
    chunks(store).hook('reading', counting);
    const preview = await readTextPreview(store, attachment, attachmentChunkBytes + 1);
    chunks(store).hook('reading').unsubscribe(counting);
    expect(preview.complete).toBe(false);
    expect(preview.text).toBe('é'.repeat(attachmentChunkBytes / 2));
    expect(gets).toBeGreaterThanOrEqual(4);
    expect(gets).toBeLessThanOrEqual(8); // the batch it needed and the one read ahead, not the rest of the file

    const short = (await attachFile(store, 'case-1', new File(['Ünïcode ✓'], 'short.txt'), options)).attachment;
    expect(await readTextPreview(store, short)).toEqual({ text: 'Ünïcode ✓', complete: true });
  });

  it('gives a copy chunk by chunk, and refuses one whose length is not its record’s', async () => {
    const store = await openStore();
    const bytes = new Uint8Array(attachmentChunkBytes * 2 + 5).fill(7);
    const { attachment } = await attachFile(store, 'case-1', new File([bytes], 'scan.bin'), options);
    const sizes: number[] = [];
    for await (const part of attachmentParts(store, attachment)) sizes.push(part.length);
    expect(sizes).toEqual([attachmentChunkBytes, attachmentChunkBytes, 5]);
    const drain = async (size: number) => {
      for await (const part of attachmentParts(store, { ...attachment, size })) void part;
    };
    await expect(drain(attachment.size + 1)).rejects.toMatchObject({ reason: 'damaged' });
    await expect(drain(attachment.size - 1)).rejects.toMatchObject({ reason: 'damaged' });
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
