import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { MAX_RECORDS_PER_BATCH } from '../../../shared/backup';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { ExportKind } from '../../../shared/files';
import { calibrateScrypt, meetsFloor, type ScryptCost } from '../vault/kdf';
import { parseHeader } from '../vault/header';
import { RESTORE_UPLOAD_FOLDER } from '../data-folder';
import { HEADER_FILE } from '../vault/vault';
import { PieceOutOfOrder, writeNextPiece } from '../pieces';
import { requireUnlocked, type ConfirmPassphrase, type VaultSession } from '../session';
import { BackupError } from './errors';
import type { BackupRecord } from './format';
import { openBackup, type BackupReader } from './reader';
import { createBackupWriter, type BackupWriter } from './writer';

/** A `restore.read` batch stops once its records' JSON passes about this many characters. */
const READ_BATCH_CHARS = 2 * 1024 * 1024;

export interface BackupSessionOptions {
  /** The app's data folder: the vault header is read from it, uploads wait in it. */
  dataFolder: string;
  /** Checks the vault passphrase, which every backup needs (a wrong one brings the re-authentication delay). */
  confirmPassphrase: ConfirmPassphrase;
  session: VaultSession;
  /** Where the backup file goes: a save dialog in the app; null when the user cancels. */
  chooseSavePath(suggestedName: string, kind: ExportKind): Promise<string | null>;
  appVersion: string;
  now?: () => number;
  /** TEST ONLY: a cheap scrypt cost for the backup file (see createBackupWriter). */
  testOnlyScryptLogN?: number;
}

/** The channels this service answers, one step each. */
export type BackupChannel =
  'backup.begin' | 'backup.append' | 'backup.finish' | 'backup.abort' | 'restore.begin' | 'restore.upload' | 'restore.open' | 'restore.read' | 'restore.close';

interface BackupSession {
  writer: BackupWriter;
  path: string;
}

interface RestoreSession {
  file: string;
  size: number;
  received: number;
  /** Open while uploading. */
  upload: FileHandle | null;
  /** Open once the file has been verified with the right passphrase. */
  reader: BackupReader | null;
  pass: { iterator: AsyncIterator<BackupRecord>; position: number } | null;
  /** Calls on one session run one at a time. */
  queue: Promise<unknown>;
}

