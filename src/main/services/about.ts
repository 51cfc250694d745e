import type { DataFolderMode } from './data-folder';

/**
 * What Settings → About shows. Waypoint never checks for updates and makes no network request: the
 * About section says so, and names the licences of what it bundles (details in
 * resources/licenses/THIRD-PARTY.md, shipped inside the app).
 */
export interface BundledLicence {
  name: string;
  what: string;
  licence: string;
  licenceUrl: string;
  sourceUrl: string;
}

export interface AboutInfo {
  name: 'Waypoint';
  version: string;
  /** The build date as YYYY-MM-DD, or 'unknown' (e.g. a development run). */
  buildDate: string;
  dataFolder: string;
  dataFolderMode: DataFolderMode;
  /** One plain sentence about where data is kept, for the dialog. */
  dataFolderNote: string;
  updates: string;
  network: string;
  licences: readonly BundledLicence[];
  licencesFile: string;
}

export const BUNDLED_LICENCES: readonly BundledLicence[] = [
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

const modeNotes: Record<DataFolderMode, string> = {
  normal: 'Data is kept in your user profile on this computer.',
  portable: 'Portable mode: data is kept next to the app, e.g. on the USB stick it runs from.',
  override: 'Data is kept in the folder set by WAYPOINT_DATA_DIR.',
};

/** Accepts an ISO date or date-time and keeps the date; anything else reads 'unknown'. */
function dateOnly(value: string | undefined): string {
  const match = value ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value.trim()) : null;
  return match && !Number.isNaN(Date.parse(match[1]!)) ? match[1]! : 'unknown';
}

export function aboutInfo({ version, buildDate, dataFolder, mode }: { version: string; buildDate?: string; dataFolder: string; mode: DataFolderMode }): AboutInfo {
  return {
    name: 'Waypoint',
    version,
    buildDate: dateOnly(buildDate),
    dataFolder,
    dataFolderMode: mode,
    dataFolderNote: modeNotes[mode],
    updates: 'Waypoint does not update itself. To update, install a newer version; your data stays where it is.',
    network: 'Waypoint makes no network request of its own. Links open in your browser only when you click them.',
    licences: BUNDLED_LICENCES,
    licencesFile: 'resources/licenses/THIRD-PARTY.md',
  };
}
