/*
 * The agenda's own work over 50,000 follow-ups (10,000 cases, five each), in Node: sorting them into
 * buckets as the agenda's first screen does (once per load), picking from those buckets after a change
 * of its kind filter (the page splits them by kind once, agendaByKind, then looks a kind up), and the unlock banner's counts. The page draws at
 * most 50 rows per bucket at first, whatever the count. Reading and decrypting the rows is the record
 * store's, measured in its own section.
 */
import { agendaByKind, buildAgenda, dueCounts, followUpKinds, type FollowUp } from '../../src/shared/followups';
import { median, percentile, type BenchRow } from '../table';

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

function time(run: () => void, repetitions: number): number[] {
  run(); // warm-up
  return Array.from({ length: repetitions }, () => {
    const begin = performance.now();
    run();
    return performance.now() - begin;
  });
}

export function benchFollowUps(): Promise<BenchRow[]> {
  const all = followUpsForBench(50_000);
  const now = Date.UTC(2026, 11, 7, 12);
  const zone = 'Europe/Madrid';
  // Per load: the buckets, then split by kind; a filter change is then a lookup.
  const first = time(() => agendaByKind(buildAgenda(all, now, zone)), 7);
  const byKind = agendaByKind(buildAgenda(all, now, zone));
  const filtered = time(() => byKind.appointment, 21);
  const counts = time(() => dueCounts(all, now, zone), 7);
  return Promise.resolve([
    { name: 'agenda buckets, 50,000 follow-ups (median)', value: median(first), unit: 'ms', target: '<= 150 with reading' },
    { name: 'agenda kind filter change, 50,000 (p95; a lookup, then at most 250 rows drawn)', value: percentile(filtered, 95), unit: 'ms', target: '<= 16' },
    { name: 'unlock banner counts, 50,000 (median)', value: median(counts), unit: 'ms', target: '<= 50' },
  ]);
}
