import { z } from 'zod';
import { base64Piece } from './base64-piece';

/**
 * Encrypted backup and restore over the bridge (docs/backup-format.md holds the file format).
 *
 * Backup: the renderer decrypts its records and streams them to main in batches; main encrypts them
 * into the file as they arrive. Restore: the renderer uploads the file's bytes in chunks (the same way
 * in the app and the browser preview, so no open dialog is needed), main opens and verifies the whole
 * file, then the renderer pulls the records in batches and writes them in one transaction.
 */

/** Passphrases are checked for strength in the renderer; the backup writer enforces 8 code points. */
const passphrase = z.string().min(1).max(1024);
const sessionId = z.string().regex(/^[0-9a-f]{32}$/);
const tableName = z.string().min(1).max(100);

/** A file name without folders or characters that Windows, macOS or Linux refuse. */
const fileName = z
  .string()
  .min(1)
  .max(120)
  .refine((name) => !/^\.+$/.test(name) && [...name].every((char) => char.charCodeAt(0) >= 0x20 && !'\\/:*?"<>|'.includes(char)), 'not a plain file name');

/** One record as it travels in a backup: `data` is clear JSON, whatever the table keeps. */
export const backupRecordSchema = z.strictObject({
  table: tableName,
  id: z.string().min(1).max(1024),
  updatedAt: z.number(),
  data: z.unknown(),
});
export type BackupRecordInfo = z.infer<typeof backupRecordSchema>;

export const backupCountsSchema = z.record(tableName, z.int().min(0).max(100_000_000));
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const backupManifestSchema = z.object({
  formatVersion: z.number().int(),
  appVersion: z.string(),
  /** ms since the epoch */
  createdAt: z.number(),
  counts: backupCountsSchema,
});
export type BackupManifestInfo = z.infer<typeof backupManifestSchema>;

/** At most this many records per `backup.append` or `restore.read`; the renderer also keeps each batch to a few MB. */
export const MAX_RECORDS_PER_BATCH = 5000;
/** Raw bytes per `restore.upload` chunk (base64 makes it a third larger on the wire). */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest backup file a restore accepts. */
export const MAX_BACKUP_FILE_BYTES = 4 * 1024 * 1024 * 1024;

/** The table name a backup uses for the settings (one record, id `settings`). */
export const SETTINGS_TABLE = 'settings';

export const backupContract = {
  /**
   * Starts a backup: checks the vault passphrase (always: a backup holds every case), asks where to
   * save, and opens the encrypted writer there. The file is encrypted under `backupPassphrase`, or
   * under the vault passphrase when that is null. `saved: false` means the user cancelled the dialog.
   */
  'backup.begin': {
    request: z.strictObject({
      vaultPassphrase: passphrase,
      backupPassphrase: passphrase.nullable(),
      counts: backupCountsSchema,
      suggestedName: fileName,
    }),
    response: z.object({ saved: z.boolean(), sessionId: sessionId.nullable() }),
  },
  'backup.append': {
    request: z.strictObject({ sessionId, records: z.array(backupRecordSchema).max(MAX_RECORDS_PER_BATCH) }),
    response: z.object({ appended: z.number().int() }),
  },
  /** Writes the last chunk and renames the file into place. */
  'backup.finish': {
    request: z.strictObject({ sessionId }),
    response: z.object({ path: z.string(), bytes: z.number().int(), records: z.number().int() }),
  },
  /** Stops the backup; no file is left behind. Unknown sessions are ignored. */
  'backup.abort': { request: z.strictObject({ sessionId }), response: z.null() },

  /** Starts an upload of `size` bytes into a private temporary file in the data folder. */
  'restore.begin': {
    request: z.strictObject({ size: z.int().min(0).max(MAX_BACKUP_FILE_BYTES) }),
    response: z.object({ sessionId }),
  },
  /** The next chunk, base64; `offset` must be where the previous chunk ended. */
  'restore.upload': {
    request: z.strictObject({
      sessionId,
      offset: z.int().min(0),
      data: base64Piece(UPLOAD_CHUNK_BYTES),
    }),
    response: z.object({ received: z.number().int() }),
  },
  /**
   * Opens the uploaded file with the passphrase and reads all of it (every chunk authenticated, the
   * counts checked) before answering with what it holds. A wrong passphrase keeps the upload for
   * another try; any other failure ends the session.
   */
  'restore.open': {
    request: z.strictObject({ sessionId, passphrase }),
    response: z.object({ manifest: backupManifestSchema, records: z.number().int() }),
  },
  /** The next records, from `cursor` (the number already read; 0 starts a new pass). */
  'restore.read': {
    request: z.strictObject({ sessionId, cursor: z.int().min(0) }),
    response: z.object({ records: z.array(backupRecordSchema), cursor: z.number().int(), done: z.boolean() }),
  },
  /** Ends a restore (finished or abandoned): closes the file and deletes the temporary copy. */
  'restore.close': { request: z.strictObject({ sessionId }), response: z.null() },
} as const;
