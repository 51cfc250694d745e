import type { Unlocked } from '@shared/vault';
import { importDataKey, openRecordStore, type RecordStore } from '../../db';
import { unwrap } from '../../bridge';

/** Turns the key main handed over into a non-extractable CryptoKey and opens the encrypted database. */
export async function openVaultStore(unlocked: Unlocked): Promise<RecordStore<Record<string, unknown>>> {
  const bytes = Uint8Array.from(atob(unlocked.dataKey), (char) => char.charCodeAt(0));
  const key = await importDataKey(bytes); // zeroes `bytes`
  return openRecordStore(key);
}

/**
 * Ends the unlocked session: main drops its key, then the page reloads, so the CryptoKey and every
 * decrypted record leave memory with the old JavaScript heap.
 */
export async function lockAndReload(): Promise<void> {
  try {
    await unwrap(window.waypoint.vault.lock());
  } finally {
    location.reload();
  }
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
