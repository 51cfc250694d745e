import { htcdsExploitationTypes, htcdsGenders, htcdsLabourIndustries, htcdsMethodsOfControl, htcdsSupportTypes } from './htcds';
import { ageGroups, type CaseProfile } from './schema';

export interface HtcdsFieldMapping {
  /** "Field Name including Prefix" in the HTCDS field standards, or null where HTCDS has no such field. */
  htcdsName: string | null;
  /** The CSV column: the HTCDS name, qualified where HTCDS needs a second field to say what it is. */
  column: string;
  /** Allowed values (HTCDS value names where htcdsName is set). */
  values?: readonly string[];
  /** Why the mapping is not one to one, where it is not. */
  note?: string;
}

/** Extension columns (no HTCDS field) carry this prefix, so no one mistakes them for HTCDS fields. */
export const extensionPrefix = 'wp_';

/**
 * Which HTCDS field each profile field is. Places are Historic Trafficking Events in HTCDS
 * (hte_Country with hte_Type Recruitment, Transit or Exploitation); a flat one-row-per-case export
 * names the event type in brackets.
 */
export const htcdsFields: Readonly<Record<keyof CaseProfile, HtcdsFieldMapping>> = {
  gender: { htcdsName: 'prs_Gender', column: 'prs_Gender', values: htcdsGenders },
  birthYear: {
    htcdsName: null,
    column: 'wp_BirthYear',
    note: 'HTCDS has prs_Birthdate (a full date); Waypoint keeps the year only, which is not a date.',
  },
  ageGroup: { htcdsName: null, column: 'wp_AgeGroup', values: ageGroups, note: 'HTCDS has no age band.' },
  identifiedOn: { htcdsName: null, column: 'wp_IdentifiedDate', note: 'HTCDS has no identification date.' },
  citizenship: { htcdsName: 'prs_Citizenship', column: 'prs_Citizenship', note: 'ISO 3166-1 alpha-2 codes.' },
  countriesOfOrigin: {
    htcdsName: null,
    column: 'wp_CountryOfOrigin',
    note: 'HTCDS has no country of origin; recruitment (hte_Type Recruitment) may have happened elsewhere.',
  },
  countriesOfTransit: { htcdsName: 'hte_Country', column: 'hte_Country[Transit]', note: 'hte_Country where hte_Type is Transit.' },
  countriesOfExploitation: {
    htcdsName: 'hte_Country',
    column: 'hte_Country[Exploitation]',
    note: 'hte_Country where hte_Type is Exploitation.',
  },
  exploitationTypes: { htcdsName: 'vic_TypeOfExploitation', column: 'vic_TypeOfExploitation', values: htcdsExploitationTypes },
  labourSector: { htcdsName: 'vic_ForcedLabourIndustry', column: 'vic_ForcedLabourIndustry', values: htcdsLabourIndustries },
  methodsOfControl: { htcdsName: 'vic_MethodsOfControl', column: 'vic_MethodsOfControl', values: htcdsMethodsOfControl },
  assistanceProvided: {
    htcdsName: 'spl_Type',
    column: 'spl_Type',
    values: htcdsSupportTypes,
    note: 'HTCDS records assistance as support plans, one per type; the export lists the types.',
  },
};
