import { writeCsv } from '@shared/csv';
import type { DirectoryEntry } from '@shared/hsds/directory';
import type { MergedDirectory, NumberReport } from './data';

/** The columns of the correction list, for whoever maintains the shipped directory data. */
export const correctionColumns = ['reported_on', 'number', 'service', 'country', 'service_id', 'source', 'note'] as const;

type Directory = Pick<MergedDirectory, 'entries' | 'origins' | 'shippedEntryIds'>;

/**
 * The rows of the correction list: reports on numbers of the shipped directory only. Reports on the person's
 * own or imported entries are left out: those are theirs, may name places that must stay confidential, and
 * nobody upstream maintains them.
 */
export function correctionRows(reports: readonly NumberReport[], directory: Directory): string[][] {
  const entries = new Map<string, DirectoryEntry>(directory.entries.map((entry) => [entry.id, entry]));
  return reports.flatMap((report) => {
    const entry = entries.get(report.entryId);
    if (entry === undefined || !directory.shippedEntryIds.has(entry.id) || directory.origins.has(entry.id)) return [];
    return [[report.date, report.number, entry.name, entry.countries.join(' '), entry.id, entry.sources[0] ?? '', report.note]];
  });
}

/** The correction list as CSV; writeCsv guards every cell against formula injection. */
export function correctionListCsv(reports: readonly NumberReport[], directory: Directory): string {
  return writeCsv(correctionColumns, correctionRows(reports, directory));
}
