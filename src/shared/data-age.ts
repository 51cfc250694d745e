/**
 * How old a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) is. A partial date stands for its whole period and
 * counts from that period's last day, so "2023" is not called older than three years until the end of 2026:
 * the app never says a source or the bundled data is older than it can know.
 */

function lastDayOf(iso: string): Date | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return new Date(Date.UTC(Number(year), 11, 31));
  if (day === undefined) return new Date(Date.UTC(Number(year), Number(month), 0));
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** True when `iso` (read as the last day it can mean) is more than `months` calendar months before `now`. */
export function olderThanMonths(iso: string, months: number, now: Date): boolean {
  const date = lastDayOf(iso);
  if (date === null) return false;
  const limit = new Date(date);
  limit.setUTCMonth(limit.getUTCMonth() + months);
  return now.getTime() > limit.getTime();
}

/** After this long, the app says the bundled directory and legal data may be out of date. */
export const bundledDataMaxAgeMonths = 12;

/** A record whose newest source is older than this says so. */
export const sourceMaxAgeMonths = 36;
