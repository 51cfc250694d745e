/**
 * Dates and numbers in the interface language, through the standard Intl APIs only. Kept free of
 * i18next and React so the unit tests run it as it is.
 */

/** A date written as YYYY, YYYY-MM or YYYY-MM-DD, at the precision it has ("2016", "November 2016"). */
export function formatPartialDate(iso: string, language: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const options: Intl.DateTimeFormatOptions = month === undefined ? { year: 'numeric' } : day === undefined ? { year: 'numeric', month: 'long' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1))));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with the language's separators ("12,345" in English, "12 345" in French). */
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
}
