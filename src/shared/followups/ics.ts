/*
 * Follow-ups as an iCalendar file (RFC 5545), written here in the few lines it needs: a calendar on a
 * phone or laptop imports it. The file is not encrypted and lands where a trafficker may look, so by
 * default every event is called only by the neutral title given (a translated "Follow-up"): no title in
 * the caseworker's words, no case code, alias, kind or note. Titles go in only when asked for.
 */
import { currentDue } from './agenda';
import { addDays, daysInMonth, offsetMs, zonedInstant } from './dates';
import type { FollowUpRepeat } from './kinds';
import type { FollowUp } from './schema';

export interface CalendarOptions {
  /** The summary of every event when titles are left out: "Follow-up" in the caseworker's language. */
  neutralTitle: string;
  /** Put each follow-up's own title in its event (the caseworker chose to, after a warning). */
  includeTitles: boolean;
  now: Date;
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  // Other control characters are not allowed in TEXT at all.
  return [...escaped].filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f').join('');
}

/** Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    // The first line holds 75 octets; each next one starts with a space, so 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replaceAll('-', '');
const pad = (value: number) => String(value).padStart(2, '0');

function utcStamp(instant: number): string {
  const d = new Date(instant);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function offsetText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** How many years of Februaries a monthly 29th or 30th carries as extra dates, and of zone rules a repeating event carries. */
const repeatYears = 10;

/**
 * The repeat as RRULE (with RDATE where RRULE alone cannot say it). Waypoint keeps a monthly 29th, 30th
 * or 31st on a short month's last day: a 31st is the month's last day (BYMONTHDAY=-1); a 29th or 30th
 * repeats on its day, and each February without it gets its last day as an extra date, for ten years
 * (BYSETPOS would say it in one rule, but calendars and parsers read it differently).
 */
function repeatLines(repeat: FollowUpRepeat, firstDate: string, date: string, time: string | null, zone: string | null): string[] {
  if (repeat === 'weekly') return ['RRULE:FREQ=WEEKLY'];
  if (repeat === 'fortnightly') return ['RRULE:FREQ=WEEKLY;INTERVAL=2'];
  // The day of the first due date: a 31st due now on 28 February comes back on 31 March.
  const day = Number(firstDate.slice(8, 10));
  if (day <= 28) return ['RRULE:FREQ=MONTHLY'];
  if (day === 31) return ['RRULE:FREQ=MONTHLY;BYMONTHDAY=-1'];
  const year = Number(date.slice(0, 4));
  const februaries = Array.from({ length: repeatYears }, (_, i) => year + i)
    .map((y) => ({ y, last: daysInMonth(y, 2) }))
    .filter(({ y, last }) => last < day && `${y}-02-${String(last)}` > date)
    .map(({ y, last }) => `${y}02${String(last)}`);
  const extra =
    time !== null && zone !== null ? `RDATE;TZID=${zone}:${februaries.map((d) => `${d}T${time.replace(':', '')}00`).join(',')}` : `RDATE;VALUE=DATE:${februaries.join(',')}`;
  return [`RRULE:FREQ=MONTHLY;BYMONTHDAY=${day}`, ...(februaries.length > 0 ? [extra] : [])];
}

/**
 * The zone's rules as a VTIMEZONE: one sub-component per offset change between the years given, found
 * with the same Intl data the agenda uses (a day at a time, then to the minute).
 */
function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const changes: { at: number; from: number; to: number }[] = [];
  let before = offsetMs(start, zone);
  for (let day = start + 86_400_000; day <= end; day += 86_400_000) {
    const after = offsetMs(day, zone);
    if (after === before) continue;
    let low = day - 86_400_000;
    let high = day;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMs(middle, zone) === before) low = middle;
      else high = middle;
    }
    changes.push({ at: high, from: before, to: after });
    before = after;
  }
  const first = offsetMs(start, zone);
  const lowest = Math.min(first, ...changes.map((change) => change.to));
  const part = (at: number, from: number, to: number) => {
    const kind = to > lowest ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the local time before the change (RFC 5545 3.6.5).
    return [`BEGIN:${kind}`, `DTSTART:${utcStamp(at + from)}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`];
  };
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...part(start, first, first), ...changes.flatMap((change) => part(change.at, change.from, change.to)), 'END:VTIMEZONE'];
}

/**
 * Open follow-ups as a calendar, each at the occurrence due now: a whole day as a date event, a timed one
 * at its wall-clock time in its own zone (TZID, with the zone's rules), so it stays at 10:00 in Madrid
 * across daylight saving changes; repeats as RRULE. Done and cancelled ones are left out.
 */
export function followUpsToICalendar(followUps: readonly FollowUp[], options: CalendarOptions): string {
  const stamp = `${utcStamp(options.now.getTime())}Z`;
  const events: string[][] = [];
  const zones = new Map<string, { from: number; to: number }>();
  for (const followUp of followUps) {
    if (followUp.status !== 'open') continue;
    const due = currentDue(followUp);
    const summary = options.includeTitles ? followUp.title : options.neutralTitle;
    const lines = ['BEGIN:VEVENT', `UID:${followUp.id}`, `DTSTAMP:${stamp}`];
    if (due.time === null || due.zone === null) {
      lines.push(`DTSTART;VALUE=DATE:${compactDate(due.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(due.date, 1))}`);
    } else {
      const year = Number(due.date.slice(0, 4));
      const span = zones.get(due.zone) ?? { from: year, to: year };
      zones.set(due.zone, { from: Math.min(span.from, year), to: Math.max(span.to, year + (followUp.repeat ? repeatYears : 0)) });
      // The wall-clock time, an hour long, in its zone.
      const end = zonedInstant(due.date, due.time, due.zone) + 3_600_000;
      const endWall = end + offsetMs(end, due.zone);
      lines.push(`DTSTART;TZID=${due.zone}:${compactDate(due.date)}T${due.time.replace(':', '')}00`, `DTEND;TZID=${due.zone}:${utcStamp(endWall)}`);
    }
    if (followUp.repeat) lines.push(...repeatLines(followUp.repeat, followUp.due.date, due.date, due.time, due.zone));
    lines.push(`SUMMARY:${escapeText(summary)}`, 'END:VEVENT');
    events.push(lines);
  }
  const timezones = [...zones].flatMap(([zone, span]) => vtimezone(zone, span.from, span.to));
  const all = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Waypoint//Follow-ups//EN', 'CALSCALE:GREGORIAN', ...timezones, ...events.flat(), 'END:VCALENDAR'];
  return `${all.map(foldLine).join('\r\n')}\r\n`;
}
