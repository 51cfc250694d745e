import { VaultError, type Vault } from '../services/vault';
import { confirmPassphrase, requireUnlocked, type Eraser, type VaultSession } from '../services/session';
import { rendererKeys } from '../services/vault/subkeys';
import type { Handlers } from './dispatch';

/** What locking and erasing ask of the window around the page; stand-ins in the browser preview (src/preview/platform.ts). */
export interface VaultPlatform {
  /** Quick exit: hide the window at once (minimise); the lock that comes with it replaces the page. */
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

type VaultChannels =
  | 'vault.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.recover'
  | 'vault.changePassphrase'
  | 'vault.newRecoveryKey'
  | 'vault.beginKeyChange'
  | 'vault.finishKeyChange'
  | 'vault.setEraseAfter'
  | 'vault.lock'
  | 'vault.quickExit'
  | 'vault.erase';

export function vaultHandlers(vault: Vault, session: VaultSession, eraser: Eraser, platform: VaultPlatform): Pick<Handlers, VaultChannels> {
  /** A change of keys stopped midway must be finished first: the answer then carries its next keys too. */
  async function openSession(unlocking: Promise<Buffer>, withLegacyKey: boolean | undefined) {
    const dataKey = await eraser.finishIfErased(unlocking);
    let nextKey: Buffer | null;
    try {
      nextKey = await vault.nextKeyOf(dataKey);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    return session.open(dataKey, withLegacyKey, nextKey);
  }
  return {
    'vault.status': async () => {
      await eraser.settled(); // a page that an erase's lock just replaced asks first
      return { ...(await vault.status()), unlocked: session.unlocked };
    },
    'vault.create': async ({ passphrase }) => {
      const { recoveryKey, dataKey } = await vault.create(passphrase);
      return { ...session.open(dataKey), recoveryKey };
    },
    'vault.unlock': async ({ passphrase, withLegacyKey }) => openSession(vault.unlock(passphrase), withLegacyKey),
    'vault.recover': async ({ recoveryKey, newPassphrase, withLegacyKey }) => openSession(vault.unlockWithRecoveryKey(recoveryKey, newPassphrase), withLegacyKey),
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
    'vault.beginKeyChange': async ({ passphrase }) => {
      requireUnlocked(session);
      const nextKey = await vault.beginKeyChange(passphrase);
      try {
        return { nextKeys: rendererKeys(nextKey, false) };
      } finally {
        nextKey.fill(0);
      }
    },
    'vault.finishKeyChange': async ({ passphrase }) => {
      requireUnlocked(session);
      return vault.finishKeyChange(passphrase);
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
      // Hidden first, then locked: the lock replaces the page behind the hidden window.
      platform.quickExit();
      session.lock();
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
