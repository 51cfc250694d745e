// Before anything imports Dexie: it picks up the global indexedDB when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AttachmentError,
  attachmentChunkBytes,
  attachmentChunksTable,
  chunkCiphertext,
  closeRecordStore,
  openRecordStore,
  rawTable,
  readAttachment,
  sweepOrphanChunks,
  toHex,
  wholeReadBytes,
  writeAttachment,
  type WaypointStore,
} from '@renderer/db';
import { newKey, serialiseRow, serveBackup, uniqueDbName } from './helpers';

interface ChunkRow {
  blob: string;
  n: number;
  data: Blob | ArrayBuffer;
}

const roomy = async (): Promise<StorageEstimate> => ({ quota: 10 * 1024 ** 3, usage: 0 });
const options = { limitBytes: 100 * 1024 * 1024, estimate: roomy };

async function openStore(): Promise<WaypointStore> {
  return openRecordStore(await newKey(), { dbName: uniqueDbName() });
}

/** 2.5 MiB of varied bytes with a marker at the start: three chunks, the last one short. */
function sample(marker = 'GPS-MARKER-52.2297N'): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(attachmentChunkBytes * 2.5);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
  bytes.set(new TextEncoder().encode(marker));
  return bytes;
}

async function readAll(store: WaypointStore, blob: Parameters<typeof readAttachment>[1]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of readAttachment(store, blob)) parts.push(part);
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

/** Byte equality without the matcher's element-by-element walk (seconds for megabytes). */
function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

const chunksOf = (store: WaypointStore) => rawTable<ChunkRow, [string, number]>(store, attachmentChunksTable);

/** Every stored chunk's ciphertext, in hex, in key order. */
async function hexOf(table: ReturnType<typeof chunksOf>): Promise<string[]> {
  return Promise.all((await table.toArray()).map(async (row) => Buffer.from(await chunkCiphertext(row)).toString('hex')));
}

afterEach(() => closeRecordStore());

