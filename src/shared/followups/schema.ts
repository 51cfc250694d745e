import { z } from 'zod';
import { idPattern } from '../checklists/schema';
import { isDate, isTime, isTimeZone, periodEnd } from './dates';
import { followUpKinds, followUpRepeats, followUpStatuses } from './kinds';

export const followUpLimits = { titleChars: 200, periodDays: 3650, occurrences: 100_000 } as const;

const recordId = z.string().max(80).regex(idPattern);
const isoDateTime = z.iso.datetime();
const civilDate = z.string().refine(isDate, 'expected YYYY-MM-DD');

/**
 * When a follow-up is due: a whole day (`time` and `zone` null), or a time of day in an IANA zone, so a
 * hearing at 10:00 in Madrid stays at 10:00 in Madrid whatever zone the laptop is in and across daylight
 * saving changes.
 */
export const followUpDueSchema = z
  .strictObject({
    date: civilDate,
    time: z.string().refine(isTime, 'expected HH:MM').nullable(),
    zone: z.string().refine(isTimeZone, 'not an IANA time zone').nullable(),
  })
  .refine((due) => (due.time === null) === (due.zone === null), 'a time needs its zone, and a zone its time');
export type FollowUpDue = z.infer<typeof followUpDueSchema>;

/** What a follow-up is about on its case: one note, or one item of one checklist (by ids only; the texts stay in their own records). */
export const followUpLinkSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('note'), noteId: recordId }),
  z.strictObject({ type: z.literal('checklistItem'), checklistId: recordId, itemId: recordId }),
]);
export type FollowUpLink = z.infer<typeof followUpLinkSchema>;

/** A follow-up on a case: a deadline, an appointment or a reminder, in the caseworker's words. */
export const followUpSchema = z
  .strictObject({
    id: recordId,
    caseId: recordId,
    kind: z.enum(followUpKinds),
    title: z.string().trim().min(1).max(followUpLimits.titleChars),
    due: followUpDueSchema,
    /** For a period (a recovery and reflection period): its first day and length, from which `due` was computed. */
    period: z.strictObject({ start: civilDate, days: z.int().min(1).max(followUpLimits.periodDays) }).nullable(),
    repeat: z.enum(followUpRepeats).nullable(),
    /** Occurrences of a repeating follow-up marked done so far; the one due now is the next. */
    occurrencesDone: z.int().min(0).max(followUpLimits.occurrences),
    /** The reminder is put off to this day; the deadline itself (`due`) does not move. */
    snoozedUntil: civilDate.nullable(),
    status: z.enum(followUpStatuses),
    statusChangedAt: isoDateTime.nullable(),
    /** Optional; follow-ups written before links existed have none. */
    link: followUpLinkSchema.nullable().optional(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .refine((f) => f.period === null || (f.due.time === null && f.due.date === periodEnd(f.period.start, f.period.days)), {
    message: 'a period ends on its start date plus its days',
    path: ['due'],
  });
export type FollowUp = z.infer<typeof followUpSchema>;
