import { AppError } from '../../../shared/errors';
import type { Vault } from '../vault';

/**
 * Holds the data key while the vault is unlocked (backups and exports need it) and drops it on lock.
 * The renderer gets its own copy once per unlock.
 *
 * Whatever must end with the session (backup and restore sessions, the page that holds the
 * renderer's copy of the key) listens with `onLock`. Listeners hear a lock only when the vault was
 * unlocked: an unlock that replaces a key, or a lock of a locked vault, is not one.
 */
export class VaultSession {
  private dataKey: Buffer | null = null;
  private readonly listeners = new Set<() => void>();

  get unlocked(): boolean {
    return this.dataKey !== null;
  }

  /** Keeps the key and returns the one copy for the renderer. */
  open(dataKey: Buffer): { dataKey: string } {
    this.wipe();
    this.dataKey = dataKey;
    return { dataKey: dataKey.toString('base64') };
  }

  lock(): void {
    if (!this.wipe()) return;
    for (const listener of this.listeners) listener();
  }

  /** Called on every lock, whatever caused it: the lock channel, quick exit, erase, sleep, idle, a failed renderer. */
  onLock(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Zeroes and drops the key; true when there was one. */
  private wipe(): boolean {
    if (!this.dataKey) return false;
    this.dataKey.fill(0);
    this.dataKey = null;
    return true;
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
