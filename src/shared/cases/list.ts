import { caseStatuses, type CaseRecord, type CaseStatus } from './schema';

/** Most recently updated first; the case code breaks ties so the order is stable. Returns a new array. */
export function sortCasesByUpdated<T extends Pick<CaseRecord, 'updatedAt' | 'code'>>(cases: readonly T[]): T[] {
  return cases
    .map((record) => ({ record, updatedMs: Date.parse(record.updatedAt) }))
    .sort((a, b) => b.updatedMs - a.updatedMs || (a.record.code < b.record.code ? -1 : a.record.code > b.record.code ? 1 : 0))
    .map(({ record }) => record);
}

/** How many cases have each status, every status present (zero when none). */
export function countCasesByStatus(cases: readonly Pick<CaseRecord, 'status'>[]): Record<CaseStatus, number> {
  const counts = Object.fromEntries(caseStatuses.map((status) => [status, 0])) as Record<CaseStatus, number>;
  for (const record of cases) counts[record.status] += 1;
  return counts;
}
