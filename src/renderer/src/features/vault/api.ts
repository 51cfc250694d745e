import type { WaypointBridge } from '@shared/contract';
import type { Unlocked, VaultStatusInfo } from '@shared/vault';
import type { WaypointRecords, WaypointStore } from '../../db';
import { BridgeError, unwrap } from '../../bridge';

// The record store loads when the vault is opened, not with the lock screen: the first screen's
// JavaScript has a budget (tests/e2e/shell.spec.ts), and the store is not needed to draw it.
const loadDb = () => import('../../db');

// The vault's calls to main; each resolves to its value or throws a BridgeError (errorMessage() says it).
type Vault = WaypointBridge['vault'];
type RequestOf<Method extends keyof Vault> = Parameters<Vault[Method]>[0];

/**
 * Goes in an unlock or recover request: asks main for the legacy key too when the database still
 * holds version 1 records to migrate (main cannot see the database; the renderer cannot derive the key).
 */
async function legacyKeyRequest(): Promise<{ withLegacyKey?: true }> {
  const { needsLegacyKey, defaultDbName } = await loadDb();
  return (await needsLegacyKey(defaultDbName)) ? { withLegacyKey: true } : {};
}

export const vaultStatus = (): Promise<VaultStatusInfo> => unwrap(window.waypoint.vault.status());
export const lockVault = (): Promise<void> => unwrap(window.waypoint.vault.lock()).then(() => undefined);
export const unlockVault = async (passphrase: string): Promise<Unlocked> => unwrap(window.waypoint.vault.unlock({ passphrase, ...(await legacyKeyRequest()) }));
export const createVault = (passphrase: string) => unwrap(window.waypoint.vault.create({ passphrase }));
export const recoverVault = async (request: Omit<RequestOf<'recover'>, 'withLegacyKey'>): Promise<Unlocked> =>
  unwrap(window.waypoint.vault.recover({ ...request, ...(await legacyKeyRequest()) }));
export const changePassphrase = (request: RequestOf<'changePassphrase'>) => unwrap(window.waypoint.vault.changePassphrase(request));
/** Main writes the new recovery key's wrap over the old one at once; the key itself is shown once. */
export const newRecoveryKey = (request: RequestOf<'newRecoveryKey'>) => unwrap(window.waypoint.vault.newRecoveryKey(request));
/** Starts a change of keys: main keeps the next data key beside the current one and hands over its record keys. */
export const beginKeyChange = (request: RequestOf<'beginKeyChange'>) => unwrap(window.waypoint.vault.beginKeyChange(request));
/** Ends a change of keys: main rewrites the header under the next key alone, with a new recovery key. */
export const finishKeyChange = (request: RequestOf<'finishKeyChange'>) => unwrap(window.waypoint.vault.finishKeyChange(request));
export const setEraseAfter = (request: RequestOf<'setEraseAfter'>) => unwrap(window.waypoint.vault.setEraseAfter(request));
export const eraseVault = (request: RequestOf<'erase'>) => unwrap(window.waypoint.vault.erase(request));

type KeyChangeProgress = (done: number, total: number) => void;

/**
 * Turns the keys main handed over into non-extractable CryptoKeys (zeroing the bytes) and opens the
 * encrypted database. With `nextKeys` (a change of keys stopped midway), every record left is first
 * re-encrypted under them, and the store uses them.
 */
export async function openVaultStore(unlocked: Unlocked, onKeyChangeProgress?: KeyChangeProgress): Promise<WaypointStore> {
  const { importLegacyKey, importRecordKeys, openRecordStore, sweepAttachmentChunks } = await loadDb();
  const { legacy, ...keys } = unlocked.keys;
  const legacyKey = legacy && (await importLegacyKey(legacy));
  const nextKeys = unlocked.nextKeys && (await importRecordKeys(unlocked.nextKeys));
  const store = await openRecordStore<WaypointRecords>(await importRecordKeys(keys), {
    ...(legacyKey ? { legacyKey } : {}),
    ...(nextKeys ? { nextKeys, onKeyChangeProgress } : {}),
  });
  // Before anything can be attached: what an attach or deletion cut short left behind goes.
  await sweepAttachmentChunks(store);
  // The unlock banner's counts come from the agenda summary: read now, before the case list reads its cases.
  store.prefetchSummaries();
  return store;
}

/**
 * After `vault.beginKeyChange`: closes the page's store first, so nothing writes under the old keys any
 * more, then re-encrypts every record under the next keys; returns the store under them.
 */
export async function changeStoreKeys(
  store: WaypointStore,
  next: { records: Uint8Array; index: Uint8Array; attachments: Uint8Array },
  onProgress: KeyChangeProgress,
): Promise<WaypointStore> {
  const { closeRecordStore, importRecordKeys, openRecordStore } = await loadDb();
  const { keys, dbName } = store.handle();
  closeRecordStore();
  return openRecordStore<WaypointRecords>(keys, { dbName, nextKeys: await importRecordKeys(next), onKeyChangeProgress: onProgress });
}

/**
 * Ends the unlocked session: main drops its key, then the page reloads, so the CryptoKey and every
 * decrypted record leave memory with the old JavaScript heap.
 */
export async function lockAndReload(): Promise<void> {
  try {
    await lockVault();
  } finally {
    location.reload();
  }
}

/**
 * Everything this page's origin keeps: every IndexedDB database (the encrypted records and their
 * plaintext index fields), local and session storage, cache storage and service workers. In Electron
 * main has cleared the session already; in the browser preview only the page can reach them. Runs
 * after every erase and whenever there is no vault, so nothing of an earlier one outlives it.
 */
export async function clearOriginStorage(): Promise<void> {
  const { deleteDatabase } = await loadDb();
  await deleteDatabase(); // closes the open store first
  const databases = (await indexedDB.databases?.()) ?? [];
  await Promise.all(databases.flatMap(({ name }) => (name ? [deleteDatabase(name)] : [])));
  localStorage.clear();
  sessionStorage.clear();
  if ('caches' in window) await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
  const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
  await Promise.all(registrations.map((registration) => registration.unregister()));
}

/** After an erase (asked for, or after too many wrong attempts): nothing stays, and the page starts at first run. */
export async function clearOriginAndReload(): Promise<void> {
  try {
    await clearOriginStorage();
  } finally {
    location.reload();
  }
}

export function isErased(error: unknown): boolean {
  return error instanceof BridgeError && error.code === 'VAULT_ERASED';
}

/** Hides everything at once, then locks; the preview leaves for a blank page, Electron minimises. */
export function quickExit(runtime: 'electron' | 'browser-preview'): void {
  document.documentElement.style.visibility = 'hidden';
  document.title = 'Waypoint';
  const locked = window.waypoint.vault.quickExit().catch(() => undefined);
  if (runtime === 'browser-preview') {
    void locked.finally(() => location.replace('about:blank'));
  } else {
    void locked.finally(() => location.reload());
  }
}
