import { describe, expect, it } from 'vitest';
import {
  agendaBuckets,
  agendaAt,
  agendaPlace,
  buildAgenda,
  currentDue,
  dateOfDayNumber,
  dayNumber,
  dayNumberInZone,
  dueCounts,
  dueInstant,
  agendaByKind,
  followUpKinds,
  followUpRepeats,
  followUpSchema,
  markDone,
  reopen,
  snooze,
  type AgendaBucket,
  type AgendaEntry,
  type FollowUp,
} from '@shared/followups';
import { followUpsForBench } from '../../../bench/followups/generate';
import { followUp } from './fixtures';

const utc = (iso: string) => Date.parse(iso);
const madrid = 'Europe/Madrid';

describe('repeats', () => {
  it('counts weekly and fortnightly occurrences in days, monthly ones from the first date', () => {
    const weekly = followUp({ repeat: 'weekly', due: { date: '2028-02-22', time: null, zone: null } });
    expect(currentDue({ ...weekly, occurrencesDone: 1 }).date).toBe('2028-02-29');
    expect(currentDue({ ...weekly, repeat: 'fortnightly', occurrencesDone: 1 }).date).toBe('2028-03-07');
    const monthly = followUp({ repeat: 'monthly', due: { date: '2026-01-31', time: null, zone: null } });
    expect([1, 2, 3].map((n) => currentDue({ ...monthly, occurrencesDone: n }).date)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('keeps a weekly appointment at the same wall-clock time across daylight saving changes', () => {
    const madridCall = followUp({ repeat: 'weekly', due: { date: '2026-03-28', time: '10:00', zone: madrid } });
    expect(dueInstant(currentDue(madridCall))).toBe(utc('2026-03-28T09:00:00Z'));
    expect(dueInstant(currentDue({ ...madridCall, occurrencesDone: 1 }))).toBe(utc('2026-04-04T08:00:00Z'));
    const newYorkCall = followUp({ repeat: 'weekly', due: { date: '2026-10-25', time: '09:00', zone: 'America/New_York' } });
    expect(dueInstant(currentDue(newYorkCall))).toBe(utc('2026-10-25T13:00:00Z'));
    expect(dueInstant(currentDue({ ...newYorkCall, occurrencesDone: 1 }))).toBe(utc('2026-11-01T14:00:00Z'));
  });

  it('moves a repeating follow-up on when marked done, and closes a single one', () => {
    const weekly = markDone(followUp({ repeat: 'weekly', snoozedUntil: '2026-03-22' }), '2026-03-22T10:00:00.000Z');
    expect(weekly).toMatchObject({ status: 'open', occurrencesDone: 1, snoozedUntil: null });
    expect(currentDue(weekly).date).toBe('2026-03-27');
    const single = markDone(followUp(), '2026-03-22T10:00:00.000Z');
    expect(single).toMatchObject({ status: 'done', statusChangedAt: '2026-03-22T10:00:00.000Z' });
    expect(reopen(single, '2026-03-23T10:00:00.000Z').status).toBe('open');
  });
});

describe('agenda buckets', () => {
  const due = followUp({ due: { date: '2026-03-20', time: null, zone: null } });
  const at = (iso: string, zone = madrid) => agendaPlace(due, utc(iso), zone).bucket;

  it('moves a whole-day follow-up from later to this week to today to overdue', () => {
    expect(at('2026-03-01T12:00:00Z')).toBe('later');
    expect(at('2026-03-13T12:00:00Z')).toBe('later');
    expect(at('2026-03-14T12:00:00Z')).toBe('week');
    expect(at('2026-03-20T00:30:00Z')).toBe('today');
    expect(at('2026-03-21T00:30:00Z')).toBe('overdue');
  });

  it('reads today in the viewer’s zone', () => {
    expect(at('2026-03-19T23:30:00Z', madrid)).toBe('today');
    expect(at('2026-03-19T23:30:00Z', 'America/New_York')).toBe('week');
  });

  it('makes a timed follow-up overdue at its time, in its own zone', () => {
    const hearing = followUp({ kind: 'appointment', due: { date: '2026-03-20', time: '10:00', zone: madrid } });
    expect(agendaPlace(hearing, utc('2026-03-20T08:59:00Z'), madrid).bucket).toBe('today');
    expect(agendaPlace(hearing, utc('2026-03-20T09:00:00Z'), madrid).bucket).toBe('overdue');
    // Seen from New York the same morning, it is early that day there.
    expect(agendaPlace(hearing, utc('2026-03-20T08:59:00Z'), 'America/New_York')).toMatchObject({ bucket: 'today', day: '2026-03-20' });
  });

  it('shows a snoozed reminder on its snooze day without moving the deadline', () => {
    const snoozed = snooze(due, '2026-03-25', '2026-03-21T09:00:00.000Z');
    expect(snoozed.due.date).toBe('2026-03-20');
    expect(agendaPlace(snoozed, utc('2026-03-21T12:00:00Z'), madrid)).toMatchObject({ bucket: 'week', day: '2026-03-25' });
    expect(agendaPlace(snoozed, utc('2026-03-25T12:00:00Z'), madrid).bucket).toBe('today');
    expect(agendaPlace(snoozed, utc('2026-03-26T12:00:00Z'), madrid).bucket).toBe('overdue');
  });

  it('sorts each bucket soonest first, done latest first, and counts what the banner shows', () => {
    const list = [
      followUp({ id: 'late', due: { date: '2026-05-01', time: null, zone: null } }),
      followUp({ id: 'soon', due: { date: '2026-04-02', time: null, zone: null } }),
      followUp({ id: 'od1', due: { date: '2026-03-18', time: null, zone: null } }),
      followUp({ id: 'od2', due: { date: '2026-03-10', time: null, zone: null } }),
      followUp({ id: 'now', due: { date: '2026-03-20', time: '18:00', zone: madrid } }),
      followUp({ id: 'd1', status: 'done', statusChangedAt: '2026-03-02T00:00:00.000Z' }),
      followUp({ id: 'd2', status: 'cancelled', statusChangedAt: '2026-03-05T00:00:00.000Z' }),
    ];
    const now = utc('2026-03-20T12:00:00Z');
    const agenda = buildAgenda(list, now, madrid);
    const ids = Object.fromEntries(Object.entries(agenda).map(([bucket, entries]) => [bucket, entries.map((e) => e.followUp.id)]));
    expect(ids).toEqual({ overdue: ['od2', 'od1'], today: ['now'], week: [], later: ['soon', 'late'], done: ['d2', 'd1'] });
    expect(dueCounts(list, now, madrid)).toEqual({ overdue: 2, today: 1 });
  });
});

describe('follow-up schema', () => {
  it('accepts a whole day, a time with its zone and a period that ends where its days say', () => {
    expect(followUpSchema.safeParse(followUp()).success).toBe(true);
    expect(followUpSchema.safeParse(followUp({ due: { date: '2026-03-20', time: '10:00', zone: madrid } })).success).toBe(true);
    const period = followUp({ kind: 'reflectionPeriodEnds', period: { start: '2028-02-15', days: 30 }, due: { date: '2028-03-16', time: null, zone: null } });
    expect(followUpSchema.safeParse(period).success).toBe(true);
  });

  it('rejects a time without a zone, an unknown zone, a date off the calendar and a period that does not add up', () => {
    expect(followUpSchema.safeParse(followUp({ due: { date: '2026-03-20', time: '10:00', zone: null } })).success).toBe(false);
    expect(followUpSchema.safeParse(followUp({ due: { date: '2026-03-20', time: '10:00', zone: 'Mars/Olympus' } })).success).toBe(false);
    expect(followUpSchema.safeParse(followUp({ due: { date: '2026-02-29', time: null, zone: null } })).success).toBe(false);
    const period = followUp({ kind: 'reflectionPeriodEnds', period: { start: '2028-02-15', days: 30 }, due: { date: '2028-03-15', time: null, zone: null } });
    expect(followUpSchema.safeParse(period).success).toBe(false);
    expect(followUpSchema.safeParse(followUp({ title: '   ' })).success).toBe(false);
  });
});

describe('the agenda over many follow-ups', () => {
  const many = followUpsForBench(3_000).map((f, i) => ({
    ...f,
    due: f.due.time ? { ...f.due, zone: ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Madrid', 'Asia/Kathmandu'][i % 4]! } : f.due,
    snoozedUntil: i % 11 === 0 ? f.due.date : null,
  }));

  it('counts for the banner exactly as the agenda places them, in zones a day apart', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Madrid']) {
      for (const now of [Date.UTC(2026, 11, 7, 0, 30), Date.UTC(2026, 11, 7, 12), Date.UTC(2027, 2, 28, 23, 59)]) {
        const agenda = buildAgenda(many, now, zone);
        expect(dueCounts(many, now, zone)).toEqual({ overdue: agenda.overdue.length, today: agenda.today.length });
      }
    }
  });

  it('reuses the agenda last built while only the clock moves within a day, and places exactly as building it anew', () => {
    const minute = 60_000;
    // Each entry as one string (a deep comparison of 3,000 entries cost more than building them).
    const placed = (agenda: ReturnType<typeof buildAgenda>) => agendaBuckets.map((bucket) => agenda[bucket].map((e) => `${e.followUp.id} ${e.bucket} ${e.day} ${e.sortKey}`));
    let reused = 0;
    for (const zone of ['Pacific/Kiritimati', 'Europe/Madrid', 'America/New_York']) {
      // Through a day's timed follow-ups falling due, across midnight and both daylight-saving changes, and back.
      const starts = [Date.UTC(2026, 11, 7, 0, 0), Date.UTC(2027, 2, 27, 22, 30), Date.UTC(2027, 9, 30, 22, 30), Date.UTC(2027, 2, 14, 5, 30)];
      for (const start of starts) {
        let previous: ReturnType<typeof buildAgenda> | null = null;
        for (const step of [0, 1, 7, 30, 61, 95, 180, 400, 200, 1_441]) {
          const now = start + step * minute;
          const agenda = agendaAt(many, now, zone);
          expect(placed(agenda), `${zone} at ${new Date(now).toISOString()}`).toEqual(placed(buildAgenda(many, now, zone)));
          if (agenda === previous) reused += 1;
          previous = agenda;
        }
      }
    }
    expect(reused).toBeGreaterThan(0);
    // Other follow-ups (another array) are never answered from the last agenda.
    const now = Date.UTC(2026, 11, 7, 12);
    const first = agendaAt(many, now, 'Europe/Madrid');
    expect(agendaAt([...many], now, 'Europe/Madrid')).not.toBe(first);
  });

  it('builds anew when the clock goes back within the day: a call due later today is not left overdue', () => {
    const call = followUp({ id: 'call', due: { date: '2026-12-07', time: '10:00', zone: 'Europe/Madrid' } });
    const items = [call];
    const bucketAt = (hour: number) => {
      const agenda = agendaAt(items, Date.UTC(2026, 11, 7, hour), 'Europe/Madrid');
      return agendaBuckets.find((bucket) => agenda[bucket].some((entry) => entry.followUp.id === 'call'));
    };
    expect(bucketAt(8)).toBe('today'); // 09:00 in Madrid
    expect(bucketAt(10)).toBe('overdue'); // 11:00: due an hour ago
    expect(bucketAt(8)).toBe('today'); // the clock set back (a corrected system time): as built anew
  });

  it('splits the buckets built once by kind, as building them from each kind’s follow-ups does', () => {
    const now = Date.UTC(2026, 11, 7, 12);
    const agenda = buildAgenda(many, now, 'Europe/Madrid');
    const ids = (built: ReturnType<typeof buildAgenda>) => agendaBuckets.map((bucket) => built[bucket].map((entry) => entry.followUp.id));
    const byKind = agendaByKind(agenda);
    for (const kind of ['checkIn', 'appointment', 'other'] as const) {
      expect(ids(byKind[kind])).toEqual(
        ids(
          buildAgenda(
            many.filter((f) => f.kind === kind),
            now,
            'Europe/Madrid',
          ),
        ),
      );
    }
  });
});

describe('the agenda built in one pass', () => {
  // The straightforward way, kept here as the reference: each follow-up placed on its own, then sorted.
  function referenceAgenda(list: readonly FollowUp[], now: number, zone: string) {
    const agenda: Record<AgendaBucket, AgendaEntry<FollowUp>[]> = { overdue: [], today: [], week: [], later: [], done: [] };
    const today = dayNumberInZone(now, zone);
    for (const f of list) {
      const due = currentDue(f);
      const instant = f.snoozedUntil === null ? dueInstant(due) : null;
      const dayOf = instant === null ? dayNumber(f.snoozedUntil ?? due.date) : dayNumberInZone(instant, zone);
      const day = instant === null ? (f.snoozedUntil ?? due.date) : dateOfDayNumber(dayOf);
      const sortKey = instant ?? dayOf * 86_400_000;
      const overdue = instant === null ? dayOf < today : instant <= now;
      const open: AgendaBucket = overdue ? 'overdue' : dayOf === today ? 'today' : dayOf - today < 7 ? 'week' : 'later';
      const bucket = f.status === 'open' ? open : 'done';
      agenda[bucket].push({ bucket, day, sortKey, followUp: f });
    }
    for (const bucket of agendaBuckets) {
      const changed = (entry: AgendaEntry<FollowUp>) => entry.followUp.statusChangedAt ?? '';
      if (bucket === 'done') agenda.done.sort((a, b) => (changed(a) < changed(b) ? 1 : changed(a) > changed(b) ? -1 : 0));
      else agenda[bucket].sort((a, b) => a.sortKey - b.sortKey);
    }
    return agenda;
  }

  // A fixed sequence: the same follow-ups in every run, spread over the days either side of the "now"s below.
  let state = 97;
  const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'Europe/Madrid', 'America/New_York', 'UTC'];
  const start = Date.UTC(2026, 8, 1);
  const dateNear = () => new Date(start + Math.floor(random() * 270) * 86_400_000).toISOString().slice(0, 10);
  const list: FollowUp[] = Array.from({ length: 1_500 }, (_, i) => {
    const timed = random() < 0.6;
    const repeat = random() < 0.3 ? pick(followUpRepeats) : null;
    const status = random() < 0.7 ? 'open' : pick(['done', 'cancelled'] as const);
    return followUp({
      id: `f${i}`,
      kind: pick(followUpKinds),
      // Times near midnight and the spring and autumn changes, where the zone decides the day.
      due: { date: dateNear(), time: timed ? pick(['00:00', '00:30', '02:30', '10:15', '23:45', '23:59']) : null, zone: timed ? pick(zones) : null },
      repeat,
      occurrencesDone: repeat === null ? 0 : Math.floor(random() * 6),
      snoozedUntil: random() < 0.15 ? dateNear() : null,
      status,
      statusChangedAt: status === 'open' || random() < 0.2 ? null : new Date(start + Math.floor(random() * 5) * 3_600_000).toISOString(),
    });
  });
  const nowTimes = ['2026-12-06T23:30:00Z', '2027-01-01T10:00:00Z', '2027-03-28T00:59:00Z', '2027-03-28T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:00:00Z'];
  // One due at each "now" to the minute: falling due is decided at its instant, not a minute after.
  for (const iso of nowTimes) list.push(followUp({ id: `at ${iso}`, due: { date: iso.slice(0, 10), time: iso.slice(11, 16), zone: 'UTC' } }));
  const nows = nowTimes.map(utc);

  it('places, orders and splits by kind exactly as placing each follow-up on its own does, in every zone', () => {
    for (const zone of ['Europe/Madrid', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu']) {
      for (const now of nows) {
        const reference = referenceAgenda(list, now, zone);
        const agenda = buildAgenda(list, now, zone);
        expect(agenda).toEqual(reference);
        for (const bucket of agendaBuckets) expect(agenda[bucket].length).toBeGreaterThan(0);
        const byKind = agendaByKind(agenda);
        for (const kind of followUpKinds) {
          expect(byKind[kind]).toEqual(
            referenceAgenda(
              list.filter((f) => f.kind === kind),
              now,
              zone,
            ),
          );
        }
      }
    }
  });
});
