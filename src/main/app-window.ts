import type { BrowserWindow } from 'electron';
import type { Placement } from './window';

/** What the holder asks of a window: Electron's BrowserWindow in the app, a fake in tests. */
export type HeldWindow = Pick<
  BrowserWindow,
  'getNormalBounds' | 'isMaximized' | 'isFullScreen' | 'isMinimized' | 'isVisible' | 'isFocused' | 'isDestroyed' | 'destroy' | 'minimize' | 'restore' | 'show' | 'focus' | 'on'
>;

export interface AppWindow<W extends HeldWindow> {
  /** The window the app shows now; null before the first and after it was closed. */
  current(): W | null;
  /** Opens the first window. */
  open(): void;
  /**
   * Replaces the window by a new one in the same place and state, whose page runs in a new renderer
   * process: the old process, and the heap that held the renderer's key and decrypted records, end.
   * Nothing happens once the window was closed (the app is quitting).
   */
  replace(): void;
  /** True while a replacement runs, when for a moment no window is open: the app must not quit then. */
  replacing(): boolean;
  /** Quick exit: minimised at once, and a replacement that follows stays minimised. */
  hideNow(): void;
  /** A second start of the app: the window comes back and takes the focus. */
  bringToFront(): void;
}

/**
 * Holds the app's one window across replacements. The old window goes first, then the new one is
 * made: a new window made beside a live one could be given the same renderer process.
 */
export function createAppWindow<W extends HeldWindow>(create: (placement: Placement | null) => W, onCreated: (window: W) => void): AppWindow<W> {
  let window: W | null = null;
  let inReplacement = false;
  // Set by Quick exit until the person brings the window back: a window a platform has not yet
  // minimised (on Linux that is asynchronous) must not come back by being replaced.
  let hidden = false;
  // A window not shown yet (replaced again before it loaded) goes where it was going to go.
  const intended = new WeakMap<W, Placement | null>();

  function open(placement: Placement | null): void {
    const created = create(placement);
    window = created;
    intended.set(created, placement);
    created.on('closed', () => {
      if (window === created) window = null;
    });
    created.on('focus', () => (hidden = false));
    onCreated(created);
  }

  function placementOf(old: W): Placement {
    const bounds = old.getNormalBounds();
    if (hidden || old.isMinimized()) return { bounds, state: 'minimized', focus: false };
    if (!old.isVisible()) return intended.get(old) ?? { bounds, state: 'normal', focus: true };
    const state = old.isFullScreen() ? 'fullscreen' : old.isMaximized() ? 'maximized' : 'normal';
    return { bounds, state, focus: old.isFocused() };
  }

  return {
    current: () => window,
    open: () => open(null),
    replace() {
      const old = window;
      if (!old || old.isDestroyed()) return;
      const placement = placementOf(old);
      inReplacement = true;
      try {
        window = null;
        old.destroy();
        open(placement);
      } finally {
        inReplacement = false;
      }
    },
    replacing: () => inReplacement,
    hideNow() {
      hidden = true;
      window?.minimize();
    },
    bringToFront() {
      hidden = false;
      if (!window || window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      if (!window.isVisible()) window.show();
      window.focus();
    },
  };
}
