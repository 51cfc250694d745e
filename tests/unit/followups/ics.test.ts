import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, followUpsToICalendar, zonedInstant, type FollowUp } from '@shared/followups';
import { followUp } from './fixtures';

const now = new Date('2026-03-01T09:00:00Z');
const neutral = { neutralTitle: 'Follow-up', includeTitles: false, now };
const marker = 'ZQXMARKER Hearing, court; room 4 \\ floor\nbring papers';

/** The file read back by an independent parser (ical.js, Mozilla's), as a calendar app would. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

function occurrences(event: ICAL.Event, count: number): ICAL.Time[] {
  const iterator = event.iterator();
  return Array.from({ length: count }, () => iterator.next()!);
}

describe('calendar file (.ics)', () => {
  const followUps: FollowUp[] = [
    followUp({ id: 'f-allday', caseId: 'case-secret', title: marker, kind: 'documentExpires', due: { date: '2026-03-20', time: null, zone: null } }),
    followUp({ id: 'f-timed', title: marker, kind: 'appointment', due: { date: '2026-03-20', time: '10:00', zone: 'Europe/Madrid' } }),
    followUp({ id: 'f-done', title: 'done one', status: 'done', statusChangedAt: '2026-03-02T09:00:00.000Z' }),
  ];

  it('by default calls every event only "Follow-up": no title, case, kind or note; done ones left out', () => {
    const ics = followUpsToICalendar(followUps, neutral);
    for (const secret of ['ZQXMARKER', 'case-secret', 'Hearing', 'documentExpires', 'appointment', 'done one']) expect(ics).not.toContain(secret);
    const events = parse(ics);
    expect(events.map((event) => event.summary)).toEqual(['Follow-up', 'Follow-up']);
    expect(events.map((event) => event.uid)).toEqual(['f-allday', 'f-timed']);
  });

  it('with titles asked for, carries each title escaped, and it reads back whole', () => {
    const ics = followUpsToICalendar(followUps, { ...neutral, includeTitles: true });
    expect(ics).toContain('ZQXMARKER Hearing\\, court\\; room 4 \\\\ floor\\nbring papers');
    expect(parse(ics)[0]!.summary).toBe(marker);
    expect(ics).not.toContain('case-secret');
  });

  it('a whole day is a date event; a timed one is at its wall-clock time in its own zone, across daylight saving', () => {
    const [allDay, timed] = parse(followUpsToICalendar(followUps, neutral));
    expect(allDay!.startDate.isDate).toBe(true);
    expect(allDay!.startDate.toString()).toBe('2026-03-20');
    expect(allDay!.endDate.toString()).toBe('2026-03-21');
    expect(timed!.startDate.zone.tzid).toBe('Europe/Madrid');
    expect(timed!.startDate.toUnixTime() * 1000).toBe(zonedInstant('2026-03-20', '10:00', 'Europe/Madrid'));

    // Weekly at 10:00 in Madrid, across the change to summer time on 29 March: still 10:00 there, 09:00 then 08:00 UTC.
    const weekly = followUp({ id: 'w', repeat: 'weekly', due: { date: '2026-03-20', time: '10:00', zone: 'Europe/Madrid' } });
    const [event] = parse(followUpsToICalendar([weekly], neutral));
    const instants = occurrences(event!, 3).map((time) => new Date(time.toUnixTime() * 1000).toISOString());
    expect(instants).toEqual(['2026-03-20T09:00:00.000Z', '2026-03-27T09:00:00.000Z', '2026-04-03T08:00:00.000Z']);
    // And in a zone south of the equator, where summer time ends in April.
    const sydney = followUp({ id: 's', repeat: 'weekly', due: { date: '2026-03-30', time: '09:30', zone: 'Australia/Sydney' } });
    const sydneyTimes = occurrences(parse(followUpsToICalendar([sydney], neutral))[0]!, 2).map((time) => time.toUnixTime() * 1000);
    expect(sydneyTimes).toEqual([zonedInstant('2026-03-30', '09:30', 'Australia/Sydney'), zonedInstant('2026-04-06', '09:30', 'Australia/Sydney')]);
  });

  it('repeats as RRULE from the occurrence due now: weekly, every two weeks, monthly on the last day of short months', () => {
    const dates = (f: FollowUp, count: number) => occurrences(parse(followUpsToICalendar([f], neutral))[0]!, count).map((time) => time.toString());
    expect(dates(followUp({ repeat: 'weekly', occurrencesDone: 1, due: { date: '2026-03-02', time: null, zone: null } }), 2)).toEqual(['2026-03-09', '2026-03-16']);
    expect(dates(followUp({ repeat: 'fortnightly', due: { date: '2026-03-02', time: null, zone: null } }), 3)).toEqual(['2026-03-02', '2026-03-16', '2026-03-30']);
    expect(dates(followUp({ repeat: 'monthly', due: { date: '2026-01-31', time: null, zone: null } }), 4)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(dates(followUp({ repeat: 'monthly', due: { date: '2027-12-30', time: null, zone: null } }), 4)).toEqual(['2027-12-30', '2028-01-30', '2028-02-29', '2028-03-30']);
    expect(dates(followUp({ repeat: 'monthly', due: { date: '2026-01-29', time: null, zone: null } }), 4)).toEqual(['2026-01-29', '2026-02-28', '2026-03-29', '2026-04-29']);
    // Due now on 28 February after one done, a 31st comes back on 31 March, as the agenda counts it.
    expect(dates(followUp({ repeat: 'monthly', occurrencesDone: 1, due: { date: '2026-01-31', time: null, zone: null } }), 3)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
    const timed = followUp({ repeat: 'monthly', due: { date: '2026-01-30', time: '09:00', zone: 'Europe/Madrid' } });
    expect(dates(timed, 3)).toEqual(['2026-01-30T09:00:00', '2026-02-28T09:00:00', '2026-03-30T09:00:00']);
    expect(dates(followUp({ repeat: 'monthly', due: { date: '2026-03-15', time: null, zone: null } }), 2)).toEqual(['2026-03-15', '2026-04-15']);
  });

  it('escapes TEXT and folds lines at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\r\ne\u0007')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'مرحبا '.repeat(20)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(long);
    const ics = followUpsToICalendar([followUp({ title: 'ü'.repeat(100) })], { ...neutral, includeTitles: true });
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(parse(ics)[0]!.summary).toBe('ü'.repeat(100));
  });
});
