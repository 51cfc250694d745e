/**
 * Attached files in backups (docs/attachments-format.md, "Backups"). A backup is restored on another
 * install, under another attachments key, so an attachment's record travels with its file key itself
 * (`blob.fileKey`, base64, in place of the wrapped `blob.key`), and each chunk as a record of the backup's
 * own table `attachmentChunks`, its ciphertext as it is stored. The backup file encrypts both. A restore
 * reads the backup twice: the first pass opens every chunk under its file key and keeps none
 * (`BackupChunkCheck`); the second, once the caseworker confirms, writes the chunks as they come, wraps each
 * file key under this install's attachments key, and only then writes the records, in one transaction.
 */
import type { AttachmentBlob } from '@shared/attachments';
import { fromBase64, toBase64 } from '@shared/base64';
import {
  AttachmentError,
  chunkCiphertext,
  chunksPerBatch,
  chunkTable,
  decryptChunk,
  deleteAttachmentChunks,
  sweepAttachmentChunks,
  unwrapFileKey,
  wrapFileKey,
  type ChunkRow,
} from './attachments';
import { attachmentChunksTable, attachmentsTable } from './schema';
import type { RecordInput, RecordStore, RecordTypes } from './store';
import { applyRestore, type RestorePlan, type StoredPayload, type TransferRecord } from './transfer';
import type { OpaqueStore } from './records';

/** The backup's table for chunks: the same name as the store's raw table. */
export const backupChunkTable = attachmentChunksTable;

type BackupBlob = Omit<AttachmentBlob, 'key'> & { fileKey: string };

function blobOf(payload: unknown): Partial<AttachmentBlob & BackupBlob> | null {
  const data = (payload as StoredPayload | null)?.data as { blob?: Partial<AttachmentBlob & BackupBlob> } | null | undefined;
  return data?.blob ?? null;
}

function withBlob(payload: StoredPayload, blob: AttachmentBlob | BackupBlob): StoredPayload {
  return { ...payload, data: { ...(payload.data as object), blob } };
}

/** The attachment records as a backup carries them: each with its file key instead of its wrap. */
export async function attachmentsForBackup(store: RecordStore<RecordTypes>, records: readonly TransferRecord[]): Promise<TransferRecord[]> {
  const wrapping = store.handle().keys.attachments;
  return Promise.all(
    records.map(async (record) => {
      const blob = blobOf(record.data);
      if (record.table !== attachmentsTable || typeof blob?.id !== 'string' || typeof blob.key !== 'string' || typeof blob.chunks !== 'number') return record;
      const key = await unwrapFileKey(wrapping, blob.id, blob.key, true);
      const fileKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
      return { ...record, data: withBlob(record.data as StoredPayload, { id: blob.id, chunks: blob.chunks, fileKey }) };
    }),
  );
}

/** How many chunk records `attachmentChunkRecords` yields for these (backup-form) attachment records. */
export function chunkRecordCount(records: readonly TransferRecord[]): number {
  return records.reduce((sum, record) => sum + (record.table === attachmentsTable ? (blobOf(record.data)?.chunks ?? 0) : 0), 0);
}

/** Every chunk of these attachments, read one at a time from the store, as backup records. */
export async function* attachmentChunkRecords(store: RecordStore<RecordTypes>, records: readonly TransferRecord[]): AsyncGenerator<TransferRecord, void, undefined> {
  const chunks = chunkTable(store);
  for (const record of records) {
    const blob = blobOf(record.data);
    if (record.table !== attachmentsTable || typeof blob?.id !== 'string' || typeof blob.chunks !== 'number') continue;
    for (let n = 0; n < blob.chunks; n += 1) {
      const row = await chunks.get([blob.id, n]);
      if (!row) throw new AttachmentError('damaged', `Chunk ${n} of attachment ${blob.id} is missing.`);
      yield { table: backupChunkTable, id: `${blob.id}/${n}`, updatedAt: record.updatedAt, data: { blob: blob.id, n, data: toBase64(new Uint8Array(await chunkCiphertext(row))) } };
    }
  }
}

/** A chunk record read from a backup: its blob, index and ciphertext; AttachmentError('damaged') when it is not one. */
export function backupChunkRow(record: TransferRecord): ChunkRow & { data: ArrayBuffer } {
  const data = record.data as Partial<{ blob: string; n: number; data: string }> | null;
  if (record.table !== backupChunkTable || typeof data?.blob !== 'string' || typeof data.n !== 'number' || typeof data.data !== 'string') {
    throw new AttachmentError('damaged', `Backup record ${record.id} is not a chunk.`);
  }
  return { blob: data.blob, n: data.n, data: fromBase64(data.data).buffer };
}

function importFileKey(blob: BackupBlob): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(blob.fileKey), { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
}

function backupBlobOf(table: string, payload: unknown, id: string): BackupBlob | null {
  if (table !== attachmentsTable) return null;
  const blob = blobOf(payload) as Partial<BackupBlob> | null;
  if (typeof blob?.id !== 'string' || typeof blob.fileKey !== 'string' || typeof blob.chunks !== 'number') {
    throw new AttachmentError('damaged', `Attachment ${id} in the backup has no file key.`);
  }
  return blob as BackupBlob;
}

/** A file a backup carries, while its chunks are read: its key, and the index of the chunk that must come next. */
interface FileInBackup {
  blob: BackupBlob;
  key: Promise<CryptoKey>;
  next: number;
}

