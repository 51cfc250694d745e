import { useEffect } from 'react';

const PRESSES = 3;
const WINDOW_MS = 1500;

/**
 * Escape pressed three times within 1.5 s, from anywhere — open dialogs included: the listener
 * runs in the capture phase, before any component can stop the event.
 */
export function useQuickExitShortcut(onQuickExit: () => void): void {
  useEffect(() => {
    let presses: number[] = [];
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp;
      presses = [...presses.filter((time) => now - time < WINDOW_MS), now];
      if (presses.length >= PRESSES) {
        presses = [];
        onQuickExit();
      }
    }
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [onQuickExit]);
}
