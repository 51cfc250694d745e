import type { AgendaEntry, AgendaItem } from '@shared/followups/agenda';
import { followUpKinds, type FollowUpKind } from '@shared/followups/kinds';

/** What the agenda's kind filter shows: every kind, or one. */
export type AgendaView = FollowUpKind | 'all';

export const agendaViews: readonly AgendaView[] = ['all', ...followUpKinds];

export interface DrawnRow<T extends AgendaItem> {
  entry: AgendaEntry<T>;
  /** The views whose first rows it is among, space-separated (the row's `data-in`, which agenda.module.css reads). */
  views: string;
}

/**
 * The rows of one bucket the agenda draws: for every view (all kinds, and each kind), its first rows, `limit(view)`
 * of them; each row once, in the bucket's order, with the views it is shown in. A choice in the kind filter then
 * only changes which are shown (an attribute of the list, read by CSS), and draws no row. One walk of the bucket,
 * which stops once every view has its rows.
 */
export function drawnRows<T extends AgendaItem>(bucket: readonly AgendaEntry<T>[], limit: (view: AgendaView) => number): DrawnRow<T>[] {
  const allLimit = limit('all');
  const kindLimits = new Map(followUpKinds.map((kind) => [kind, limit(kind)]));
  const taken = new Map(followUpKinds.map((kind) => [kind, 0]));
  let kindsLeft = followUpKinds.filter((kind) => kindLimits.get(kind)! > 0).length;
  const rows: DrawnRow<T>[] = [];
  for (let at = 0; at < bucket.length && (at < allLimit || kindsLeft > 0); at++) {
    const entry = bucket[at]!;
    const kind = entry.followUp.kind;
    const inAll = at < allLimit;
    const count = taken.get(kind)!;
    const inKind = count < kindLimits.get(kind)!;
    if (inKind) {
      taken.set(kind, count + 1);
      if (count + 1 === kindLimits.get(kind)) kindsLeft -= 1;
    }
    if (inAll || inKind) rows.push({ entry, views: inAll && inKind ? `all ${kind}` : inAll ? 'all' : kind });
  }
  return rows;
}
