/**
 * The one CSV writer: RFC 4180 (fields quoted when they hold a quote, comma or line break, quotes doubled,
 * CRLF line ends), every cell guarded against formula injection. The case export, the HSDS package export
 * and the number-report correction list all write through it; the HSDS importer reads back with
 * `unguardCell`.
 */

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"), also after
// apostrophes, which `guardCell` adds and `unguardCell` takes away.
const formulaStart = /^'*[=+\-@\t\r]/;
const guardedStart = /^'+[=+\-@\t\r]/;

/** Prefixes an apostrophe, which makes a spreadsheet show the cell as text, to a cell it would run as a formula. */
export function guardCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** Removes the apostrophe `guardCell` (or a spreadsheet user) put before a formula character: undoes exactly `guardCell`. */
export function unguardCell(value: string): string {
  return guardedStart.test(value) ? value.slice(1) : value;
}

const needsQuotes = /[",\r\n]/;

/** One CSV field: guarded, then quoted when it must be. */
function csvField(value: string): string {
  const safe = guardCell(value);
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV file: the header, then one line per record, each line ended by CRLF. */
export function writeCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((record) => record.map(csvField).join(',')).join('\r\n') + '\r\n';
}
