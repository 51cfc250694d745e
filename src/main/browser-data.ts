import type { Session } from 'electron';

type ClearingSession = Pick<Session, 'clearData' | 'clearStorageData' | 'clearCache' | 'clearAuthCache' | 'clearCodeCaches' | 'clearHostResolverCache'>;

/**
 * After an erase (and at a start without a vault): everything Chromium keeps for the app in its
 * profile. clearData covers what Chromium's BrowsingDataRemover knows (IndexedDB, local storage,
 * service workers, cache storage, file systems, cookies, HTTP cache); clearStorageData also takes
 * session storage and the shader cache; the rest are caches neither of them names.
 */
export async function clearBrowserData(session: ClearingSession): Promise<void> {
  await session.clearData();
  await session.clearStorageData();
  await session.clearCache();
  await session.clearCodeCaches({});
  await session.clearAuthCache();
  await session.clearHostResolverCache();
}