describe('attachment chunks', () => {
  it('round-trips a file through 1 MiB chunks, with its SHA-256, and keeps nothing of it in the clear', async () => {
    const store = await openStore();
    const bytes = sample();
    const written = await writeAttachment(store, new Blob([bytes]), options);
    expect(written.blob.chunks).toBe(3);
    expect(written.size).toBe(bytes.length);
    expect(written.sha256).toBe(toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))));
    expect(same(await readAll(store, written.blob), bytes)).toBe(true);

    const rows = await chunksOf(store).toArray();
    expect(rows.map((row) => Object.keys(row).sort())).toEqual(Array(3).fill(['blob', 'data', 'n']));
    // Each ciphertext kept as a Blob (docs/attachments-format.md, "Chunks").
    expect(rows.every((row) => row.data instanceof Blob)).toBe(true);
    const ciphertexts = await Promise.all(rows.map(chunkCiphertext));
    expect(ciphertexts.map((data) => data.byteLength)).toEqual([attachmentChunkBytes + 16, attachmentChunkBytes + 16, attachmentChunkBytes / 2 + 16]);
    const marker = Buffer.from('GPS-MARKER');
    for (const data of ciphertexts) expect(Buffer.from(data).includes(marker)).toBe(false);
    expect(serialiseRow({ ...rows[0], data: null })).toBe(JSON.stringify({ blob: written.blob.id, n: 0, data: null }));

    // Rows written before chunks were kept as Blobs hold an ArrayBuffer: read alike.
    await chunksOf(store).bulkPut(rows.map((row, i) => ({ ...row, data: ciphertexts[i]! })));
    expect((await chunksOf(store).toArray()).every((row) => row.data instanceof ArrayBuffer)).toBe(true);
    expect(same(await readAll(store, written.blob), bytes)).toBe(true);
  });

  it('writes and reads the chunks a few to a transaction, not one each', async () => {
    const store = await openStore();
    const bytes = new Uint8Array(attachmentChunkBytes * 8.5).fill(3);
    // Dexie opens every IndexedDB transaction through its core.
    const opened = vi.spyOn(chunksOf(store).db.core, 'transaction');
    const chunkTransactions = (mode: IDBTransactionMode) => opened.mock.calls.filter(([names, asked]) => names.includes(attachmentChunksTable) && asked === mode).length;
    try {
      const written = await writeAttachment(store, new Blob([bytes]), options);
      expect(written.blob.chunks).toBe(9);
      expect(chunkTransactions('readwrite')).toBe(3);
      expect(same(await readAll(store, written.blob), bytes)).toBe(true);
      expect(chunkTransactions('readonly')).toBe(3);
    } finally {
      opened.mockRestore();
    }
  });

  it('stores an empty file as one empty final chunk', async () => {
    const store = await openStore();
    const written = await writeAttachment(store, new Blob([]), options);
    expect(written.blob.chunks).toBe(1);
    expect(await readAll(store, written.blob)).toEqual(new Uint8Array(0));
  });

  it('refuses a flipped bit, a cut file, reordered chunks and chunks swapped between files', async () => {
    const store = await openStore();
    const first = await writeAttachment(store, new Blob([sample('first')]), options);
    const second = await writeAttachment(store, new Blob([sample('second')]), options);
    const table = chunksOf(store);
    const damaged = async (blob: typeof first.blob) => {
      const error = await readAll(store, blob).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AttachmentError);
      expect((error as AttachmentError).reason).toBe('damaged');
    };
    const original = await table.toArray();
    const restore = () => table.bulkPut(original);
    const row = (blob: string, n: number) => original.find((chunk) => chunk.blob === blob && chunk.n === n)!;

    // A flipped bit in the middle chunk.
    const flipped = new Uint8Array(await chunkCiphertext(row(first.blob.id, 1)));
    flipped[100]! ^= 1;
    await table.put({ blob: first.blob.id, n: 1, data: new Blob([flipped]) });
    await damaged(first.blob);
    await restore();

    // Cut: the last chunk gone, or the file read as if it ended after its second chunk.
    await table.delete([first.blob.id, 2]);
    await damaged(first.blob);
    await restore();
    await damaged({ ...first.blob, chunks: 2 });

    // Reordered: chunks 0 and 1 trade places.
    await table.bulkPut([
      { blob: first.blob.id, n: 0, data: row(first.blob.id, 1).data },
      { blob: first.blob.id, n: 1, data: row(first.blob.id, 0).data },
    ]);
    await damaged(first.blob);
    await restore();

    // Swapped between files: the second file's chunk 1 in the first file's place.
    await table.put({ blob: first.blob.id, n: 1, data: row(second.blob.id, 1).data });
    await damaged(first.blob);
    await restore();

    // A wrapped key moved to another file's record does not open that file's chunks either.
    await damaged({ ...first.blob, key: second.blob.key });

    expect(same(await readAll(store, first.blob), sample('first'))).toBe(true);
  });

  it('refuses a file over the limit, and one the disk has no room for, before writing anything', async () => {
    const store = await openStore();
    const file = new Blob([sample()]);
    await expect(writeAttachment(store, file, { ...options, limitBytes: 1024 * 1024 })).rejects.toMatchObject({ reason: 'tooLarge' });
    await expect(writeAttachment(store, file, { ...options, estimate: async () => ({ quota: 4 * 1024 * 1024, usage: 2 * 1024 * 1024 }) })).rejects.toMatchObject({
      reason: 'noSpace',
    });
    expect(await chunksOf(store).count()).toBe(0);
  });

  it('leaves no chunk behind when the disk fills up or the file cannot be read part-way', async () => {
    const store = await openStore();
    let puts = 0;
    const full = () => {
      puts += 1;
      if (puts === 2) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    chunksOf(store).hook('creating', full);
    await expect(writeAttachment(store, new Blob([sample()]), options)).rejects.toMatchObject({ reason: 'diskFull' });
    chunksOf(store).hook('creating').unsubscribe(full);
    expect(await chunksOf(store).count()).toBe(0);

    const bytes = sample();
    let slices = 0;
    const vanishing = {
      size: bytes.length,
      slice: (start: number, end: number) => {
        slices += 1;
        if (slices === 3) return { arrayBuffer: () => Promise.reject(new Error('file moved')) };
        return new Blob([bytes.slice(start, end)]);
      },
    } as unknown as Blob;
    await expect(writeAttachment(store, vanishing, options)).rejects.toMatchObject({ reason: 'readFailed' });
    expect(await chunksOf(store).count()).toBe(0);
  });

  it('sweeps the chunks no record names, and keeps the others', async () => {
    const store = await openStore();
    const kept = await writeAttachment(store, new Blob([sample('kept')]), options);
    const orphan = await writeAttachment(store, new Blob([sample('orphan')]), options);
    expect(await sweepOrphanChunks(store, new Set([kept.blob.id]))).toBe(1);
    expect(await chunksOf(store).where('blob').equals(orphan.blob.id).count()).toBe(0);
    expect(same(await readAll(store, kept.blob), sample('kept'))).toBe(true);
  });
});