export type BackupSteps = { [C in BackupChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface BackupSessions {
  /** Each step of a backup or a restore, by the channel that asks for it. */
  steps: BackupSteps;
  /** Ends every backup (removing its partial file) and restore (deleting its upload). Runs on every lock. */
  dropAll(): Promise<void>;
  /** For tests: how many sessions are open. */
  openSessions(): { backups: number; restores: number };
}

/**
 * Backup and restore sessions. At most one backup and one restore run at a time: beginning a new one
 * ends the previous one. Everything needs the vault unlocked, and a lock ends every session.
 */
export function createBackupSessions(options: BackupSessionOptions): BackupSessions {
  const { dataFolder, confirmPassphrase, session, chooseSavePath, appVersion } = options;
  const now = options.now ?? Date.now;
  const uploadFolder = join(dataFolder, RESTORE_UPLOAD_FOLDER);
  const backups = new Map<string, BackupSession>();
  const restores = new Map<string, RestoreSession>();
  let calibrated: Promise<ScryptCost> | null = null;
  // Uploads a crash or a quit left behind (a checked backup waits there until it is restored or cancelled)
  // are removed at start, without waiting for the next restore; a new upload waits for that.
  const staleUploadsRemoved = rm(uploadFolder, { recursive: true, force: true }).catch(() => undefined);

  async function dropAll(): Promise<void> {
    const ending = [...backups.keys()].map(endBackup).concat([...restores.keys()].map(endRestore));
    await Promise.all(ending);
  }

  session.onLock(() => void dropAll());

  async function endBackup(id: string): Promise<void> {
    const backup = backups.get(id);
    backups.delete(id);
    await backup?.writer.abort().catch(() => undefined);
  }

  async function endRestore(id: string): Promise<void> {
    const restore = restores.get(id);
    if (!restore) return;
    restores.delete(id);
    await releaseRestore(restore);
  }

  /** Closes what a restore holds open (its pass, its reader and the key it derived, its upload) and deletes the upload. Safe to run twice. */
  async function releaseRestore(restore: RestoreSession): Promise<void> {
    const { pass, reader, upload } = restore;
    restore.pass = null;
    restore.reader = null;
    restore.upload = null;
    await pass?.iterator.return?.().catch(() => undefined);
    await reader?.close().catch(() => undefined);
    await upload?.close().catch(() => undefined);
    await rm(restore.file, { force: true }).catch(() => undefined);
  }

  function backupSession(id: string): BackupSession {
    requireUnlocked(session);
    const backup = backups.get(id);
    if (!backup) throw new AppError('BACKUP_SESSION_ENDED', 'no such backup session');
    return backup;
  }

  /** Runs one step of a restore, after the steps before it, and ends the session if the step says so. */
  async function restoreStep<T>(id: string, step: (restore: RestoreSession) => Promise<T>): Promise<T> {
    requireUnlocked(session);
    const restore = restores.get(id);
    if (!restore) throw new AppError('BACKUP_SESSION_ENDED', 'no such restore session');
    const result = restore.queue.then(async () => {
      if (restores.get(id) !== restore) throw new AppError('BACKUP_SESSION_ENDED', 'the restore session ended');
      try {
        return await step(restore);
      } finally {
        // Ended while the step ran (a lock, a close): what the step opened since is closed too.
        if (restores.get(id) !== restore) await releaseRestore(restore);
      }
    });
    restore.queue = result.catch(() => undefined);
    return result;
  }

  /** The cost the vault was calibrated to on this machine; else one calibration per run of the app. */
  async function backupCost(): Promise<ScryptCost> {
    try {
      const { N, r, p } = parseHeader(await readFile(join(dataFolder, HEADER_FILE), 'utf8')).wraps.passphrase.kdf;
      if (meetsFloor({ N, r, p })) return { N, r, p };
    } catch {
      // fall through to calibration
    }
    calibrated ??= calibrateScrypt();
    return calibrated;
  }

  return {
    dropAll,
    openSessions: () => ({ backups: backups.size, restores: restores.size }),
    steps: {
      'backup.begin': async ({ vaultPassphrase, backupPassphrase, counts, suggestedName }) => {
        // Every backup carries every case: whoever finds the session unlocked must not take them away.
        await confirmPassphrase(vaultPassphrase);
        await Promise.all([...backups.keys()].map(endBackup));
        const path = await chooseSavePath(suggestedName, 'backup');
        if (!path) return { saved: false, sessionId: null };
        requireUnlocked(session); // the dialog may have stayed open across a lock
        const writer = await createBackupWriter({
          path,
          passphrase: backupPassphrase ?? vaultPassphrase,
          manifest: { appVersion, createdAt: now(), counts },
          ...(options.testOnlyScryptLogN === undefined ? { kdf: await backupCost() } : { testOnlyScryptLogN: options.testOnlyScryptLogN }),
        });
        if (!session.unlocked) {
          await writer.abort();
          throw new AppError('VAULT_IS_LOCKED', 'the vault locked while the backup started');
        }
        const id = randomBytes(16).toString('hex');
        backups.set(id, { writer, path });
        return { saved: true, sessionId: id };
      },

      'backup.append': async ({ sessionId, records }) => {
        const backup = backupSession(sessionId);
        try {
          // The writer queues appends in order; awaiting the last keeps memory bounded to one batch.
          await Promise.all(records.map((record) => backup.writer.append(record as BackupRecord)));
        } catch (error) {
          await endBackup(sessionId); // the writer has already removed its partial file
          throw error;
        }
        return { appended: records.length };
      },

      'backup.finish': async ({ sessionId }) => {
        const backup = backupSession(sessionId);
        backups.delete(sessionId);
        try {
          const { bytes, records } = await backup.writer.finish();
          return { path: backup.path, bytes, records };
        } catch (error) {
          await backup.writer.abort().catch(() => undefined);
          throw error;
        }
      },

      'backup.abort': async ({ sessionId }) => {
        await endBackup(sessionId);
        return null;
      },

      'restore.begin': async ({ size }) => {
        requireUnlocked(session);
        await Promise.all([...restores.keys()].map(endRestore));
        await staleUploadsRemoved;
        const id = randomBytes(16).toString('hex');
        const file = join(uploadFolder, `${id}.upload`);
        let upload: FileHandle;
        try {
          await mkdir(uploadFolder, { recursive: true, mode: 0o700 });
          upload = await open(file, 'wx', 0o600);
        } catch (error) {
          throw new AppError('RESTORE_UPLOAD_FAILED', 'could not create the upload file', { cause: error });
        }
        restores.set(id, { file, size, received: 0, upload, reader: null, pass: null, queue: Promise.resolve() });
        if (!session.unlocked) {
          await endRestore(id);
          throw new AppError('VAULT_IS_LOCKED', 'the vault locked while the restore started');
        }
        return { sessionId: id };
      },

      'restore.upload': ({ sessionId, offset, data }) =>
        restoreStep(sessionId, async (restore) => {
          try {
            if (!restore.upload) throw new Error('the upload is closed');
            return { received: await writeNextPiece(restore.upload, restore, offset, data) };
          } catch (error) {
            await endRestore(sessionId);
            throw new AppError('RESTORE_UPLOAD_FAILED', error instanceof PieceOutOfOrder ? error.message : 'could not write the upload', { cause: error });
          }
        }),

      'restore.open': ({ sessionId, passphrase }) =>
        restoreStep(sessionId, async (restore) => {
          if (restore.upload) {
            if (restore.received !== restore.size) {
              await endRestore(sessionId);
              throw new AppError('RESTORE_UPLOAD_FAILED', `only ${restore.received} of ${restore.size} bytes arrived`);
            }
            await restore.upload.close();
            restore.upload = null;
          }
          await restore.pass?.iterator.return?.().catch(() => undefined);
          restore.pass = null;
          await restore.reader?.close();
          restore.reader = null;
          try {
            const reader = await openBackup({ path: restore.file, passphrase });
            restore.reader = reader;
            // The whole file is read and authenticated before the renderer sees a single record.
            const summary = await reader.verify();
            return { manifest: summary.manifest, records: summary.records };
          } catch (error) {
            // Another passphrase may open it; anything else is wrong with the file itself.
            if (error instanceof BackupError && error.code === 'BACKUP_WRONG_PASSPHRASE') {
              await restore.reader?.close();
              restore.reader = null;
            } else {
              await endRestore(sessionId);
            }
            throw error;
          }
        }),

      'restore.read': ({ sessionId, cursor }) =>
        restoreStep(sessionId, async (restore) => {
          const reader = restore.reader;
          if (!reader) throw new AppError('BACKUP_BAD_ARGUMENT', 'the backup has not been opened');
          if (cursor === 0) {
            await restore.pass?.iterator.return?.().catch(() => undefined);
            restore.pass = { iterator: reader.records()[Symbol.asyncIterator](), position: 0 };
          }
          const pass = restore.pass;
          if (!pass || pass.position !== cursor) throw new AppError('BACKUP_BAD_ARGUMENT', `cursor ${cursor} is not where the pass stands`);
          const records: BackupRecord[] = [];
          let chars = 0;
          let done = false;
          try {
            while (records.length < MAX_RECORDS_PER_BATCH && chars < READ_BATCH_CHARS) {
              const next = await pass.iterator.next();
              if (next.done) {
                done = true;
                break;
              }
              records.push(next.value);
              chars += JSON.stringify(next.value.data)?.length ?? 0;
            }
          } catch (error) {
            // The file changed since it was verified: the renderer has written no record yet, and deletes the files' chunks it wrote.
            await endRestore(sessionId);
            throw error;
          }
          pass.position += records.length;
          return { records, cursor: pass.position, done };
        }),

      'restore.close': async ({ sessionId }) => {
        await endRestore(sessionId);
        return null;
      },
    },
  };
}
