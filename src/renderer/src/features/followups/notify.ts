/**
 * System notifications of follow-ups falling due. The page raises them itself, from the unlocked state
 * where it reads the dates anyway: main never holds a date, and a locked app (no page state, no key)
 * raises none. The text is one fixed sentence; a name, code or title never goes to the system, whose
 * notification centre keeps and shows it outside the vault.
 */
export interface NotifyState {
  /** Settings → System notifications (off by default). */
  enabled: boolean;
  unlocked: boolean;
  /** How many were overdue or due today at the last look; null at the first look after unlock (the banner tells then). */
  previousDue: number | null;
  due: number;
}

/** The text to show, or null: only when turned on, while unlocked, and when more have fallen due than at the last look. */
export function dueNotification(state: NotifyState, text: string): string | null {
  return state.enabled && state.unlocked && state.previousDue !== null && state.due > state.previousDue ? text : null;
}

/** Shows it through the web Notification API (Electron's and the browser's), if the system allows it. */
export function showSystemNotification(text: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // One at a time: a newer one replaces the last, so nothing piles up in the notification centre.
  new Notification(text, { tag: 'waypoint-due', silent: false });
}
