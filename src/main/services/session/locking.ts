import { clampAutoLockMinutes } from '../../../shared/settings';
import type { VaultSession } from './vault-session';

/** The system's power events that lock (Electron's powerMonitor in the app, an EventEmitter in tests). */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

/** The events of the app's page that lock (Electron's WebContents in the app). */
export interface PageEvents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
}

export interface Timers {
  set(callback: () => unknown, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface LockingOptions {
  session: VaultSession;
  power: PowerEvents;
  /** Seconds since the last keyboard or pointer input anywhere on the system (powerMonitor.getSystemIdleTime). */
  idleSeconds(): number;
  /** The auto-lock minutes of the settings; held to 1-240 here, whatever the file says. */
  autoLockMinutes(): Promise<number>;
  /** Puts a new page, in a new renderer process, at the lock screen in place of the old one (if the window is still there). */
  replacePage(): void;
  timers: Timers;
  /** Runs a callback once the current event is over (setImmediate): a page is never replaced from inside its own event. */
  defer(callback: () => void): void;
}

export interface Locking {
  /**
   * Locks when this page's process is gone or hangs; call for every page the app shows. `shown` is
   * false once the page was replaced: the end of a replaced page's process must not replace the next.
   */
  watchPage(page: PageEvents, shown: () => boolean): void;
  /** Checks the idle time now (it is also checked on a timer); resolves when done. */
  checkIdle(): Promise<void>;
  stop(): void;
}

/** The idle time is checked at least this often, so a shorter setting takes hold within it. */
export const IDLE_CHECK_MS = 15_000;

/**
 * Main's own locking, which the page cannot turn off or outlive. The page locks itself too (its
 * Lock button, Quick exit, its own idle timer, which is all the browser preview has), but a page
 * that hangs, crashes or is tampered with cannot be trusted to, so main locks:
 * - on system sleep and screen lock;
 * - when the whole system has been idle for the auto-lock minutes of the settings, held to 1-240
 *   whatever settings.json says;
 * - when the page's process is gone or stops answering.
 * After every lock, whatever its cause, the page is replaced by a new one in a new renderer process:
 * the old process, with the renderer's copy of the key and every decrypted record in its heap, ends.
 */
export function enforceLocking(options: LockingOptions): Locking {
  const { session, timers } = options;
  let replacing = false;
  let timer: unknown = null;
  let stopped = false;

  function replaceSoon(): void {
    if (replacing) return;
    replacing = true;
    options.defer(() => {
      replacing = false;
      options.replacePage();
    });
  }

  session.onLock(replaceSoon);
  options.power.on('suspend', () => session.lock());
  options.power.on('lock-screen', () => session.lock());

  async function checkIdle(): Promise<void> {
    if (timer !== null) timers.clear(timer);
    timer = null;
    let wait = IDLE_CHECK_MS;
    if (session.unlocked) {
      let minutes: unknown;
      try {
        minutes = await options.autoLockMinutes();
      } catch {
        minutes = undefined; // unreadable settings: the default, never no lock
      }
      const limit = clampAutoLockMinutes(minutes) * 60;
      const idle = options.idleSeconds();
      if (idle >= limit) session.lock();
      else wait = Math.min(IDLE_CHECK_MS, Math.max(1, limit - idle) * 1000);
    }
    if (timer !== null) timers.clear(timer); // a check that ran meanwhile set one
    if (!stopped) timer = timers.set(checkIdle, wait);
  }
  void checkIdle();

  return {
    watchPage(page, shown) {
      page.on('render-process-gone', (_event, details) => {
        if (!shown()) return;
        session.lock();
        // A clean exit is the window closing: nothing to show again.
        if (details.reason !== 'clean-exit') replaceSoon();
      });
      // A hung page still holds its copy of the key and the decrypted records: it is not waited for.
      page.on('unresponsive', () => {
        if (!shown()) return;
        session.lock();
        replaceSoon();
      });
    },
    checkIdle,
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
