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
 * The fields each kind of record may carry in plaintext beside its ciphertext, for the encrypted
 * store (`{ id, kind, updatedAt, ...indexFields, iv, ciphertext }`). Only opaque ids, dates and
 * statuses: the case code stays inside the blob, because it appears on paper (referral forms,
 * printed checklists) and would link a seized disk to those papers. Dates are epoch milliseconds
 * so range queries sort correctly whatever the precision of the ISO text.
 */
export const recordIndexFields = {
  case: ['status', 'createdAt'],
  note: ['caseId', 'createdAt'],
  checklist: ['caseId', 'templateId', 'status'],
} as const satisfies Record<RecordKind, readonly string[]>;

export interface RecordIndexValues {
  case: { status: CaseRecord['status']; createdAt: number };
  note: { caseId: string; createdAt: number };
  checklist: { caseId: string; templateId: string; status: ChecklistStatus };
}

export function caseIndexValues(record: CaseRecord): RecordIndexValues['case'] {
  return { status: record.status, createdAt: Date.parse(record.createdAt) };
}

export function noteIndexValues(note: CaseNote): RecordIndexValues['note'] {
  return { caseId: note.caseId, createdAt: Date.parse(note.createdAt) };
}

export function checklistIndexValues(checklist: CaseChecklist): RecordIndexValues['checklist'] {
  return { caseId: checklist.caseId, templateId: checklist.instance.templateId, status: checklist.status };
}
