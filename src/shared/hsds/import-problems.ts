/**
 * What can be wrong with an HSDS import, as stable codes with the values their text needs. The shared code
 * says what went wrong; the interface says it in the person's language (directory locales,
 * `import.problems.<code>`, with the same placeholders). `describeProblem` gives an English line for logs
 * and tests, from the same English texts the interface shows.
 */

/** Every code, with the names of the values its text uses (the placeholders of its translations). */
export const importProblemValues = {
  // Choosing and reading files
  notZip: [],
  zipTooLarge: ['limit'],
  zipSizeMismatch: [],
  nothingToRead: [],
  wrongFileType: [],
  notText: [],
  tooLarge: ['limit'],
  tooManyFiles: ['limit'],
  duplicateFile: [],
  missingFile: ['file'],
  expectedFileName: [],
  invalidJson: [],
  invalidJsonAt: ['line', 'column'],
  invalidJsonEnd: [],
  // Shape of JSON
  notHsds: [],
  unknownRecord: [],
  expectedList: [],
  expectedObject: [],
  tooManyRecords: ['limit'],
  tooDeep: ['limit'],
  // CSV
  csvEmpty: [],
  csvUnclosedQuote: [],
  csvTextAfterQuote: [],
  fieldCount: ['found', 'expected'],
  tooManyRows: ['limit'],
  duplicateColumn: [],
  // A field's value, as the schema checks it
  required: [],
  expectedText: [],
  expectedNumber: [],
  expectedBoolean: [],
  notAllowed: ['allowed'],
  tooShort: ['min'],
  tooLong: ['max'],
  notUuid: [],
  notEmail: [],
  notUrl: [],
  notDate: [],
  invalidValue: [],
  // Ids and references between records
  duplicateId: [],
  duplicateIdRow: ['row'],
  duplicateIdAt: ['path'],
  noService: [],
  noLocation: [],
  noOrganization: [],
  noOrganizationInImport: [],
  noServiceAtLocation: [],
  noPhone: [],
  unknownConfidence: ['value'],
  nothingToImport: [],
} as const satisfies Record<string, readonly string[]>;

export type ImportProblemCode = keyof typeof importProblemValues;

export const importProblemCodes = Object.keys(importProblemValues) as ImportProblemCode[];

type ValuesFor<C extends ImportProblemCode> = (typeof importProblemValues)[C] extends readonly []
  ? { code: C; values?: undefined }
  : { code: C; values: { [K in (typeof importProblemValues)[C][number]]: string | number } };

/** What is wrong: a code, and the values its text names (a number, a file name, a list of allowed values...). */
export type ProblemDetail = { [C in ImportProblemCode]: ValuesFor<C> }[ImportProblemCode];

/** Where it is wrong. */
export interface ProblemPlace {
  file: string;
  /** Spreadsheet row in a CSV file: the header is row 1, the first record row 2. */
  row?: number;
  /** Where in a JSON file, e.g. "contents[0].phones[1]". */
  path?: string;
  field?: string;
}

export type ImportProblem = ProblemPlace & ProblemDetail;

/**
 * The English texts, the same as `import.problems` in the directory's en.json (a unit test keeps them
 * equal). Used for logs and tests; the interface reads its locale files.
 */
export const englishProblemTexts: Record<ImportProblemCode, string> = {
  notZip: 'This is not a readable zip file.',
  zipTooLarge: 'Unpacked, the files in this zip would be larger than {{limit}} MB, more than Waypoint can import at once. Nothing was unpacked beyond that.',
  zipSizeMismatch: 'A file in this zip unpacks to a different size than the zip declares: the zip is damaged, or made to overload the app.',
  nothingToRead: 'There is no JSON or CSV file to read.',
  wrongFileType: 'Choose a .json file, a .zip file or a folder.',
  notText: 'This is not a text file.',
  tooLarge: 'This is larger than {{limit}} characters, more than Waypoint can import at once.',
  tooManyFiles: 'The package has more than {{limit}} files.',
  duplicateFile: 'This file appears twice in the package.',
  missingFile: 'This lists {{file}}, which is not in the package.',
  expectedFileName: 'Expected the file name of a table here.',
  invalidJson: 'This is not valid JSON.',
  invalidJsonAt: 'This is not valid JSON: the first error is at line {{line}}, column {{column}}.',
  invalidJsonEnd: 'This is not valid JSON: the text ends too early, as if it had been cut off.',
  notHsds: 'Expected an HSDS record or a list of them.',
  unknownRecord: 'This is not an HSDS service, organization, service_at_location or location.',
  expectedList: 'Expected a list here.',
  expectedObject: 'Expected an object (a record in braces) here.',
  tooManyRecords: 'There are more than {{limit}} records and sub-records, more than Waypoint can import at once.',
  tooDeep:
    'Records are nested more than {{limit}} deep here (a service inside a service_at_location inside a service, and so on), deeper than any HSDS file needs. Waypoint does not read it.',
  csvEmpty: 'The file is empty: it has no header row.',
  csvUnclosedQuote: 'A quoted field is never closed: a " is missing.',
  csvTextAfterQuote: 'There is text after a closing quote. A " inside a field must be doubled ("").',
  fieldCount: 'Fields in this row: {{found}}. Fields in the header: {{expected}}.',
  tooManyRows: 'There are more than {{limit}} rows, more than Waypoint can import at once.',
  duplicateColumn: 'This column appears twice in the header.',
  required: 'This field must have a value.',
  expectedText: 'This field must be text.',
  expectedNumber: 'This field must be a number.',
  expectedBoolean: 'This field must be true or false.',
  notAllowed: 'This value is not allowed here. Allowed values: {{allowed}}.',
  tooShort: 'This value is too short: at least {{min}} characters.',
  tooLong: 'This value is too long: at most {{max}} characters.',
  notUuid: 'This is not a valid UUID.',
  notEmail: 'This is not a valid e-mail address.',
  notUrl: 'This is not a valid web address.',
  notDate: 'This is not a valid date.',
  invalidValue: 'This value is not valid.',
  duplicateId: 'This id is already used earlier in the file.',
  duplicateIdRow: 'This id is already used in row {{row}}.',
  duplicateIdAt: 'This id is already used at {{path}}.',
  noService: 'No service has this id.',
  noLocation: 'No location has this id.',
  noOrganization: 'No organization has this id, in this import or in your directory.',
  noOrganizationInImport: 'No organization in this import has this id.',
  noServiceAtLocation: 'No service_at_location has this id.',
  noPhone: 'No phone has this id.',
  unknownConfidence: 'The confidence "{{value}}" is not one Waypoint knows.',
  nothingToImport: 'There are no services or organizations to import.',
};

