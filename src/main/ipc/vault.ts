import { VaultError, type Vault } from '../services/vault';
import type { SettingsStore } from '../services/settings';
import type { Handlers } from './dispatch';

/** What locking and erasing ask of the window around the page; no-ops in the browser preview. */
export interface VaultPlatform {
  /** Quick exit: hide the window at once (minimise) and reload it to the lock screen. */
  quickExit(): void;
  /** After an erase: clear what the browser engine keeps (IndexedDB, caches, storage). */
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

type VaultChannels =
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.recover'
  | 'vault.changePassphrase'
  | 'vault.setEraseAfter'
  | 'vault.lock'
  | 'vault.quickExit'
  | 'vault.erase';

export function vaultHandlers(
  vault: Vault,
  session: VaultSession,
  settings: SettingsStore,
  platform: VaultPlatform,
): Pick<Handlers, VaultChannels> {
  return {
    'vault.status': async () => ({ ...(await vault.status()), unlocked: session.unlocked }),
    'vault.create': async ({ passphrase }) => {
      const { recoveryKey, dataKey } = await vault.create(passphrase);
      return { ...session.open(dataKey), recoveryKey };
    },
    'vault.unlock': async ({ passphrase }) => session.open(await vault.unlock(passphrase)),
    'vault.recover': async ({ recoveryKey, newPassphrase }) => session.open(await vault.unlockWithRecoveryKey(recoveryKey, newPassphrase)),
    'vault.changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return null;
    },
    'vault.setEraseAfter': async ({ passphrase, eraseAfter }) => {
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
        // Checked as an unlock is (a wrong one counts, with its delay); the key is not kept.
        (await vault.unlock(passphrase)).fill(0);
      }
      session.lock();
      await vault.erase(); // the header goes first, so whatever remains is unreadable
      await settings.reset();
      await platform.clearBrowserData();
      return null;
    },
  };
}
