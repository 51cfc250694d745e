import { writeCsv } from '../csv';
import type { HtcdsCaseStatus } from './htcds';
import { htcdsFields } from './mapping';
import type { CaseNote } from './notes';
import { ageGroupAtIdentification, isChildAtIdentification, type CaseProfile, type CaseRecord, type CaseStatus } from './schema';

/**
 * HTCDS case export: one row per case, columns named by HTCDS field ("Field Name including
 * Prefix"), wp_ columns where HTCDS has no field. Multi-value cells use ";" as HTCDS multiselect
 * picklists do. Column by column:
 *
 * | column                     | from                                   | de-identified        |
 * | -------------------------- | -------------------------------------- | -------------------- |
 * | wp_CaseCode                | code                                   | dropped              |
 * | wp_Alias                   | alias                                  | dropped              |
 * | cas_Status                 | status (open Active, referred ClosedReferred, closed Closed) | kept |
 * | cas_CaseOwner              | assignedTo                             | dropped              |
 * | cas_OutgoingReferralDate   | last change to "referred"              | month                |
 * | wp_Tags                    | tags                                   | dropped              |
 * | wp_CreatedDate             | createdAt                              | month                |
 * | wp_UpdatedDate             | updatedAt                              | month                |
 * | prs_Gender                 | profile.gender                         | kept                 |
 * | wp_BirthYear               | profile.birthYear                      | dropped              |
 * | wp_AgeGroup                | age band at identification             | kept                 |
 * | wp_IsChild                 | under 18 at identification (blank: unknown) | kept            |
 * | wp_IdentifiedDate          | profile.identifiedOn                   | month                |
 * | prs_Citizenship            | profile.citizenship                    | kept                 |
 * | wp_CountryOfOrigin         | profile.countriesOfOrigin              | kept                 |
 * | hte_Country[Transit]       | profile.countriesOfTransit             | kept                 |
 * | hte_Country[Exploitation]  | profile.countriesOfExploitation        | kept                 |
 * | vic_TypeOfExploitation     | profile.exploitationTypes              | kept                 |
 * | vic_ForcedLabourIndustry   | profile.labourSector                   | kept                 |
 * | vic_MethodsOfControl       | profile.methodsOfControl               | kept                 |
 * | spl_Type                   | profile.assistanceProvided             | kept                 |
 * | con_Consent                | consent.record                         | kept                 |
 * | wp_ConsentToRefer          | consent.refer                          | kept                 |
 * | wp_ConsentToShare          | consent.share                          | kept                 |
 * | cco_CaseComment            | the case's notes, oldest first         | dropped              |
 *
 * De-identified drops every free-text and name-like column (and the case code, which links a row
 * back to the record), coarsens dates to the month and gives the age band instead of the birth year.
 */
export const htcdsStatusOf: Readonly<Record<CaseStatus, HtcdsCaseStatus>> = {
  open: 'Active',
  referred: 'ClosedReferred',
  closed: 'Closed',
};

export interface HtcdsCsvOptions {
  deidentified: boolean;
  /** Notes to export as cco_CaseComment (ignored when de-identified). */
  notes?: readonly CaseNote[];
}

interface ExportContext {
  notes: readonly CaseNote[];
  date: (iso: string | null | undefined) => string;
}

interface Column {
  name: string;
  /** Free text, names and linkable codes: left out of a de-identified export. */
  identifying?: true;
  value: (record: CaseRecord, context: ExportContext) => string;
}

const list = (values: readonly string[]) => values.join(';');
const flag = (value: boolean | null) => (value === null ? '' : String(value));

function profileColumn(field: keyof CaseProfile, value: (profile: CaseProfile) => string): Column {
  return { name: htcdsFields[field].column, value: (record) => value(record.profile) };
}

const columns: readonly Column[] = [
  { name: 'wp_CaseCode', identifying: true, value: (record) => record.code },
  { name: 'wp_Alias', identifying: true, value: (record) => record.alias ?? '' },
  { name: 'cas_Status', value: (record) => htcdsStatusOf[record.status] },
  { name: 'cas_CaseOwner', identifying: true, value: (record) => record.assignedTo },
  {
    name: 'cas_OutgoingReferralDate',
    value: (record, { date }) => date(record.statusHistory.findLast((change) => change.status === 'referred')?.date),
  },
  { name: 'wp_Tags', identifying: true, value: (record) => list(record.tags) },
  { name: 'wp_CreatedDate', value: (record, { date }) => date(record.createdAt) },
  { name: 'wp_UpdatedDate', value: (record, { date }) => date(record.updatedAt) },
  profileColumn('gender', (profile) => profile.gender ?? ''),
  { ...profileColumn('birthYear', (profile) => (profile.birthYear === null ? '' : String(profile.birthYear))), identifying: true },
  { name: htcdsFields.ageGroup.column, value: (record) => ageGroupAtIdentification(record) ?? '' },
  { name: 'wp_IsChild', value: (record) => flag(isChildAtIdentification(record)) },
  { name: htcdsFields.identifiedOn.column, value: (record, { date }) => date(record.profile.identifiedOn) },
  profileColumn('citizenship', (profile) => list(profile.citizenship)),
  profileColumn('countriesOfOrigin', (profile) => list(profile.countriesOfOrigin)),
  profileColumn('countriesOfTransit', (profile) => list(profile.countriesOfTransit)),
  profileColumn('countriesOfExploitation', (profile) => list(profile.countriesOfExploitation)),
  profileColumn('exploitationTypes', (profile) => list(profile.exploitationTypes)),
  profileColumn('labourSector', (profile) => profile.labourSector ?? ''),
  profileColumn('methodsOfControl', (profile) => list(profile.methodsOfControl)),
  profileColumn('assistanceProvided', (profile) => list(profile.assistanceProvided)),
  { name: 'con_Consent', value: (record) => flag(record.consent.record) },
  { name: 'wp_ConsentToRefer', value: (record) => flag(record.consent.refer) },
  { name: 'wp_ConsentToShare', value: (record) => flag(record.consent.share) },
  {
    name: 'cco_CaseComment',
    identifying: true,
    value: (record, { notes }) =>
      notes
        .filter((note) => note.caseId === record.id)
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
        .map((note) => `${note.createdAt.slice(0, 10)}: ${note.text}`)
        .join('\n\n'),
  },
];

export function htcdsCsvColumns(deidentified: boolean): string[] {
  return columns.filter((column) => !(deidentified && column.identifying)).map((column) => column.name);
}

export function casesToHtcdsCsv(cases: readonly CaseRecord[], options: HtcdsCsvOptions): string {
  const { deidentified } = options;
  const context: ExportContext = {
    notes: deidentified ? [] : (options.notes ?? []),
    // ISO date-times are UTC, so their first 10 (or 7) characters are the UTC day (or month).
    date: (iso) => (iso ? iso.slice(0, deidentified ? 7 : 10) : ''),
  };
  const chosen = columns.filter((column) => !(deidentified && column.identifying));
  return writeCsv(
    chosen.map((column) => column.name),
    cases.map((record) => chosen.map((column) => column.value(record, context))),
  );
}