describe('a file small enough to read whole', () => {
  it('is read once, hashed, and its plaintext zeroed in memory once stored', async () => {
    const store = await openStore();
    const content = sample();
    const bytes = new Uint8Array(wholeReadBytes);
    for (let at = 0; at < bytes.length; at += content.length) bytes.set(content.subarray(0, bytes.length - at), at);
    const read: Uint8Array[] = [];
    const file = {
      size: bytes.length,
      arrayBuffer: async () => {
        const copy = bytes.slice();
        read.push(copy);
        return copy.buffer;
      },
      slice: () => {
        throw new Error('a file this size is read whole');
      },
    } as unknown as Blob;
    const written = await writeAttachment(store, file, options);

    expect(read).toHaveLength(1);
    expect(read[0]!.every((byte) => byte === 0)).toBe(true);
    expect(written.sha256).toBe(toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))));
    expect(same(await readAll(store, written.blob), bytes)).toBe(true);
  });
});

describe('attachments when keys change', () => {
  it('wraps each file key again under the next attachments key and leaves the chunks as they are', async () => {
    const dbName = uniqueDbName();
    const keys = await newKey();
    const store = await openRecordStore(keys, { dbName });
    const written = await writeAttachment(store, new Blob([sample()]), options);
    await store.save('attachments', { id: 'a1', kind: 'attachment', index: { caseId: 'c1' }, data: { blob: written.blob } as never });
    const before = await hexOf(chunksOf(store));
    store.close();

    const nextKeys = await newKey();
    const changed = await openRecordStore(keys, { dbName, nextKeys });
    const record = await changed.get('attachments', 'a1');
    if (!record || record.error !== undefined) throw new Error('the record does not open under the next keys');
    const blob = record.data.blob;
    expect(blob.key).not.toBe(written.blob.key);
    expect(same(await readAll(changed, blob), sample())).toBe(true);
    expect(await hexOf(chunksOf(changed))).toEqual(before);
    changed.close();

    // The old wrap does not open under the next keys: nothing is left readable under the old attachments key.
    const after = await openRecordStore(nextKeys, { dbName });
    await expect(readAll(after, written.blob)).rejects.toMatchObject({ reason: 'damaged' });
  });
});

