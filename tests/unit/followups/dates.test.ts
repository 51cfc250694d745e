import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateInZone, isTimeZone, parseDate, periodEnd, timeInZone, zonedInstant } from '@shared/followups';

const utc = (iso: string) => Date.parse(iso);

describe('civil dates', () => {
  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('adds months keeping the day, or the month’s last day where it has none', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('ends a period of N days N days after its start, across month ends and 29 February', () => {
    expect(periodEnd('2026-03-01', 30)).toBe('2026-03-31');
    expect(periodEnd('2028-02-15', 30)).toBe('2028-03-16');
    expect(periodEnd('2027-02-15', 30)).toBe('2027-03-17');
    expect(periodEnd('2026-12-15', 30)).toBe('2027-01-14');
  });

  it('rejects dates that are not on the calendar', () => {
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('2026-1-01')).toBeNull();
  });
});

describe('times in a zone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('places a wall-clock time in Madrid on either side of its daylight saving changes', () => {
    expect(zonedInstant('2026-03-28', '10:00', 'Europe/Madrid')).toBe(utc('2026-03-28T09:00:00Z'));
    expect(zonedInstant('2026-03-29', '10:00', 'Europe/Madrid')).toBe(utc('2026-03-29T08:00:00Z'));
    expect(zonedInstant('2026-10-25', '10:00', 'Europe/Madrid')).toBe(utc('2026-10-25T09:00:00Z'));
  });

  it('moves a time the spring change skips forward, and takes the first of a time the autumn change repeats', () => {
    // Madrid: 29 March 2026 02:00 -> 03:00; 25 October 2026 03:00 -> 02:00.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Madrid')).toBe(utc('2026-03-29T01:30:00Z'));
    expect(timeInZone(utc('2026-03-29T01:30:00Z'), 'Europe/Madrid')).toBe('03:30');
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Madrid')).toBe(utc('2026-10-25T00:30:00Z'));
    // New York: 8 March 2026 02:00 -> 03:00; 1 November 2026 02:00 -> 01:00.
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York')).toBe(utc('2026-03-08T07:30:00Z'));
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
    expect(zonedInstant('2026-11-01', '03:00', 'America/New_York')).toBe(utc('2026-11-01T08:00:00Z'));
  });

  it('reads the civil date of an instant in the viewer’s zone', () => {
    const instant = utc('2026-03-29T22:30:00Z');
    expect(dateInZone(instant, 'Europe/Madrid')).toBe('2026-03-30');
    expect(dateInZone(instant, 'America/New_York')).toBe('2026-03-29');
    expect(dateInZone(utc('2028-02-29T23:59:59Z'), 'UTC')).toBe('2028-02-29');
  });
});
