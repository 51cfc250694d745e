/**
 * The words a printed document uses. They are passed in (the renderer translates them with its own
 * i18n namespace 'export', key 'print'), so this module needs no i18n library. `{name}` marks a
 * value filled in at print time.
 */
export const englishPrintLabels = {
  confidential: 'Confidential',
  pageOf: 'Page {page} of {total}',
  printedOn: 'Printed on',
  caseCode: 'Case code',
  included: 'Included',
  notice: 'This document is confidential and is not encrypted. Keep it locked away, share it only as agreed with the person, and destroy it securely when it is no longer needed.',
  titles: {
    filledChecklist: 'Checklist',
    blankChecklist: 'Checklist for paper use',
    caseSummary: 'Case summary',
  },
  redaction: {
    full: 'Everything, including the alias and free-text notes',
    noAliasNoNotes: 'Without the alias and free-text notes',
    structureOnly: 'Structure only: which questions were answered, without the answers',
  },
  common: {
    yes: 'Yes',
    no: 'No',
    notRecorded: 'Not recorded',
    none: 'None',
  },
  case: {
    details: 'Case',
    alias: 'Alias',
    status: 'Status',
    statusHistory: 'Status history',
    assignedTo: 'Caseworker',
    tags: 'Tags',
    createdAt: 'Opened',
    updatedAt: 'Last changed',
    profile: 'What is known',
    profileOmitted: 'The details of the person are not included in this export.',
    gender: 'Gender',
    birthYear: 'Year of birth',
    ageGroup: 'Age group',
    identifiedOn: 'Identified on',
    citizenship: 'Citizenship',
    countriesOfOrigin: 'Countries of origin',
    countriesOfTransit: 'Countries of transit',
    countriesOfExploitation: 'Countries of exploitation',
    exploitationTypes: 'Types of exploitation',
    labourSector: 'Sector of work',
    methodsOfControl: 'Methods of control',
    assistanceProvided: 'Assistance provided',
    consent: 'Consent, as the person gave it',
    consentRecord: 'To this record being kept',
    consentRefer: 'To being referred to another service',
    consentShare: 'To information being shared with another organisation',
    notes: 'Notes',
    noNotes: 'No notes.',
    notesOmitted: 'Notes not included in this export: {count}.',
    edited: 'Edited; earlier wordings are kept in Waypoint.',
    files: 'Files',
    noFiles: 'No files.',
    filesOmitted: 'Files not named in this export: {count}.',
    fileWithNote: 'with the note of {date}',
    fileWithItem: 'with the checklist question {checklist}: {item}',
    fileUnlinked: 'no longer linked: its note or checklist question was deleted',
  },
  caseStatus: {
    open: 'Open',
    referred: 'Referred',
    closed: 'Closed',
  },
  checklist: {
    checklists: 'Checklists',
    noChecklists: 'No checklists.',
    status: 'Status',
    inProgress: 'In progress',
    completed: 'Completed',
    started: 'Started',
    updated: 'Last changed',
    version: 'Version',
    progress: '{answered} of {total} answered',
    answered: 'Answered',
    notAnswered: 'Not answered',
    withheld: 'Answered (the text is not included)',
    note: 'Note',
    unknown: 'Unknown',
    ticked: 'Ticked',
    notTicked: 'Not ticked',
    ifApplicable: 'If it applies',
    notesLine: 'Notes',
  },
  blank: {
    caseCode: 'Case code',
    date: 'Date',
    caseworker: 'Caseworker',
    dateHint: 'YYYY-MM-DD',
  },
  followUps: {
    title: 'Follow-ups',
    none: 'No follow-ups.',
    omitted: 'Follow-ups not included in this export: {count}.',
    titleWithheld: 'What to do is not included in this export.',
    status: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
    repeats: { weekly: 'repeats every week', fortnightly: 'repeats every two weeks', monthly: 'repeats every month' },
    snoozed: 'reminder put off to {date}',
  },
  screening: {
    title: 'Screening summary',
    act: 'Act',
    means: 'Means',
    purpose: 'Purpose',
    supported: 'Supported by answers',
    notSupported: 'Not supported by answers',
    notRequired: 'Not required (child rule)',
    childRule: 'The child rule applies: for a person under 18, the means element is not needed.',
    ageUncertain: 'Whether the person is under 18 is not recorded.',
    ilo: 'ILO indicators of forced labour present: {count} of {total}',
    disclaimer: 'This summary counts what the answers support. It is an aid to your judgment; it does not decide whether a person has been trafficked.',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * Every word of a printed document. `values` optionally names the HTCDS values (e.g.
 * `values.exploitationTypes.ForcedLabour`); a value without a name is shown spelled out from its
 * identifier ("Forced labour"). `followUpKinds` does the same for follow-up kinds.
 */
export type PrintLabels = Widen<typeof englishPrintLabels> & {
  values?: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>;
  /** The names of the follow-up kinds (the follow-ups feature's own); a kind without one is spelled out. */
  followUpKinds?: Readonly<Record<string, string>>;
};

/** Fills `{name}` placeholders. */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
