/**
 * Cheap shape checks on decrypted data, shared by the page and the text-index worker. Full schema
 * validation of 10,000 cases and their notes and checklists would cost the list its first paint.
 */
import { caseStatuses, type CaseChecklist, type CaseNote, type CaseRecord } from '@shared/cases';
import type { RecordResult } from '../../db';

export function isCaseRecord(data: unknown): data is CaseRecord {
  const record = data as Partial<CaseRecord> | null;
  return (
    typeof record?.id === 'string' &&
    typeof record.code === 'string' &&
    (caseStatuses as readonly unknown[]).includes(record.status) &&
    Array.isArray(record.statusHistory) &&
    Array.isArray(record.tags) &&
    typeof record.profile === 'object' &&
    record.profile !== null &&
    typeof record.consent === 'object'
  );
}

export function isNote(data: unknown): data is CaseNote {
  const note = data as Partial<CaseNote> | null;
  return typeof note?.id === 'string' && typeof note.caseId === 'string' && typeof note.text === 'string' && Array.isArray(note.history);
}

export function isChecklist(data: unknown): data is CaseChecklist {
  const checklist = data as Partial<CaseChecklist> | null;
  return typeof checklist?.caseId === 'string' && typeof checklist.instance === 'object' && checklist.instance !== null;
}

/** The data of the results that decrypted and pass `check`. */
export function readable<T>(results: readonly RecordResult<unknown>[], check: (data: unknown) => data is T): T[] {
  const values: T[] = [];
  for (const result of results) if (!result.error && check(result.data)) values.push(result.data);
  return values;
}
