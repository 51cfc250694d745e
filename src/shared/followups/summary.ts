import type { AgendaItem } from './agenda';
import { fromBase64, toBase64 } from '../base64';
import { dateOfDayNumber, dayNumber, isDate, isTime } from './dates';
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
 * The summary's items as fixed-width columns packed into one buffer (base64 in the record): a day number per
 * date, minutes for a time, milliseconds for an instant, small integers for kind, status and repeat, an index
 * into `cases` and `zones` (each kept once). Decoding 50,000 is a few typed-array reads each, where parsing them
 * as JSON values took hundreds of milliseconds (docs/performance.md). An item with a value these columns would
 * not give back exactly (a date or instant not in its canonical form: `isFollowUp` does not check them) is kept
 * whole in `odd` instead, so every item comes back as it went in.
 */
interface PackedAgenda {
  cases: string[];
  zones: string[];
  packed: string;
  /** [position, the item without its id] for the items the columns cannot hold. */
  odd: [number, Omit<AgendaItem, 'id'>][];
}

/**
 * Bytes per item, column by column in this order (each column starts aligned to its width), in the device's byte
 * order: the summary never leaves the device (not backed up, not synced; each side makes its own).
 */
const bytesPerItem = 8 + 4 * 5 + 2 + 3;
const noDay = -0x80000000;
const noByte = 0xff;
/** The range of a JavaScript Date, in milliseconds and in days either side of 1970. */
const maxInstant = 8.64e15;
const isDayInRange = (days: number): boolean => Math.abs(days) <= 1e8;

interface Columns {
  changed: Float64Array;
  caseOf: Uint32Array;
  date: Int32Array;
  zoneOf: Int32Array;
  done: Uint32Array;
  snoozed: Int32Array;
  time: Int16Array;
  kind: Uint8Array;
  status: Uint8Array;
  repeat: Uint8Array;
}

function columnsOf(buffer: ArrayBuffer, n: number): Columns {
  return {
    changed: new Float64Array(buffer, 0, n),
    caseOf: new Uint32Array(buffer, 8 * n, n),
    date: new Int32Array(buffer, 12 * n, n),
    zoneOf: new Int32Array(buffer, 16 * n, n),
    done: new Uint32Array(buffer, 20 * n, n),
    snoozed: new Int32Array(buffer, 24 * n, n),
    time: new Int16Array(buffer, 28 * n, n),
    kind: new Uint8Array(buffer, 30 * n, n),
    status: new Uint8Array(buffer, 31 * n, n),
    repeat: new Uint8Array(buffer, 32 * n, n),
  };
}

/** The day number of a date in its canonical form (the one `dateOfDayNumber` gives back); null for any other text. */
function canonicalDay(date: string): number | null {
  if (!isDate(date)) return null;
  const days = dayNumber(date);
  return dateOfDayNumber(days) === date ? days : null;
}

function canonicalInstant(iso: string): number | null {
  const time = Date.parse(iso);
  return Number.isFinite(time) && new Date(time).toISOString() === iso ? time : null;
}

function minutesOf(time: string): number | null {
  if (!isTime(time)) return null;
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return timeOfMinutes(minutes) === time ? minutes : null;
}

const timeOfMinutes = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

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

