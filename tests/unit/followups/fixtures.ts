import type { FollowUp } from '@shared/followups';

export function followUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'f1',
    caseId: 'c1',
    kind: 'checkIn',
    title: 'Call about the appointment',
    due: { date: '2026-03-20', time: null, zone: null },
    period: null,
    repeat: null,
    occurrencesDone: 0,
    snoozedUntil: null,
    status: 'open',
    statusChangedAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}
