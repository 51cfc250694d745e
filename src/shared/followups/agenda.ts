import { addDays, addMonths, dateOfDayNumber, dayNumber, dayNumberInZone, zonedInstant } from './dates';
import { followUpKinds, type FollowUpKind } from './kinds';
import type { FollowUp, FollowUpDue } from './schema';

/**
 * What the agenda's buckets, its kind filter and the unlock banner read of a follow-up: no title, period or
 * link (the rows drawn read those from their own records). The agenda summary keeps one per follow-up (summary.ts).
 */
export type AgendaItem = Pick<FollowUp, 'id' | 'caseId' | 'kind' | 'due' | 'repeat' | 'occurrencesDone' | 'snoozedUntil' | 'status' | 'statusChangedAt'>;

export const agendaBuckets = ['overdue', 'today', 'week', 'later', 'done'] as const;
export type AgendaBucket = (typeof agendaBuckets)[number];

/** The occurrence due now: the first due date, moved on by the occurrences already marked done. */
export function currentDue(followUp: Pick<FollowUp, 'due' | 'repeat' | 'occurrencesDone'>): FollowUpDue {
  const { due, repeat, occurrencesDone: n } = followUp;
  if (repeat === null || n === 0) return due;
  // Counted from the first date each time, so a monthly 31st comes back on the 31st after a short month.
  const date = repeat === 'monthly' ? addMonths(due.date, n) : addDays(due.date, n * (repeat === 'weekly' ? 7 : 14));
  return { ...due, date };
}

/** When a due date falls: its instant for a timed one; for a whole day, none (a day is the same day in every zone). */
export function dueInstant(due: FollowUpDue): number | null {
  return due.time === null || due.zone === null ? null : zonedInstant(due.date, due.time, due.zone);
}

export interface AgendaPlace {
  bucket: AgendaBucket;
  /** The day it is shown on, in the viewer's zone, and a key that orders follow-ups by when they are due. */
  day: string;
  sortKey: number;
}

/**
 * Where a follow-up stands at `now` for someone in `zone`: done (or cancelled), overdue, due today, within
 * the next seven days ("this week") or later. A snoozed reminder stands on its snooze day, as a whole day.
 * `today` (the day number in `zone` at `now`) can be given when placing many at once.
 */
export function agendaPlace(followUp: AgendaItem, now: number, zone: string, today = dayNumberInZone(now, zone)): AgendaPlace {
  return agendaPlacer(now, zone, today)(followUp);
}