describe('attachments in backups', () => {
  async function backupOf(store: WaypointStore) {
    const { collectRecords } = await import('@renderer/db/transfer');
    const { attachmentsForBackup, attachmentChunkRecords } = await import('@renderer/db/attachment-transfer');
    const records = await attachmentsForBackup(store, (await collectRecords(store)).records);
    const chunks = [];
    for await (const chunk of attachmentChunkRecords(store, records)) chunks.push(chunk);
    // Through JSON, as the backup file carries them.
    return JSON.parse(JSON.stringify([...records, ...chunks])) as typeof records;
  }

  async function attached(store: WaypointStore, marker: string) {
    const written = await writeAttachment(store, new Blob([sample(marker)]), options);
    await store.save('attachments', { id: `a-${marker}`, kind: 'attachment', index: { caseId: 'c1' }, data: { name: `${marker}.jpg`, blob: written.blob } as never });
    return written;
  }

  /** A restore as the backup page runs it: the check (first pass), the plan, then the write (second pass). */
  async function restore(target: WaypointStore, mode: 'replace' | 'merge' = 'replace', progress?: (done: number) => void) {
    const { planRestore } = await import('@renderer/db/transfer');
    const { applyRestoreWithAttachments } = await import('@renderer/db/attachment-transfer');
    const { openAndReadBackup, restoreChunks } = await import('@renderer/features/backup/api');
    const opened = await openAndReadBackup('session', 'passphrase');
    return applyRestoreWithAttachments(target, await planRestore(target, opened.records, mode), restoreChunks('session', progress));
  }

  const damage = (records: Awaited<ReturnType<typeof backupOf>>, id: string) =>
    records.map((record) => (record.id === id ? { ...record, data: { ...(record.data as object), data: btoa('x'.repeat(1024)) } } : record));

  it('restores files on another install (other keys); a damaged chunk is refused by the check, before the plan', async () => {
    const { openAndReadBackup } = await import('@renderer/features/backup/api');
    const source = await openStore();
    const first = await attached(source, 'first');
    const backup = await backupOf(source);
    expect(backup.filter((record) => record.table === 'attachmentChunks')).toHaveLength(3);
    expect(JSON.stringify(backup)).not.toContain('"key"'); // the file key itself travels, not this install's wrap

    serveBackup(damage(backup, `${first.blob.id}/1`));
    await expect(openAndReadBackup('session', 'passphrase')).rejects.toMatchObject({ reason: 'damaged' });
    // A chunk left out, one out of order, or one before its file's record: refused the same way.
    const chunks = backup.filter((record) => record.table === 'attachmentChunks');
    const rest = backup.filter((record) => record.table !== 'attachmentChunks');
    for (const shuffled of [
      [...rest, chunks[0]!, chunks[2]!],
      [...rest, chunks[1]!, chunks[0]!, chunks[2]!],
      [chunks[0]!, ...rest, chunks[1]!, chunks[2]!],
    ]) {
      serveBackup(shuffled);
      await expect(openAndReadBackup('session', 'passphrase')).rejects.toMatchObject({ reason: 'damaged' });
    }

    const target = await openStore();
    serveBackup(backup);
    await restore(target);
    const [restored] = await target.list('attachments');
    if (!restored || restored.error !== undefined) throw new Error('the restored record does not open');
    expect(same(await readAll(target, restored.data.blob), sample('first'))).toBe(true);
  });

  it('the check keeps no chunk; the restore writes them as they come, and a chunk changed between the passes leaves nothing', async () => {
    const { openAndReadBackup } = await import('@renderer/features/backup/api');
    const source = await openStore();
    for (const marker of ['one', 'two', 'three', 'four']) await attached(source, marker);
    const backup = await backupOf(source);
    const chunks = backup.filter((record) => record.table === 'attachmentChunks');
    expect(chunks).toHaveLength(12);

    serveBackup(backup);
    const opened = await openAndReadBackup('session', 'passphrase');
    expect(opened).not.toHaveProperty('chunks');
    expect(opened.records.map((record) => record.table)).not.toContain('attachmentChunks');

    // Second pass: when the last batch is handed out, most of the chunks before it are already written.
    const target = await openStore();
    let writtenBeforeLast = -1;
    serveBackup(backup, {
      beforeRead: async (pass, cursor) => {
        if (pass === 1 && cursor + 2 >= backup.length) writtenBeforeLast = await chunksOf(target).count();
      },
    });
    const progress: number[] = [];
    await restore(target, 'replace', (done) => progress.push(done));
    expect(await chunksOf(target).count()).toBe(12);
    expect((await chunksOf(target).toArray()).every((row) => row.data instanceof Blob)).toBe(true); // stored as an attach stores them
    expect(writtenBeforeLast).toBeGreaterThanOrEqual(8);
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => i + 1)); // the page's progress, a chunk at a time

    // The file changed between the check and the restore (main would stop the pass; here a chunk simply differs).
    const other = await openStore();
    serveBackup(backup, { pass: (pass) => (pass === 0 ? backup : damage(backup, chunks[7]!.id)) });
    await expect(restore(other)).rejects.toMatchObject({ reason: 'damaged' });
    expect(await chunksOf(other).count()).toBe(0);
    expect(await other.list('attachments')).toEqual([]);
  });

  it("a restore of this device's own backup that fails part-way leaves the device's files whole", async () => {
    const device = await openStore();
    const kept = await attached(device, 'kept');
    const backup = await backupOf(device);
    const before = await hexOf(chunksOf(device));
    // The second pass ends early: the last chunk never comes.
    serveBackup(backup, { pass: (pass) => (pass === 0 ? backup : backup.slice(0, -1)) });
    await expect(restore(device)).rejects.toMatchObject({ reason: 'damaged' });
    expect(await hexOf(chunksOf(device))).toEqual(before);
    expect(same(await readAll(device, kept.blob), sample('kept'))).toBe(true);

    // The same file under its own id in a backup that differs from this device's copy: refused, nothing changed.
    const forged = damage(backup, `${kept.blob.id}/2`);
    serveBackup(backup, { pass: (pass) => (pass === 0 ? backup : forged) });
    await expect(restore(device)).rejects.toMatchObject({ reason: 'damaged' });
    expect(same(await readAll(device, kept.blob), sample('kept'))).toBe(true);

    serveBackup(backup);
    await restore(device);
    const [restored] = await device.list('attachments');
    if (!restored || restored.error !== undefined) throw new Error('the restored record does not open');
    expect(same(await readAll(device, restored.data.blob), sample('kept'))).toBe(true);
  });

  it('a merge finds a file already on this device "already there", and a different file under the same id a conflict', async () => {
    const { planRestore } = await import('@renderer/db/transfer');
    const { openAndReadBackup } = await import('@renderer/features/backup/api');
    const device = await openStore();
    await attached(device, 'same');
    // The backup carries the file key itself, the device its wrap: the same file all the same.
    serveBackup(await backupOf(device));
    const backup = await openAndReadBackup('session', 'passphrase');
    const identical = await planRestore(device, backup.records, 'merge');
    expect(identical.conflicts).toEqual([]);
    expect(identical.added).toBe(0);
    expect(identical.total).toBe(0);
    // Nor a backup of the same file made before links existed (an unset noteId, no link).
    const older = backup.records.map((record) =>
      record.table === 'attachments' ? { ...record, data: { ...(record.data as object), data: { ...(record.data as { data: object }).data, noteId: null } } } : record,
    );
    expect((await planRestore(device, older, 'merge')).conflicts).toEqual([]);

    // Another file (another SHA-256) under the same id, changed later: a conflict the backup's copy wins.
    const other = backup.records.map((record) =>
      record.table === 'attachments'
        ? { ...record, updatedAt: record.updatedAt + 1000, data: { ...(record.data as object), data: { ...(record.data as { data: object }).data, sha256: 'f'.repeat(64) } } }
        : record,
    );
    const differing = await planRestore(device, other, 'merge');
    expect(differing.conflicts).toMatchObject([{ table: 'attachments', id: 'a-same', winner: 'backup' }]);
    expect(differing.writes['attachments']).toHaveLength(1);
  });

  it('a replace restore removes the chunks of the files it replaced', async () => {
    const source = await openStore();
    await attached(source, 'kept');
    serveBackup(await backupOf(source));
    const target = await openStore();
    const replaced = await attached(target, 'replaced');
    await restore(target);
    expect(await chunksOf(target).where('blob').equals(replaced.blob.id).count()).toBe(0);
    expect(await chunksOf(target).count()).toBe(3);
  });
});
