/**
 * What the unlock banner and the agenda read first: the agenda summary (db/summaries.ts), one record instead of
 * every follow-up. Apart from data.ts, which brings the zod schema with it: the banner is drawn with the shell,
 * in the first screen's code, and starts this read beside the case list's.
 */
import type { AgendaItem } from '@shared/followups/agenda';
// The modules, not db/index.ts: the store's code loads with the unlock screen, apart from the first screen's.
import type { WaypointStore } from '../../db/records';
import type { SummaryReadOptions } from '../../db/store';
import { agendaSummary } from '../../db/summaries';

/** Dispatched on window after a follow-up is saved or deleted here, so the banner counts again at once. */
export const followUpsChangedEvent = 'waypoint:follow-ups-changed';

export interface AgendaItems {
  items: readonly AgendaItem[];
  unreadable: readonly string[];
  /** Whether the summary had to be made again from the follow-ups (it did not match them). */
  rebuilt: boolean;
}

/** Every follow-up's dates, kind, status and case, from one record (the agenda summary; options: SummaryReadOptions). */
export async function readAgendaItems(store: WaypointStore, options: SummaryReadOptions = {}): Promise<AgendaItems> {
  const { entries, unreadable, rebuilt } = await store.readSummary(agendaSummary, options);
  return { items: entries, unreadable, rebuilt };
}
