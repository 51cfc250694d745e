/** What Waypoint bundles under whose licence; Settings → About lists these (details: resources/licenses/THIRD-PARTY.md). */
export interface BundledLicence {
  name: string;
  what: string;
  licence: string;
  licenceUrl: string;
  sourceUrl: string;
}

export const bundledLicences: readonly BundledLicence[] = [
  {
    name: 'Open Referral Human Services Data Specification (HSDS) 3.0',
    what: 'the data format and schema of the bundled directory',
    licence: 'CC BY-SA 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
    sourceUrl: 'https://github.com/openreferral/specification',
  },
  {
    name: 'IOM Human Trafficking Case Data Standard (HTCDS) 2.0',
    what: 'the field names and code lists of case exports',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    sourceUrl: 'https://github.com/UNMigration/HTCDS',
  },
  {
    name: 'Noto Sans, Noto Sans Arabic, Noto Sans Thai',
    what: 'fonts used in printed and PDF documents',
    licence: 'SIL Open Font License 1.1',
    licenceUrl: 'https://openfontlicense.org/',
    sourceUrl: 'https://github.com/notofonts',
  },
];
