import { caseCodePattern } from './schema';

/**
 * The next pseudonymous case code for a year: `WP-<year>-<sequence>`, the sequence one above the
 * highest already used that year (gaps left by deleted cases are not reused, so a code never
 * comes to mean a different person). Codes that do not follow the pattern are ignored.
 */
export function nextCaseCode(existingCodes: Iterable<string>, year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have four digits, got ${year}`);
  let highest = 0;
  for (const code of existingCodes) {
    const match = caseCodePattern.exec(code);
    if (match && Number(match[1]) === year) highest = Math.max(highest, Number(match[2]));
  }
  return `WP-${year}-${String(highest + 1).padStart(4, '0')}`;
}