/** An English text with its `{{name}}` placeholders filled in from `values` (those not given are left as they are). */
export function fillEnglishText(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The problem's text in English, values filled in. */
export function problemMessage(problem: ProblemDetail): string {
  return fillEnglishText(englishProblemTexts[problem.code], problem.values);
}

/** One English line naming the place and the problem, e.g. `services.csv row 3, field "name": This field must have a value.` */
export function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.file,
    problem.row === undefined ? '' : ` row ${problem.row}`,
    problem.path ? ` at ${problem.path}` : '',
    problem.field === undefined ? '' : `, field "${problem.field}"`,
  ].join('');
  return `${where}: ${problemMessage(problem)}`;
}

/**
 * The code for a JSON.parse error, with the line and column when the engine names a position
 * (V8: "... in JSON at position 8", newer ones also "(line 1 column 9)").
 */
export function jsonSyntaxProblem(text: string, error: unknown): ProblemDetail {
  const message = error instanceof Error ? error.message : '';
  if (/unexpected end of json input/i.test(message)) return { code: 'invalidJsonEnd' };
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { code: 'invalidJsonAt', values: { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } };
  const position = /position (\d+)/i.exec(message);
  if (position) {
    const at = Number(position[1]);
    if (at >= text.length) return { code: 'invalidJsonEnd' };
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return { code: 'invalidJsonAt', values: { line, column: at - before.lastIndexOf('\n') } };
  }
  return { code: 'invalidJson' };
}

/** The subset of a schema validator's issue (zod 4) that says what is wrong. */
export interface SchemaIssue {
  code: string;
  expected?: unknown;
  values?: readonly unknown[];
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
}

const formatCodes: Record<string, ProblemDetail> = {
  guid: { code: 'notUuid' },
  uuid: { code: 'notUuid' },
  email: { code: 'notEmail' },
  url: { code: 'notUrl' },
  date: { code: 'notDate' },
  datetime: { code: 'notDate' },
};

const typeCodes: Record<string, ProblemDetail> = {
  string: { code: 'expectedText' },
  number: { code: 'expectedNumber' },
  int: { code: 'expectedNumber' },
  boolean: { code: 'expectedBoolean' },
  array: { code: 'expectedList' },
  object: { code: 'expectedObject' },
};

/**
 * A validator's issue as one of a handful of codes. `missing` is true when the field has no value at all,
 * which is always "required", whatever type the schema asked for.
 */
export function schemaProblem(issue: SchemaIssue, missing: boolean): ProblemDetail {
  if (missing) return { code: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return typeCodes[String(issue.expected)] ?? { code: 'invalidValue' };
    case 'invalid_value':
      return { code: 'notAllowed', values: { allowed: (issue.values ?? []).map(String).join(', ') } };
    case 'too_small':
      if (issue.origin !== 'string') return { code: 'invalidValue' };
      return Number(issue.minimum) <= 1 ? { code: 'required' } : { code: 'tooShort', values: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string' ? { code: 'tooLong', values: { max: Number(issue.maximum) } } : { code: 'invalidValue' };
    case 'invalid_format':
      return formatCodes[String(issue.format)] ?? { code: 'invalidValue' };
    default:
      return { code: 'invalidValue' };
  }
}
