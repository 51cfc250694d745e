/*
 * The agenda's own work over 50,000 follow-ups (10,000 cases, five each), in Node: sorting them into
 * buckets as the agenda's first screen does (once per load), picking from those buckets after a change
 * of its kind filter (the page splits them by kind once, agendaByKind, then looks a kind up), and the unlock banner's counts. The page draws at
 * most 50 rows per bucket at first, whatever the count. Reading and decrypting the rows is the record
 * store's, measured in its own section.
 */
import { agendaByKind, buildAgenda, dueCounts } from '../../src/shared/followups';
import { followUpsForBench } from './generate';
import { median, percentile, type BenchRow } from '../table';

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
