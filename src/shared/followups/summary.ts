import type { AgendaItem } from './agenda';
import { followUpKinds, followUpRepeats, followUpStatuses } from './kinds';
import type { FollowUp } from './schema';

/** What the agenda summary keeps of a follow-up. */
export function agendaItemOf(followUp: FollowUp): AgendaItem {
  const { id, caseId, kind, due, repeat, occurrencesDone, snoozedUntil, status, statusChangedAt } = followUp;
  return { id, caseId, kind, due: { date: due.date, time: due.time, zone: due.zone }, repeat, occurrencesDone, snoozedUntil, status, statusChangedAt };
}

/** Whether a follow-up's record says what the summary says of it: the agenda checks every row it draws. */
export function matchesAgendaItem(followUp: FollowUp, item: AgendaItem): boolean {
  const kept = agendaItemOf(followUp);
  return (
    kept.id === item.id &&
    kept.caseId === item.caseId &&
    kept.kind === item.kind &&
    kept.due.date === item.due.date &&
    kept.due.time === item.due.time &&
    kept.due.zone === item.due.zone &&
    kept.repeat === item.repeat &&
    kept.occurrencesDone === item.occurrencesDone &&
    kept.snoozedUntil === item.snoozedUntil &&
    kept.status === item.status &&
    kept.statusChangedAt === item.statusChangedAt
  );
}

/**
 * The summary's items in columns (ids apart: the store keeps them), case ids and zones once each with an index
 * per item: at 50,000 follow-ups about a third of the JSON objects' size, and parsed faster.
 */
interface AgendaColumns {
  cases: string[];
  caseOf: number[];
  kind: number[];
  date: string[];
  time: (string | null)[];
  zones: string[];
  /** -1: no zone (a whole day). */
  zoneOf: number[];
  /** -1: no repeat. */
  repeat: number[];
  done: number[];
  snoozed: (string | null)[];
  status: number[];
  changed: (string | null)[];
}

function indexer(): { of: (value: string) => number; values: string[] } {
  const positions = new Map<string, number>();
  const values: string[] = [];
  return {
    values,
    of: (value) => {
      let at = positions.get(value);
      if (at === undefined) positions.set(value, (at = values.push(value) - 1));
      return at;
    },
  };
}

/** The items (in the order of the ids the store keeps beside them) as columns. */
export function encodeAgendaItems(items: readonly AgendaItem[]): AgendaColumns {
  const cases = indexer();
  const zones = indexer();
  const columns: AgendaColumns = {
    cases: cases.values,
    caseOf: [],
    kind: [],
    date: [],
    time: [],
    zones: zones.values,
    zoneOf: [],
    repeat: [],
    done: [],
    snoozed: [],
    status: [],
    changed: [],
  };
  for (const item of items) {
    columns.caseOf.push(cases.of(item.caseId));
    columns.kind.push(followUpKinds.indexOf(item.kind));
    columns.date.push(item.due.date);
    columns.time.push(item.due.time);
    columns.zoneOf.push(item.due.zone === null ? -1 : zones.of(item.due.zone));
    columns.repeat.push(item.repeat === null ? -1 : followUpRepeats.indexOf(item.repeat));
    columns.done.push(item.occurrencesDone);
    columns.snoozed.push(item.snoozedUntil);
    columns.status.push(followUpStatuses.indexOf(item.status));
    columns.changed.push(item.statusChangedAt);
  }
  return columns;
}

const isArrayOf = (value: unknown, length: number): value is unknown[] => Array.isArray(value) && value.length === length;

/**
 * Items back from columns, one per id; null when the columns are not a whole, well-formed summary of that many
 * (the store then rebuilds it from the records). Each value is checked as cheaply as `isFollowUp` checks a record.
 */
export function decodeAgendaItems(encoded: unknown, ids: readonly string[]): AgendaItem[] | null {
  const c = encoded as Partial<Record<keyof AgendaColumns, unknown>> | null;
  const n = ids.length;
  if (typeof c !== 'object' || c === null || !Array.isArray(c.cases) || !Array.isArray(c.zones)) return null;
  const { cases, zones } = c as { cases: unknown[]; zones: unknown[] };
  const { caseOf, kind, date, time, zoneOf, repeat, done, snoozed, status, changed } = c;
  if (![caseOf, kind, date, time, zoneOf, repeat, done, snoozed, status, changed].every((column) => isArrayOf(column, n))) return null;
  const items = new Array<AgendaItem>(n);
  for (let i = 0; i < n; i++) {
    const caseId = cases[(caseOf as number[])[i]!];
    const itemKind = followUpKinds[(kind as number[])[i]!];
    const itemStatus = followUpStatuses[(status as number[])[i]!];
    const zoneAt = (zoneOf as number[])[i]!;
    const zone = zoneAt === -1 ? null : zones[zoneAt];
    const repeatAt = (repeat as number[])[i]!;
    const itemRepeat = repeatAt === -1 ? null : followUpRepeats[repeatAt];
    const itemDate = (date as unknown[])[i];
    const itemTime = (time as unknown[])[i];
    const occurrencesDone = (done as unknown[])[i];
    const snoozedUntil = (snoozed as unknown[])[i];
    const statusChangedAt = (changed as unknown[])[i];
    if (
      typeof caseId !== 'string' ||
      itemKind === undefined ||
      itemStatus === undefined ||
      (zone !== null && typeof zone !== 'string') ||
      itemRepeat === undefined ||
      typeof itemDate !== 'string' ||
      (itemTime !== null && typeof itemTime !== 'string') ||
      typeof occurrencesDone !== 'number' ||
      (snoozedUntil !== null && typeof snoozedUntil !== 'string') ||
      (statusChangedAt !== null && typeof statusChangedAt !== 'string')
    ) {
      return null;
    }
    items[i] = {
      id: ids[i]!,
      caseId,
      kind: itemKind,
      due: { date: itemDate, time: itemTime, zone },
      repeat: itemRepeat,
      occurrencesDone,
      snoozedUntil,
      status: itemStatus,
      statusChangedAt,
    };
  }
  return items;
}
