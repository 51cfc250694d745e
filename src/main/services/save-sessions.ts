import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import type { ExportKind } from '../../shared/files';
import { PieceOutOfOrder, writeNextPiece } from './pieces';
import { requireUnlocked, type ConfirmPassphrase, type VaultSession } from './session';

export interface SaveSessionOptions {
  /** Checks the vault passphrase when a request carries one (a wrong one brings the re-authentication delay). */
  confirmPassphrase: ConfirmPassphrase;
  session: VaultSession;
  /** A save dialog in the app; null when the user cancels. */
  chooseSavePath(suggestedName: string, kind: ExportKind): Promise<string | null>;
}

export type SaveChannel = 'files.saveBegin' | 'files.saveAppend' | 'files.saveFinish' | 'files.saveAbort';
export type SaveSteps = { [C in SaveChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface SaveSessions {
  steps: SaveSteps;
  /** Ends every save, removing its temporary file. Runs on every lock. */
  dropAll(): Promise<void>;
  /** For tests: how many saves are open. */
  openSessions(): number;
}

interface SaveSession {
  path: string;
  temporary: string;
  file: FileHandle;
  size: number;
  received: number;
  /** Steps of one session run one at a time. */
  queue: Promise<unknown>;
}

/**
 * Files saved in pieces, for a copy too large to send in one request (a decrypted attachment). The pieces go
 * to a temporary file beside the chosen one, which takes the chosen name only once the last piece is in and
 * flushed: a save cut short by an error, a cancel or a lock removes it, so no half-written copy is left under
 * the chosen name. One save at a time: beginning another ends the one before.
 */
export function createSaveSessions({ confirmPassphrase, session, chooseSavePath }: SaveSessionOptions): SaveSessions {
  const saves = new Map<string, SaveSession>();

  async function end(id: string): Promise<void> {
    const save = saves.get(id);
    if (!save) return;
    saves.delete(id);
    await save.file.close().catch(() => undefined);
    await rm(save.temporary, { force: true }).catch(() => undefined);
  }

  async function dropAll(): Promise<void> {
    await Promise.all([...saves.keys()].map(end));
  }
  session.onLock(() => void dropAll());

  /** Runs one step after the steps before it; a step that fails ends the session. */
  async function step<T>(id: string, run: (save: SaveSession) => Promise<T>): Promise<T> {
    requireUnlocked(session);
    const save = saves.get(id);
    if (!save) throw new AppError('FILE_SAVE_ENDED', 'no such save');
    const result = save.queue.then(async () => {
      if (saves.get(id) !== save) throw new AppError('FILE_SAVE_ENDED', 'the save ended');
      try {
        return await run(save);
      } catch (error) {
        await end(id);
        throw error instanceof AppError ? error : new AppError('FILE_WRITE_FAILED', 'could not write the chosen file', { cause: error });
      }
    });
    save.queue = result.catch(() => undefined);
    return result;
  }

  return {
    dropAll,
    openSessions: () => saves.size,
    steps: {
      'files.saveBegin': async ({ suggestedName, kind, size, vaultPassphrase }) => {
        if (vaultPassphrase !== undefined) await confirmPassphrase(vaultPassphrase);
        requireUnlocked(session);
        await dropAll();
        const path = await chooseSavePath(suggestedName, kind);
        if (!path) return { saved: false, sessionId: null };
        requireUnlocked(session); // the dialog may have stayed open across a lock
        const id = randomBytes(16).toString('hex');
        // Hidden where the system hides dot files, and named for no one: the chosen name comes at the end.
        const temporary = join(dirname(path), `.${basename(path)}.${id}.part`);
        let file: FileHandle;
        try {
          file = await open(temporary, 'wx', 0o600);
        } catch (error) {
          throw new AppError('FILE_WRITE_FAILED', 'could not create the file', { cause: error });
        }
        saves.set(id, { path, temporary, file, size, received: 0, queue: Promise.resolve() });
        if (!session.unlocked) {
          await end(id);
          throw new AppError('VAULT_IS_LOCKED', 'the vault locked while the save started');
        }
        return { saved: true, sessionId: id };
      },

      'files.saveAppend': ({ sessionId, offset, data }) =>
        step(sessionId, async (save) => {
          try {
            return { received: await writeNextPiece(save.file, save, offset, data) };
          } catch (error) {
            throw new AppError('FILE_WRITE_FAILED', error instanceof PieceOutOfOrder ? error.message : 'could not write the chosen file', { cause: error });
          }
        }),

      'files.saveFinish': ({ sessionId }) =>
        step(sessionId, async (save) => {
          if (save.received !== save.size) throw new AppError('FILE_WRITE_FAILED', `only ${save.received} of ${save.size} bytes arrived`);
          await save.file.sync();
          await save.file.close();
          await rename(save.temporary, save.path);
          saves.delete(sessionId);
          return { path: save.path };
        }),

      'files.saveAbort': async ({ sessionId }) => {
        await end(sessionId);
        return null;
      },
    },
  };
}
