import { useEffect } from 'react';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without keyboard or pointer activity, and when the page comes back after
 * being hidden for longer than that (the browser preview's stand-in for sleep and screen lock).
 */
export function useAutoLock(minutes: number, onIdle: () => void): void {
  useEffect(() => {
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let hiddenSince: number | null = null;
    const markActive = () => (lastActivity = Date.now());
    const check = () => {
      if (Date.now() - lastActivity >= limit) onIdle();
    };
    const onVisibility = () => {
      if (document.hidden) {
        hiddenSince = Date.now();
      } else if (hiddenSince !== null) {
        if (Date.now() - hiddenSince >= limit) onIdle();
        hiddenSince = null;
      }
    };
    for (const name of activityEvents) window.addEventListener(name, markActive, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(check, Math.min(5_000, limit / 4));
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, markActive, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(timer);
    };
  }, [minutes, onIdle]);
}