export interface AgendaEntry<T extends AgendaItem> extends AgendaPlace {
  followUp: T;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * `agendaPlace` for many follow-ups at one `now` and zone: the zone lookups, day strings and due instants are
 * kept in number- and string-keyed maps for this one pass, so no key string or Date is made per follow-up
 * (at 50,000 they were most of the agenda's time, half of it the garbage collector's).
 */
function agendaPlacer(now: number, zone: string, today = dayNumberInZone(now, zone)): (followUp: AgendaItem) => AgendaPlace {
  const dates = new Map<number, string>();
  const daysOfInstants = new Map<number, number>();
  const instantsByZone = new Map<string, Map<string, Map<string, number>>>();
  const dateOf = (days: number): string => {
    let date = dates.get(days);
    if (date === undefined) dates.set(days, (date = dateOfDayNumber(days)));
    return date;
  };
  const instantOf = (date: string, time: string, dueZone: string): number => {
    let byDate = instantsByZone.get(dueZone);
    if (byDate === undefined) instantsByZone.set(dueZone, (byDate = new Map()));
    let byTime = byDate.get(date);
    if (byTime === undefined) byDate.set(date, (byTime = new Map()));
    let instant = byTime.get(time);
    if (instant === undefined) byTime.set(time, (instant = zonedInstant(date, time, dueZone)));
    return instant;
  };
  return (followUp) => {
    const due = currentDue(followUp);
    const timed = followUp.snoozedUntil === null && due.time !== null && due.zone !== null;
    let dayOf: number;
    let day: string;
    let sortKey: number;
    let instant = 0;
    if (timed) {
      instant = instantOf(due.date, due.time!, due.zone!);
      let days = daysOfInstants.get(instant);
      if (days === undefined) daysOfInstants.set(instant, (days = dayNumberInZone(instant, zone)));
      dayOf = days;
      day = dateOf(dayOf);
      sortKey = instant;
    } else {
      day = followUp.snoozedUntil ?? due.date;
      dayOf = dayNumber(day);
      sortKey = dayOf * 86_400_000;
    }
    if (followUp.status !== 'open') return { bucket: 'done', day, sortKey };
    const days = dayOf - today;
    const overdue = timed ? instant <= now : days < 0;
    return { bucket: overdue ? 'overdue' : days === 0 ? 'today' : days < 7 ? 'week' : 'later', day, sortKey };
  };
}

/** Follow-ups in their buckets, soonest first (done: the latest change first). */
export function buildAgenda<T extends AgendaItem>(followUps: readonly T[], now: number, zone: string): Record<AgendaBucket, AgendaEntry<T>[]> {
  const agenda: Record<AgendaBucket, AgendaEntry<T>[]> = { overdue: [], today: [], week: [], later: [], done: [] };
  const place = agendaPlacer(now, zone);
  for (const followUp of followUps) {
    const { bucket, day, sortKey } = place(followUp);
    // One object shape for every entry (a spread made several, and slowed every later read of them).
    const entry: AgendaEntry<T> = { bucket, day, sortKey, followUp };
    agenda[bucket].push(entry);
  }
  for (const bucket of agendaBuckets) {
    // ISO times in UTC order as strings do; localeCompare would cost more than the rest of the agenda.
    if (bucket === 'done') agenda.done.sort((a, b) => compareDesc(a.followUp.statusChangedAt ?? '', b.followUp.statusChangedAt ?? ''));
    else agenda[bucket].sort((a, b) => a.sortKey - b.sortKey);
  }
  return agenda;
}

/** The last agenda `agendaAt` built: its follow-ups, zone, day and time. */
let lastBuilt: { followUps: readonly AgendaItem[]; zone: string; today: number; now: number; agenda: Record<AgendaBucket, AgendaEntry<AgendaItem>[]> } | null = null;

/**
 * `buildAgenda`, reusing the last one built from the same follow-ups (the same array: the store hands out the
 * same one while the summary is unchanged) when only the clock moved on within the same day in the same zone
 * and nothing in "today" has fallen due since: then every follow-up stands where it stood (a day that does not
 * change moves nothing between buckets; only a timed one due today turns overdue). Opening the agenda again
 * then costs nothing for its buckets, where building them for 50,000 took 30 to 200 ms (docs/performance.md).
 */
export function agendaAt<T extends AgendaItem>(followUps: readonly T[], now: number, zone: string): Record<AgendaBucket, AgendaEntry<T>[]> {
  const today = dayNumberInZone(now, zone);
  const last = lastBuilt;
  if (last && last.followUps === followUps && last.zone === zone && last.today === today && now >= last.now) {
    const place = agendaPlacer(now, zone, today);
    if (last.agenda.today.every((entry) => place(entry.followUp).bucket === 'today')) return last.agenda as Record<AgendaBucket, AgendaEntry<T>[]>;
  }
  const agenda = buildAgenda(followUps, now, zone);
  lastBuilt = { followUps, zone, today, now, agenda };
  return agenda;
}

/**
 * The agenda split by kind, from one already built, in the same order: the buckets are computed once per
 * load (and minute), and a change of the kind filter only looks its kind up.
 */
export function agendaByKind<T extends AgendaItem>(agenda: Record<AgendaBucket, AgendaEntry<T>[]>): Record<FollowUpKind, Record<AgendaBucket, AgendaEntry<T>[]>> {
  const byKind = {} as Record<FollowUpKind, Record<AgendaBucket, AgendaEntry<T>[]>>;
  for (const kind of followUpKinds) byKind[kind] = { overdue: [], today: [], week: [], later: [], done: [] };
  for (const bucket of agendaBuckets) for (const entry of agenda[bucket]) byKind[entry.followUp.kind][bucket].push(entry);
  return byKind;
}

/**
 * The unlock banner's figures. A due date written in any zone falls on the same civil date, the day
 * before or the day after in the viewer's zone (offsets stay within a day), so a date two days or more
 * from today is decided by comparing the date strings; only the few near today need the zone rules.
 */
export function dueCounts(followUps: readonly AgendaItem[], now: number, zone: string): { overdue: number; today: number } {
  const counts = { overdue: 0, today: 0 };
  const today = dayNumberInZone(now, zone);
  const surelyPast = dateOfDayNumber(today - 2);
  const surelyLater = dateOfDayNumber(today + 2);
  for (const followUp of followUps) {
    if (followUp.status !== 'open') continue;
    const date = followUp.snoozedUntil ?? currentDue(followUp).date;
    if (date <= surelyPast) counts.overdue += 1;
    else if (date < surelyLater) {
      const { bucket } = agendaPlace(followUp, now, zone, today);
      if (bucket === 'overdue' || bucket === 'today') counts[bucket] += 1;
    }
  }
  return counts;
}

/** Marks the occurrence due now as done: a repeating follow-up moves on to its next occurrence and stays open. */
export function markDone(followUp: FollowUp, nowIso: string): FollowUp {
  const changed = { ...followUp, snoozedUntil: null, statusChangedAt: nowIso, updatedAt: nowIso };
  if (followUp.repeat !== null) return { ...changed, occurrencesDone: followUp.occurrencesDone + 1 };
  return { ...changed, status: 'done' };
}

export function reopen(followUp: FollowUp, nowIso: string): FollowUp {
  return { ...followUp, status: 'open', statusChangedAt: nowIso, updatedAt: nowIso };
}

/** Puts the reminder off to `date`; the deadline stays as it is. */
export function snooze(followUp: FollowUp, date: string, nowIso: string): FollowUp {
  return { ...followUp, snoozedUntil: date, updatedAt: nowIso };
}
