import { MAX_RECORDS_PER_BATCH, SETTINGS_TABLE, UPLOAD_CHUNK_BYTES, type BackupManifestInfo } from '@shared/backup';
import { exportFileName } from '@shared/files';
import { settingsSchema, type Settings, type SettingsPatch } from '@shared/settings';
import { unwrap } from '../../bridge';
import type { OpaqueStore } from '../../db';
import { attachmentChunkRecords, attachmentsForBackup, BackupChunkCheck, backupChunkTable, chunkRecordCount } from '../../db/attachment-transfer';
import { collectRecords, type TransferRecord } from '../../db/transfer';

export { RECORDS_RESTORED_EVENT } from '../../db/events';

/** A batch sent over the bridge stops once its records' JSON passes about this many characters. */
const BATCH_CHARS = 2 * 1024 * 1024;

export interface BackupOutcome {
  saved: boolean;
  path: string | null;
  bytes: number;
  records: number;
  /** Records on this device that could not be decrypted, so are not in the backup. */
  unreadable: number;
}

export type Progress = (done: number, total: number) => void;

export function backupFileName(now = new Date()): string {
  return exportFileName('backup', 'wpbackup', now);
}

/** Cuts records into batches of at most a few MB and MAX_RECORDS_PER_BATCH records. */
export function* batches(records: readonly TransferRecord[]): Generator<TransferRecord[]> {
  let batch: TransferRecord[] = [];
  let chars = 0;
  for (const record of records) {
    batch.push(record);
    chars += JSON.stringify(record.data)?.length ?? 0;
    if (batch.length >= MAX_RECORDS_PER_BATCH || chars >= BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Decrypts every record here, then streams them to main, which checks the vault passphrase and
 * encrypts them into the file the user picks (under the backup passphrase, or the vault's when that
 * is null). Any failure aborts the backup: main removes the partial file.
 */
export async function runBackup(
  store: OpaqueStore,
  options: { vaultPassphrase: string; backupPassphrase: string | null; settings: Settings },
  progress: Progress = () => {},
): Promise<BackupOutcome> {
  const collected = await collectRecords(store);
  // Attached files go with their file keys, their chunks read one at a time while the backup is written.
  const withFiles = await attachmentsForBackup(store, collected.records);
  const records: TransferRecord[] = [...withFiles, { table: SETTINGS_TABLE, id: SETTINGS_TABLE, updatedAt: Date.now(), data: options.settings }];
  const chunkCount = chunkRecordCount(withFiles);
  const counts = { ...collected.counts, [SETTINGS_TABLE]: 1, ...(chunkCount > 0 ? { [backupChunkTable]: chunkCount } : {}) };
  const { saved, sessionId } = await unwrap(
    window.waypoint.backup.begin({
      vaultPassphrase: options.vaultPassphrase,
      backupPassphrase: options.backupPassphrase,
      counts,
      suggestedName: backupFileName(),
    }),
  );
  if (!saved || !sessionId) return { saved: false, path: null, bytes: 0, records: 0, unreadable: collected.unreadable };
  try {
    let done = 0;
    const total = records.length + chunkCount;
    progress(done, total);
    const send = async (batch: TransferRecord[]) => {
      await unwrap(window.waypoint.backup.append({ sessionId, records: batch }));
      done += batch.length;
      progress(done, total);
    };
    for (const batch of batches(records)) await send(batch);
    // One chunk (about 1.4 MB of base64) per call: a large file is never held whole.
    for await (const chunk of attachmentChunkRecords(store, withFiles)) await send([chunk]);
    const finished = await unwrap(window.waypoint.backup.finish({ sessionId }));
    return { saved: true, path: finished.path, bytes: finished.bytes, records: finished.records, unreadable: collected.unreadable };
  } catch (error) {
    await window.waypoint.backup.abort({ sessionId }).catch(() => undefined);
    throw error;
  }
}

/** base64 of a slice of the file, without the data-URL prefix. */
function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(blob);
  });
}

/** Sends the chosen file to main in chunks (in the app and the preview alike); returns the session. */
export async function uploadBackup(file: Blob, progress: Progress = () => {}): Promise<string> {
  const { sessionId } = await unwrap(window.waypoint.restore.begin({ size: file.size }));
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      const data = await readBase64(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
      await unwrap(window.waypoint.restore.upload({ sessionId, offset, data }));
      progress(Math.min(offset + UPLOAD_CHUNK_BYTES, file.size), file.size);
    }
  } catch (error) {
    await closeRestore(sessionId);
    throw error;
  }
  return sessionId;
}

export interface OpenedBackup {
  manifest: BackupManifestInfo;
  /** Every record of the file except the settings and the attached files' chunks (`restoreChunks` reads those again). */
  records: TransferRecord[];
  /** The settings the file holds, checked; null when it holds none that this version understands. */
  settings: SettingsPatch | null;
}

/** One pass over an opened backup's records in file order, a batch from main at a time; the cursor 0 starts a pass. */
async function* backupRecords(sessionId: string, progress: (cursor: number) => void = () => {}): AsyncGenerator<TransferRecord, void, undefined> {
  let cursor = 0;
  for (;;) {
    const batch = await unwrap(window.waypoint.restore.read({ sessionId, cursor }));
    yield* batch.records as TransferRecord[];
    cursor = batch.cursor;
    progress(cursor);
    if (batch.done) return;
  }
}

/**
 * Main verifies the whole file before it answers; then a first pass reads every record into memory here but
 * the attached files' chunks, each of which is opened under its file key and dropped (`BackupChunkCheck`).
 */
export async function openAndReadBackup(sessionId: string, passphrase: string, progress: Progress = () => {}): Promise<OpenedBackup> {
  const { manifest, records: total } = await unwrap(window.waypoint.restore.open({ sessionId, passphrase }));
  const records: TransferRecord[] = [];
  const chunks = new BackupChunkCheck();
  let settings: SettingsPatch | null = null;
  for await (const record of backupRecords(sessionId, (cursor) => progress(cursor, total))) {
    if (record.table === SETTINGS_TABLE) {
      const parsed = settingsSchema.partial().safeParse(record.data);
      settings = parsed.success ? parsed.data : null;
    } else if (!(await chunks.take(record))) {
      records.push(record);
    }
  }
  chunks.finish();
  return { manifest, records, settings };
}

/**
 * The attached files' chunks of a checked backup, read again from main at restore (applyRestoreWithAttachments
 * writes them as they come); `progress` is told how many have been handed out.
 */
export async function* restoreChunks(sessionId: string, progress: (done: number) => void = () => {}): AsyncGenerator<TransferRecord, void, undefined> {
  let done = 0;
  for await (const record of backupRecords(sessionId)) {
    if (record.table !== backupChunkTable) continue;
    yield record;
    done += 1;
    progress(done);
  }
}

/**
 * The newest change among this device's records, from their decrypted times (settings aside); null
 * when there are none. A restore compares it with the backup's creation time.
 */
export async function newestLocalChange(store: OpaqueStore): Promise<number | null> {
  const { records } = await collectRecords(store);
  return records.reduce<number | null>((newest, record) => (newest === null || record.updatedAt > newest ? record.updatedAt : newest), null);
}

export async function closeRestore(sessionId: string): Promise<void> {
  await window.waypoint.restore.close({ sessionId }).catch(() => undefined);
}
