import type { WebContents } from 'electron';

/** What the watch needs of a window's page; Electron's WebContents in the app, a fake in tests. */
export type WatchedPage = Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>;

/**
 * Locks the vault when the page can no longer lock itself. Lock, Quick exit and auto-lock all run in
 * the renderer: if its process is gone (crashed, killed, out of memory) or hangs, main drops the key
 * at once. A page that is gone is loaded again, which starts at the lock screen. A hung one still
 * holds its copy of the key and decrypted records: it is loaded again as soon as it answers, so they
 * leave memory then (a forced crash could leave them in a crash dump).
 */
export function lockWhenRendererFails(page: WatchedPage, vault: { lock(): void }): void {
  let hung = false;
  page.on('render-process-gone', (_event, details) => {
    hung = false;
    vault.lock();
    // A clean exit is the window closing: nothing to show again.
    if (details.reason !== 'clean-exit' && !page.isDestroyed()) page.reload();
  });
  page.on('unresponsive', () => {
    hung = true;
    vault.lock();
  });
  page.on('responsive', () => {
    if (!hung || page.isDestroyed()) return;
    hung = false;
    page.reload();
  });
}
