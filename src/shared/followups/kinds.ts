/**
 * The follow-ups' closed lists and the cheap check of a decrypted record, apart from the zod schema: the
 * record store keeps the agenda summary with them, and the store is in the first screen's JavaScript, where
 * zod is not.
 */
import type { FollowUp } from './schema';

export const followUpKinds = ['reflectionPeriodEnds', 'referralDecisionDue', 'appointment', 'documentExpires', 'referralToChase', 'checkIn', 'other'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export const followUpRepeats = ['weekly', 'fortnightly', 'monthly'] as const;
export type FollowUpRepeat = (typeof followUpRepeats)[number];

export const followUpStatuses = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/**
 * A cheap check of decrypted data, for reading every follow-up (the agenda, the case search): full
 * validation happens when a follow-up is written.
 */
export function isFollowUp(data: unknown): data is FollowUp {
  const f = data as Partial<FollowUp> | null;
  return (
    typeof f?.id === 'string' &&
    typeof f.caseId === 'string' &&
    typeof f.title === 'string' &&
    (followUpKinds as readonly unknown[]).includes(f.kind) &&
    (followUpStatuses as readonly unknown[]).includes(f.status) &&
    typeof f.due?.date === 'string' &&
    typeof f.occurrencesDone === 'number'
  );
}
