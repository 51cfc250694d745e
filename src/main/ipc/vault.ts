import { AppError } from '../../shared/errors';
import { VaultError, type Vault } from '../services/vault';
import type { SettingsStore } from '../services/settings';
import type { Handlers } from './dispatch';

/** What locking and erasing ask of the window around the page; no-ops in the browser preview. */
export interface VaultPlatform {
  /** Quick exit: hide the window at once (minimise) and reload it to the lock screen. */
  quickExit(): void;
  /**
   * After an erase, and at a start without a vault: clear everything the browser engine keeps for
   * the app (IndexedDB, local and session storage, caches, service workers, auth and code caches).
   * The browser preview cannot reach its browser's profile: there the page clears its own origin.
   */
  clearBrowserData(): Promise<void>;
  /**
   * Erasing needs the vault passphrase: true in the browser preview, whose server any local process
   * that learns the token can call; the app's IPC answers only its own window.
   */
  eraseNeedsPassphrase: boolean;
}

export const noVaultPlatform: VaultPlatform = { quickExit: () => {}, clearBrowserData: async () => {}, eraseNeedsPassphrase: false };

/**
 * Holds the data key while the vault is unlocked (backups and exports need it) and drops it on lock.
 * The renderer gets its own copy once per unlock.
 */
export class VaultSession {
  private dataKey: Buffer | null = null;

  get unlocked(): boolean {
    return this.dataKey !== null;
  }

  /** Keeps the key and returns the one copy for the renderer. */
  open(dataKey: Buffer): { dataKey: string } {
    this.lock();
    this.dataKey = dataKey;
    return { dataKey: dataKey.toString('base64') };
  }

  lock(): void {
    this.dataKey?.fill(0);
    this.dataKey = null;
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

/**
 * Every erase, asked for or after too many wrong attempts, ends the same way: no key in main, no
 * file of the app in the data folder (the vault service deletes them, header first), settings back
 * to defaults, and the browser engine's storage cleared. The renderer then clears its origin and
 * reloads to first run.
 */
export interface Eraser {
  /** The user asked for it (Settings, typed confirmation). A check before it (a passphrase) goes here. */
  eraseNow(): Promise<void>;
  /** Runs `unlocking`; when it erased the vault, finishes the erase before passing the error on. */
  finishIfErased<T>(unlocking: Promise<T>): Promise<T>;
  /** At start, before the window loads: finishes an interrupted erase; with no vault, nothing of an old one stays. */
  atStart(): Promise<void>;
}

export function createEraser(vault: Vault, session: VaultSession, settings: SettingsStore, platform: VaultPlatform): Eraser {
  async function afterFiles(): Promise<void> {
    await settings.reset();
    await platform.clearBrowserData();
  }
  return {
    async eraseNow() {
      session.lock();
      await vault.erase();
      await afterFiles();
    },
    async finishIfErased(unlocking) {
      try {
        return await unlocking;
      } catch (error) {
        if (error instanceof VaultError && error.code === 'VAULT_ERASED') {
          session.lock();
          await afterFiles();
        }
        throw error;
      }
    },
    async atStart() {
      await vault.finishInterruptedErase();
      if (!(await vault.exists())) await platform.clearBrowserData();
    },
  };
}

type VaultChannels =
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.recover'
  | 'vault.changePassphrase'
  | 'vault.newRecoveryKey'
  | 'vault.setEraseAfter'
  | 'vault.lock'
  | 'vault.quickExit'
  | 'vault.erase';

export function vaultHandlers(vault: Vault, session: VaultSession, eraser: Eraser, platform: VaultPlatform): Pick<Handlers, VaultChannels> {
  return {
    'vault.status': async () => ({ ...(await vault.status()), unlocked: session.unlocked }),
    'vault.create': async ({ passphrase }) => {
      const { recoveryKey, dataKey } = await vault.create(passphrase);
      return { ...session.open(dataKey), recoveryKey };
    },
    'vault.unlock': async ({ passphrase }) => session.open(await eraser.finishIfErased(vault.unlock(passphrase))),
    'vault.recover': async ({ recoveryKey, newPassphrase }) =>
      session.open(await eraser.finishIfErased(vault.unlockWithRecoveryKey(recoveryKey, newPassphrase))),
    // These check the passphrase as a re-authentication: only inside an unlocked session.
    'vault.changePassphrase': async ({ current, next }) => {
      requireUnlocked(session);
      await vault.changePassphrase(current, next);
      return null;
    },
    'vault.newRecoveryKey': async ({ passphrase }) => {
      requireUnlocked(session);
      return vault.replaceRecoveryKey(passphrase);
    },
    'vault.setEraseAfter': async ({ passphrase, eraseAfter }) => {
      requireUnlocked(session);
      await vault.setEraseAfter(passphrase, eraseAfter);
      return null;
    },
    'vault.lock': async () => {
      session.lock();
      return null;
    },
    'vault.quickExit': async () => {
      session.lock();
      platform.quickExit();
      return null;
    },
    'vault.erase': async ({ passphrase }) => {
      if (platform.eraseNeedsPassphrase) {
        if (!passphrase) throw new VaultError('VAULT_WRONG_PASSPHRASE', 'erasing needs the vault passphrase here');
        // Checked as every re-authentication inside a session is: a wrong one waits, and never erases.
        await confirmPassphrase(vault, session)(passphrase);
      }
      await eraser.eraseNow();
      return null;
    },
  };
}
