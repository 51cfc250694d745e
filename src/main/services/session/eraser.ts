import { VaultError, type Vault } from '../vault';
import type { SettingsStore } from '../settings';
import type { VaultSession } from './vault-session';

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
  /**
   * Resolves once no erase is running. A lock replaces the app's page while the erase goes on: the new
   * page must not read the vault's state, or open storage, before the erase has cleared it.
   */
  settled(): Promise<void>;
}

/** What an erase asks of the browser engine around the page (see VaultPlatform in ipc/vault.ts). */
export interface BrowserStorage {
  clearBrowserData(): Promise<void>;
}

export function createEraser(vault: Vault, session: VaultSession, settings: SettingsStore, browser: BrowserStorage): Eraser {
  let running: Promise<unknown> = Promise.resolve();
  function track<T>(work: Promise<T>): Promise<T> {
    running = Promise.all([running, work.catch(() => undefined)]);
    return work;
  }
  async function afterFiles(): Promise<void> {
    await settings.reset();
    await browser.clearBrowserData();
  }
  return {
    eraseNow() {
      // The key goes first: from here on nothing can read the records, whatever the erase meets.
      session.lock();
      return track(vault.erase().then(afterFiles));
    },
    async finishIfErased(unlocking) {
      try {
        return await unlocking;
      } catch (error) {
        if (error instanceof VaultError && error.code === 'VAULT_ERASED') {
          session.lock();
          await track(afterFiles());
        }
        throw error;
      }
    },
    async atStart() {
      await vault.finishInterruptedErase();
      if (!(await vault.exists())) await browser.clearBrowserData();
    },
    async settled() {
      await running;
    },
  };
}
