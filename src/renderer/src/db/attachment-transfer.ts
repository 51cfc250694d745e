/**
 * Attached files in backups (docs/attachments-format.md, "Backups"). A backup is restored on another
 * install, under another attachments key, so an attachment's record travels with its file key itself
 * (`blob.fileKey`, base64, in place of the wrapped `blob.key`), and each chunk as a record of the backup's
 * own table `attachmentChunks`, its ciphertext as it is stored. The backup file encrypts both. A restore
 * opens every chunk under its file key before writing any, writes the chunks, wraps each file key under
 * this install's attachments key, and only then writes the records, in one transaction.
 */
import type { AttachmentBlob } from '@shared/attachments';
import { fromBase64, toBase64 } from '@shared/base64';
import { AttachmentError, decryptChunk, deleteAttachmentChunks, sweepAttachmentChunks, unwrapFileKey, wrapFileKey, type ChunkRow } from './attachments';
import { attachmentChunksTable, attachmentsTable } from './schema';
import { rawTable, type RecordInput, type RecordStore, type RecordTypes } from './store';
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
  const chunks = rawTable<ChunkRow, [string, number]>(store, attachmentChunksTable);
  for (const record of records) {
    const blob = blobOf(record.data);
    if (record.table !== attachmentsTable || typeof blob?.id !== 'string' || typeof blob.chunks !== 'number') continue;
    for (let n = 0; n < blob.chunks; n += 1) {
      const row = await chunks.get([blob.id, n]);
      if (!row) throw new AttachmentError('damaged', `Chunk ${n} of attachment ${blob.id} is missing.`);
      yield { table: backupChunkTable, id: `${blob.id}/${n}`, updatedAt: record.updatedAt, data: { blob: blob.id, n, data: toBase64(new Uint8Array(row.data)) } };
    }
  }
}

/** Splits a backup's records: the chunks apart from the records the restore plan reads. */
export function splitChunkRecords(records: readonly TransferRecord[]): { records: TransferRecord[]; chunks: Map<string, ArrayBuffer> } {
  const rest: TransferRecord[] = [];
  const chunks = new Map<string, ArrayBuffer>();
  for (const record of records) {
    if (record.table !== backupChunkTable) {
      rest.push(record);
      continue;
    }
    const data = record.data as Partial<{ blob: string; n: number; data: string }> | null;
    if (typeof data?.blob !== 'string' || typeof data.n !== 'number' || typeof data.data !== 'string')
      throw new AttachmentError('damaged', `Backup record ${record.id} is not a chunk.`);
    chunks.set(`${data.blob}/${data.n}`, fromBase64(data.data).buffer);
  }
  return { records: rest, chunks };
}

/**
 * Writes a restore plan with its attachments: every chunk of every attachment the plan writes is opened
 * under its file key first (a missing or damaged one stops the restore before anything is written), then
 * the chunks are written, the file keys wrapped under this install's key, and the plan applied in one
 * transaction. On any failure the chunks written go again.
 */
export async function applyRestoreWithAttachments(store: OpaqueStore, plan: RestorePlan, chunks: ReadonlyMap<string, ArrayBuffer>): Promise<number> {
  const wrapping = store.handle().keys.attachments;
  const table = rawTable<ChunkRow, [string, number]>(store, attachmentChunksTable);
  const prepared: { input: RecordInput<unknown>; rows: ChunkRow[]; key: CryptoKey; blob: BackupBlob }[] = [];
  for (const input of plan.writes[attachmentsTable] ?? []) {
    const blob = blobOf({ kind: input.kind, index: input.index ?? {}, data: input.data }) as Partial<BackupBlob> | null;
    if (typeof blob?.id !== 'string' || typeof blob.fileKey !== 'string' || typeof blob.chunks !== 'number') {
      throw new AttachmentError('damaged', `Attachment ${input.id} in the backup has no file key.`);
    }
    const key = await crypto.subtle.importKey('raw', fromBase64(blob.fileKey), { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
    const rows: ChunkRow[] = [];
    for (let n = 0; n < blob.chunks; n += 1) {
      const data = chunks.get(`${blob.id}/${n}`);
      if (!data) throw new AttachmentError('damaged', `Chunk ${n} of attachment ${blob.id} is missing from the backup.`);
      await decryptChunk(key, blob.id, n, n === blob.chunks - 1, data);
      rows.push({ blob: blob.id, n, data });
    }
    prepared.push({ input, rows, key, blob: blob as BackupBlob });
  }
  const written: string[] = [];
  try {
    const inputs: RecordInput<unknown>[] = [];
    for (const { input, rows, key, blob } of prepared) {
      written.push(blob.id);
      for (const row of rows) await table.put(row);
      inputs.push({ ...input, data: { ...(input.data as object), blob: { id: blob.id, key: await wrapFileKey(wrapping, blob.id, key), chunks: blob.chunks } } });
    }
    const count = await applyRestore(store, { ...plan, writes: { ...plan.writes, ...(inputs.length > 0 ? { [attachmentsTable]: inputs } : {}) } });
    // A replace emptied the records: the chunks of the files it removed go now rather than at the next unlock.
    if (plan.mode === 'replace') await sweepAttachmentChunks(store);
    return count;
  } catch (error) {
    await deleteAttachmentChunks(store, written).catch(() => undefined);
    throw error;
  }
}