function fileInBackup(blob: BackupBlob): FileInBackup {
  const key = importFileKey(blob);
  key.catch(() => undefined); // awaited at its first chunk
  return { blob, key, next: 0 };
}

/** Opens a file's next chunk: in its place (0 to the last, in order) and under its key; AttachmentError('damaged') if not. */
async function openNextChunk(file: FileInBackup | undefined, row: ChunkRow & { data: ArrayBuffer }): Promise<void> {
  if (!file || row.n !== file.next || row.n >= file.blob.chunks) throw new AttachmentError('damaged', `Chunk ${row.n} of attachment ${row.blob} is out of place in the backup.`);
  await decryptChunk(await file.key, row.blob, row.n, row.n === file.blob.chunks - 1, row.data);
  file.next += 1;
}

/** AttachmentError('damaged') when a file's chunks did not all come. */
function allChunksCame(files: Iterable<FileInBackup>): void {
  for (const { blob, next } of files) {
    if (next !== blob.chunks) throw new AttachmentError('damaged', `Chunk ${next} of attachment ${blob.id} is missing from the backup.`);
  }
}

/**
 * The chunks of the files a backup carries, in the order a backup writes them: each file's record, then
 * (after every record) its chunks from 0 to the last. `take` opens each chunk under its file key and drops it;
 * `finish` throws when a file's chunks did not all come. Keeps the file keys and a count per file, never a
 * chunk, so a backup of any size is checked in the memory of one batch of records.
 */
export class BackupChunkCheck {
  private readonly files = new Map<string, FileInBackup>();

  /** Notes the file of an attachment record and answers false, or opens a chunk and answers true. */
  async take(record: TransferRecord): Promise<boolean> {
    if (record.table === backupChunkTable) {
      const row = backupChunkRow(record);
      await openNextChunk(this.files.get(row.blob), row);
      return true;
    }
    const blob = backupBlobOf(record.table, record.data, record.id);
    if (blob) {
      if (this.files.has(blob.id)) throw new AttachmentError('damaged', `Attachment ${blob.id} is twice in the backup.`);
      this.files.set(blob.id, fileInBackup(blob));
    }
    return false;
  }

  finish(): void {
    allChunksCame(this.files.values());
  }
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const left = new Uint8Array(a);
  const right = new Uint8Array(b);
  return left.every((byte, i) => byte === right[i]);
}

/**
 * Writes a restore plan with its attachments. `chunks` is a second pass over the backup's chunk records
 * (after `BackupChunkCheck` opened every one in the first): each chunk of a file the plan writes is opened
 * again and written as it comes, a few to a transaction, so no file is ever held whole; then the file keys
 * are wrapped under this install's key and the plan applied in one transaction. A chunk missing, out of
 * place or damaged stops it before any record is written, and on any failure the chunks written go again.
 */
export async function applyRestoreWithAttachments(store: OpaqueStore, plan: RestorePlan, chunks: AsyncIterable<TransferRecord>): Promise<number> {
  const wrapping = store.handle().keys.attachments;
  const table = chunkTable(store);
  const files = new Map<string, FileInBackup & { input: RecordInput<unknown> }>();
  for (const input of plan.writes[attachmentsTable] ?? []) {
    const blob = backupBlobOf(attachmentsTable, { kind: input.kind, index: input.index ?? {}, data: input.data }, input.id)!;
    files.set(blob.id, { ...fileInBackup(blob), input });
  }
  // A file this device already has (a backup of this device) keeps its chunks: they are compared, not
  // rewritten, and never deleted if the restore fails. A blob id is random, so another file under it is tampering.
  const present = new Set(
    (await table
      .where('blob')
      .anyOf([...files.keys()])
      .uniqueKeys()) as string[],
  );
  const written = new Set<string>();
  try {
    let rows: ChunkRow[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      for (const row of rows) written.add(row.blob);
      await table.bulkPut(rows);
      rows = [];
    };
    for await (const record of chunks) {
      const row = backupChunkRow(record);
      const file = files.get(row.blob);
      if (!file) continue; // a file the plan does not write (a merge keeps this device's)
      // Opened before the transaction: a WebCrypto promise inside one would let it commit early.
      await openNextChunk(file, row);
      if (present.has(row.blob)) {
        const stored = await table.get([row.blob, row.n]);
        if (!stored || !sameBytes(await chunkCiphertext(stored), row.data))
          throw new AttachmentError('damaged', `Chunk ${row.n} of attachment ${row.blob} differs from the one on this device.`);
        continue;
      }
      rows.push({ ...row, data: new Blob([row.data]) }); // stored as the attach stores it
      if (rows.length >= chunksPerBatch) await flush(); // a transaction's worth, as the store writes a file's
    }
    await flush();
    allChunksCame(files.values());
    const inputs: RecordInput<unknown>[] = [];
    for (const { input, blob, key } of files.values()) {
      inputs.push({ ...input, data: { ...(input.data as object), blob: { id: blob.id, key: await wrapFileKey(wrapping, blob.id, await key), chunks: blob.chunks } } });
    }
    const count = await applyRestore(store, { ...plan, writes: { ...plan.writes, ...(inputs.length > 0 ? { [attachmentsTable]: inputs } : {}) } });
    // A replace emptied the records: the chunks of the files it removed go now rather than at the next unlock.
    if (plan.mode === 'replace') await sweepAttachmentChunks(store);
    return count;
  } catch (error) {
    await deleteAttachmentChunks(store, [...written]).catch(() => undefined);
    throw error;
  }
}
