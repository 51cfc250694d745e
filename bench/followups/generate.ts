/** The bench's follow-ups: the same ones in every run, in Node (./index.ts) and in the page (./seed.ts). */
import { followUpKinds, type FollowUp } from '../../src/shared/followups';

const zones = ['Europe/Madrid', 'America/New_York', 'Africa/Lagos', 'Asia/Manila'];

export function followUpsForBench(count: number): FollowUp[] {
  // A fixed linear congruential sequence: the same follow-ups in every run.
  let state = 17;
  const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(start + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
    const timed = random() < 0.4;
    const zone = zones[i % zones.length]!;
    return {
      id: `f${i}`,
      caseId: `c${i % 10_000}`,
      kind: followUpKinds[i % followUpKinds.length]!,
      title: `Follow-up ${i}`,
      due: { date, time: timed ? '10:30' : null, zone: timed ? zone : null },
      period: null,
      repeat: random() < 0.2 ? 'weekly' : null,
      occurrencesDone: 0,
      snoozedUntil: null,
      status: random() < 0.3 ? 'done' : 'open',
      statusChangedAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
  });
}
