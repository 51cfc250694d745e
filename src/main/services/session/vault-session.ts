import { AppError } from '../../../shared/errors';
import type { Vault } from '../vault';
import { rendererKeys, type RendererKeys } from '../vault/subkeys';

/**
 * Whether the vault is unlocked. Main uses no record key itself, so it keeps none: at unlock it
 * derives the renderer's keys from the data key, zeroes the data key and hands the keys over once.
 *
 * Whatever must end with the session (backup and restore sessions, the page that holds the
 * renderer's copy of the key) listens with `onLock`. Listeners hear a lock only when the vault was
 * unlocked: an unlock that replaces a key, or a lock of a locked vault, is not one.
 */
export class VaultSession {
  #unlocked = false;
  private readonly listeners = new Set<() => void>();

  get unlocked(): boolean {
    return this.#unlocked;
  }

  /**
   * Zeroes `dataKey` and `nextKey`; the returned bytes are the renderer's only copy (see RendererKeys).
   * `nextKey`: the next data key of a change of keys under way, whose keys the renderer needs to finish it.
   */
  open(dataKey: Buffer, withLegacyKey = false, nextKey: Buffer | null = null): { keys: RendererKeys; nextKeys?: RendererKeys } {
    this.#unlocked = false;
    try {
      const keys = rendererKeys(dataKey, withLegacyKey);
      this.#unlocked = true;
      return nextKey ? { keys, nextKeys: rendererKeys(nextKey, false) } : { keys };
    } finally {
      dataKey.fill(0);
      nextKey?.fill(0);
    }
  }

  lock(): void {
    if (!this.#unlocked) return;
    this.#unlocked = false;
    for (const listener of this.listeners) listener();
  }

  /** Called on every lock, whatever caused it: the lock channel, quick exit, erase, sleep, idle, a failed renderer. */
  onLock(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function requireUnlocked(session: VaultSession): void {
  if (!session.unlocked) throw new AppError('VAULT_IS_LOCKED', 'the vault is locked');
}

/**
 * Asks for the vault passphrase again inside an unlocked session, before something leaves the app
 * with identifying data (a backup, an identifying export). Wrong answers bring the growing delay,
 * never the erase. Refused while locked: there only unlocking may test a passphrase.
 */
export type ConfirmPassphrase = (passphrase: string) => Promise<void>;

export function confirmPassphrase(vault: Pick<Vault, 'reauthenticate'>, session: VaultSession): ConfirmPassphrase {
  return async (passphrase) => {
    requireUnlocked(session);
    await vault.reauthenticate(passphrase);
  };
}
