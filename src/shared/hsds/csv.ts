import type { ProblemDetail } from './import-problems';

/**
 * The RFC 4180 CSV reader of the HSDS tabular package, the only CSV Waypoint reads, small enough to audit
 * (a library parser such as papaparse could replace it behind this function). What it reads back was
 * written by shared/csv.ts; cells come back guarded, and the importer takes the guard off (`unguardCell`).
 */

export interface CsvTable {
  header: string[];
  /** Data records only, blank lines dropped. */
  records: string[][];
  /** The spreadsheet row of each record (the header is row 1). */
  rows: number[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; row: number; problem: ProblemDetail };

/**
 * Parses CSV text. Accepts CRLF or LF line ends and a leading byte-order mark; a quoted field may span lines.
 * Rows are counted as a spreadsheet counts them (the header is row 1), so a record that spans lines is one row.
 */
export function parseCsv(text: string, maxRecords: number): CsvResult {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.length;
  // A field that was quoted, even if empty, counts as present: `""` on its own line is one empty field.
  let fieldStarted = false;

  const endRecord = (): boolean => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
    fieldStarted = false;
    return rows.length <= maxRecords + 1;
  };

  while (at < end) {
    const char = text[at];
    if (char === '"' && field === '' && !fieldStarted) {
      // Quoted field: runs to the next quote not doubled.
      const startRow = rows.length + 1;
      at++;
      let closed = false;
      while (at < end) {
        const next = text.indexOf('"', at);
        if (next === -1) break;
        field += text.slice(at, next);
        if (text[next + 1] === '"') {
          field += '"';
          at = next + 2;
        } else {
          at = next + 1;
          closed = true;
          break;
        }
      }
      if (!closed) return { ok: false, row: startRow, problem: { code: 'csvUnclosedQuote' } };
      fieldStarted = true;
      const after = text[at];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
        return { ok: false, row: rows.length + 1, problem: { code: 'csvTextAfterQuote' } };
      }
      continue;
    }
    if (char === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      at++;
    } else if (char === '\n' || char === '\r') {
      at += char === '\r' && text[at + 1] === '\n' ? 2 : 1;
      if (!endRecord()) return { ok: false, row: rows.length, problem: { code: 'tooManyRows', values: { limit: maxRecords } } };
    } else {
      // Plain run up to the next delimiter, read in one slice for speed.
      let stop = at;
      while (stop < end) {
        const c = text.charCodeAt(stop);
        if (c === 44 || c === 10 || c === 13) break;
        stop++;
      }
      field += text.slice(at, stop);
      fieldStarted = true;
      at = stop;
    }
  }
  if (field !== '' || fieldStarted || row.length > 0) {
    if (!endRecord()) return { ok: false, row: rows.length, problem: { code: 'tooManyRows', values: { limit: maxRecords } } };
  }

  const [header, ...lines] = rows;
  if (header === undefined) return { ok: false, row: 1, problem: { code: 'csvEmpty' } };
  const records: string[][] = [];
  const recordRows: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const record = lines[i]!;
    // A blank line yields one empty field; skip it rather than report a field count mismatch.
    if (record.length === 1 && record[0] === '' && header.length > 1) continue;
    if (record.length !== header.length) {
      return { ok: false, row: i + 2, problem: { code: 'fieldCount', values: { found: record.length, expected: header.length } } };
    }
    records.push(record);
    recordRows.push(i + 2);
  }
  return { ok: true, table: { header, records, rows: recordRows } };
}
