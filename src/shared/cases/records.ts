import { z } from 'zod';
import { checklistInstanceSchema } from '../checklists/answers';
import { idPattern } from '../checklists/schema';
import type { CaseNote } from './notes';
import type { CaseRecord } from './schema';

export const checklistStatuses = ['inProgress', 'completed'] as const;
export type ChecklistStatus = (typeof checklistStatuses)[number];

/**
 * A checklist filled in for a case: the instance (with its template snapshot) plus the case it
 * belongs to and whether the caseworker has marked it complete.
 */
export const caseChecklistSchema = z.strictObject({
  caseId: z.string().max(80).regex(idPattern),
  status: z.enum(checklistStatuses),
  instance: checklistInstanceSchema,
});
export type CaseChecklist = z.infer<typeof caseChecklistSchema>;

export const recordKinds = ['case', 'note', 'checklist'] as const;
export type RecordKind = (typeof recordKinds)[number];

/**
 * The lookup fields of each kind of record: the store keeps each as a keyed tag (an HMAC under the
 * index key), never as its value, and keeps the values themselves inside the ciphertext. Only the
 * lookups the app makes get one (a case's notes, a case's checklists); anything else, such as a
 * case's status or an opening date, is read from the decrypted records (docs/records-format.md).
 */
export const recordIndexFields = {
  case: [],
  note: ['caseId'],
  checklist: ['caseId'],
} as const satisfies Record<RecordKind, readonly string[]>;

export interface RecordIndexValues {
  case: Record<string, never>;
  note: { caseId: string };
  checklist: { caseId: string };
}

export function caseIndexValues(_record: CaseRecord): RecordIndexValues['case'] {
  return {};
}

export function noteIndexValues(note: CaseNote): RecordIndexValues['note'] {
  return { caseId: note.caseId };
}

export function checklistIndexValues(checklist: CaseChecklist): RecordIndexValues['checklist'] {
  return { caseId: checklist.caseId };
}
