/*
 * Calendar arithmetic for follow-ups, without a date library: civil dates (YYYY-MM-DD, no zone) are
 * counted as days since 1970-01-01, and a wall-clock time in an IANA zone is turned into an instant with
 * the zone rules Intl carries (the same ICU data in Node and Chromium). Date objects are only used in UTC,
 * so the device's own zone never leaks into a result.
 */

const dayMs = 86_400_000;

/** Memos below keep at most this many answers each, then start again. */
const memoLimit = 100_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseDate(value: string): CivilDate | null {
  const match = datePattern.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isDate(value: string): boolean {
  return parseDate(value) !== null;
}

export function isTime(value: string): boolean {
  return timePattern.test(value);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatDate({ year, month, day }: CivilDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function mustParse(value: string): CivilDate {
  const date = parseDate(value);
  if (!date) throw new RangeError(`not a calendar date: ${value}`);
  return date;
}

const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of a civil date. */
export function dayNumber(value: string): number {
  let days = dayNumbers.get(value);
  if (days === undefined) {
    const { year, month, day } = mustParse(value);
    days = Date.UTC(year, month - 1, day) / dayMs;
    if (dayNumbers.size >= memoLimit) dayNumbers.clear();
    dayNumbers.set(value, days);
  }
  return days;
}

export function dateOfDayNumber(days: number): string {
  const date = new Date(days * dayMs);
  return formatDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

export function addDays(value: string, days: number): string {
  return dateOfDayNumber(dayNumber(value) + days);
}

/** Adds calendar months, keeping the day of the month where it exists and the month's last day where not (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(value: string, months: number): string {
  const { year, month, day } = mustParse(value);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return formatDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/**
 * The end of a period of `days` days that starts on `start`: the start date plus `days`. A legal minimum
 * says "at least N days", so N whole days pass between the start and the end (1 March + 30 days = 31 March).
 */
export function periodEnd(start: string, days: number): string {
  return addDays(start, days);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    zoneFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Intl's zone lookups cost tens of microseconds each, and the agenda makes several per follow-up: the
 * answers are kept, per zone and minute (no zone changes its offset within a minute), up to a bound.
 */
const wallClocks = new Map<string, number>();
const instants = new Map<string, number>();

function remembered(memo: Map<string, number>, key: string, compute: () => number): number {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= memoLimit) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}

/** The wall clock in `zone` at `instant` (ms since the epoch), as if it were UTC. */
function wallClockMs(instant: number, zone: string): number {
  const minute = Math.floor(instant / 60_000);
  return remembered(wallClocks, `${zone}|${minute}`, () => wallClockOfMinute(minute * 60_000, zone)) + (instant - minute * 60_000);
}

function wallClockOfMinute(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of zoneFormatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** How far the clocks in `zone` are ahead of UTC at `instant`, in ms. */
export function offsetMs(instant: number, zone: string): number {
  return wallClockMs(instant, zone) - instant;
}

/**
 * The instant at which the clocks in `zone` show `date` `time`. Where the clocks skip that time (the
 * spring change), it is moved forward by the gap (02:30 becomes 03:30); where they show it twice (the
 * autumn change), the earlier one is meant. The same choice as Temporal's "compatible".
 */
export function zonedInstant(date: string, time: string, zone: string): number {
  return remembered(instants, `${zone}|${date}|${time}`, () => computeZonedInstant(date, time, zone));
}

function computeZonedInstant(date: string, time: string, zone: string): number {
  if (!isTime(time)) throw new RangeError(`not a time: ${time}`);
  const [hour, minute] = time.split(':').map(Number);
  const wall = dayNumber(date) * dayMs + (hour ?? 0) * 3_600_000 + (minute ?? 0) * 60_000;
  const before = offsetMs(wall - dayMs, zone);
  const after = offsetMs(wall + dayMs, zone);
  const fits = [wall - before, wall - after].filter((instant) => wallClockMs(instant, zone) === wall);
  if (fits.length > 0) return Math.min(...fits);
  return wall - before;
}

/** The day number (see `dayNumber`) of the civil date in `zone` at `instant`. */
export function dayNumberInZone(instant: number, zone: string): number {
  return Math.floor(wallClockMs(instant, zone) / dayMs);
}

/** The civil date in `zone` at `instant`. */
export function dateInZone(instant: number, zone: string): string {
  return dateOfDayNumber(dayNumberInZone(instant, zone));
}

/** The wall-clock time (HH:MM) in `zone` at `instant`. */
export function timeInZone(instant: number, zone: string): string {
  const minutes = Math.floor((wallClockMs(instant, zone) % dayMs) / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