/** The items (in the order of the ids the store keeps beside them) packed as columns. */
export function encodeAgendaItems(items: readonly AgendaItem[]): PackedAgenda {
  const n = items.length;
  const buffer = new ArrayBuffer(n * bytesPerItem);
  const c = columnsOf(buffer, n);
  const cases = indexer();
  const zones = indexer();
  const odd: PackedAgenda['odd'] = [];
  items.forEach((item, i) => {
    const date = canonicalDay(item.due.date);
    const time = item.due.time === null ? -1 : minutesOf(item.due.time);
    const snoozed = item.snoozedUntil === null ? noDay : canonicalDay(item.snoozedUntil);
    const changed = item.statusChangedAt === null ? Number.NaN : canonicalInstant(item.statusChangedAt);
    const done = item.occurrencesDone;
    const fits =
      date !== null &&
      time !== null &&
      (time === -1) === (item.due.zone === null) &&
      snoozed !== null &&
      changed !== null &&
      Number.isInteger(done) &&
      done >= 0 &&
      done <= 0xffffffff;
    c.caseOf[i] = cases.of(item.caseId);
    c.kind[i] = followUpKinds.indexOf(item.kind);
    c.status[i] = followUpStatuses.indexOf(item.status);
    if (!fits) {
      const { id: _id, ...rest } = item;
      odd.push([i, rest]);
      // The columns' own values say nothing here; a case index that exists keeps them well-formed.
      c.repeat[i] = noByte;
      c.zoneOf[i] = -1;
      c.time[i] = -1;
      c.snoozed[i] = noDay;
      c.changed[i] = Number.NaN;
      return;
    }
    c.changed[i] = changed;
    c.date[i] = date;
    c.zoneOf[i] = item.due.zone === null ? -1 : zones.of(item.due.zone);
    c.done[i] = done;
    c.snoozed[i] = snoozed;
    c.time[i] = time;
    c.repeat[i] = item.repeat === null ? noByte : followUpRepeats.indexOf(item.repeat);
  });
  return { cases: cases.values, zones: zones.values, packed: toBase64(new Uint8Array(buffer)), odd };
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isOddItem(value: unknown): value is Omit<AgendaItem, 'id'> {
  const item = value as Partial<AgendaItem> | null;
  return (
    typeof item === 'object' &&
    item !== null &&
    isString(item.caseId) &&
    (followUpKinds as readonly unknown[]).includes(item.kind) &&
    (followUpStatuses as readonly unknown[]).includes(item.status) &&
    typeof item.due === 'object' &&
    item.due !== null &&
    isString(item.due.date) &&
    (item.due.time === null || isString(item.due.time)) &&
    (item.due.zone === null || isString(item.due.zone)) &&
    (item.repeat === null || (followUpRepeats as readonly unknown[]).includes(item.repeat)) &&
    typeof item.occurrencesDone === 'number' &&
    (item.snoozedUntil === null || isString(item.snoozedUntil)) &&
    (item.statusChangedAt === null || isString(item.statusChangedAt))
  );
}

/**
 * Items back from the packed columns, one per id; null when they are not a whole, well-formed summary of that
 * many (the store then rebuilds it from the records): every index is checked against what it points into.
 */
export function decodeAgendaItems(encoded: unknown, ids: readonly string[]): AgendaItem[] | null {
  const e = encoded as Partial<Record<keyof PackedAgenda, unknown>> | null;
  const n = ids.length;
  if (typeof e !== 'object' || e === null || !Array.isArray(e.cases) || !Array.isArray(e.zones) || !Array.isArray(e.odd) || !isString(e.packed)) return null;
  const { cases, zones, odd } = e as { cases: unknown[]; zones: unknown[]; odd: unknown[] };
  if (!cases.every(isString) || !zones.every(isString)) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(e.packed as string);
  } catch {
    return null;
  }
  if (bytes.length !== n * bytesPerItem) return null;
  const c = columnsOf(bytes.buffer as ArrayBuffer, n);
  const items = new Array<AgendaItem>(n);
  for (const entry of odd) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [at, item] = entry as [unknown, unknown];
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= n || items[at] !== undefined || !isOddItem(item)) return null;
    const { caseId, kind, due, repeat, occurrencesDone, snoozedUntil, status, statusChangedAt } = item;
    items[at] = { id: ids[at]!, caseId, kind, due: { date: due.date, time: due.time, zone: due.zone }, repeat, occurrencesDone, snoozedUntil, status, statusChangedAt };
  }
  // Many items share a date, time or case: each string is made once.
  const dates = new Map<number, string>();
  const dateOf = (days: number): string => {
    let date = dates.get(days);
    if (date === undefined) dates.set(days, (date = dateOfDayNumber(days)));
    return date;
  };
  const times: string[] = [];
  for (let i = 0; i < n; i++) {
    if (items[i] !== undefined) continue;
    const caseId = cases[c.caseOf[i]!] as string | undefined;
    const kind = followUpKinds[c.kind[i]!];
    const status = followUpStatuses[c.status[i]!];
    const repeatAt = c.repeat[i]!;
    const repeat = repeatAt === noByte ? null : followUpRepeats[repeatAt];
    const zoneAt = c.zoneOf[i]!;
    const zone = zoneAt === -1 ? null : (zones[zoneAt] as string | undefined);
    const minutes = c.time[i]!;
    const changed = c.changed[i]!;
    const snoozed = c.snoozed[i]!;
    const date = c.date[i]!;
    if (
      caseId === undefined ||
      kind === undefined ||
      status === undefined ||
      repeat === undefined ||
      zone === undefined ||
      minutes < -1 ||
      minutes >= 24 * 60 ||
      (minutes === -1) !== (zone === null) ||
      !(Number.isNaN(changed) || Math.abs(changed) <= maxInstant) ||
      !isDayInRange(date) ||
      !(snoozed === noDay || isDayInRange(snoozed))
    ) {
      return null;
    }
    items[i] = {
      id: ids[i]!,
      caseId,
      kind,
      due: { date: dateOf(date), time: minutes === -1 ? null : (times[minutes] ??= timeOfMinutes(minutes)), zone },
      repeat,
      occurrencesDone: c.done[i]!,
      snoozedUntil: snoozed === noDay ? null : dateOf(snoozed),
      status,
      statusChangedAt: Number.isNaN(changed) ? null : new Date(changed).toISOString(),
    };
  }
  return items;
}
