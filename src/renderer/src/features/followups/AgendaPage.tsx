import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Center, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { agendaBuckets, agendaAt, agendaByKind, followUpKinds, matchesAgendaItem, type AgendaBucket, type AgendaEntry, type AgendaItem, type FollowUp } from '@shared/followups';
import { useCases } from '../cases';
import { CalendarExportButton } from './CalendarExport';
import { AgendaRow } from './AgendaRow';
import { drawnRows, type AgendaView, type DrawnRow } from './drawn-rows';
import classes from './agenda.module.css';
import { LoadFailedAlert } from '../../components/LoadFailedAlert';
import { useVault } from '../vault';
import { readFollowUps } from './data';
import { readAgendaItems } from './summary-read';
import { useAgenda, useFollowUpRecords } from './use-agenda';
import { deviceZone, useNow } from './view';

/**
 * Rows drawn per bucket at first (more than a screen holds), and added by each "Show more": the first screen
 * stays the same size with 50,000 follow-ups, and drawing a row costs more than everything else it needs.
 */
const firstRows = 10;
const rowsPerStep = 50;
const firstLimits: Record<AgendaBucket, number> = { overdue: firstRows, today: firstRows, week: firstRows, later: firstRows, done: firstRows };

/** Open as its own record says (the summary chose which to read). */
const isOpen = (followUp: FollowUp | null): followUp is FollowUp => followUp?.status === 'open';

/**
 * Every case's follow-ups in buckets: overdue, today, the next seven days, later, done. Rows name the
 * case by its code, never its alias, so the screen can be seen over a shoulder without a name on it.
 * The buckets come from the agenda summary (one record: db/summaries.ts); only the rows drawn are read
 * whole, and each is checked against the summary.
 */
export default function AgendaPage() {
  const { t } = useTranslation('followups');
  const { store } = useVault();
  const { load, reload, save } = useAgenda();
  const { snapshot } = useCases();
  const now = useNow();
  const zone = deviceZone();
  // Not a deferred value: a choice only changes which of the rows drawn are shown, so it is drawn in the click's own
  // render (a deferred one came a frame later).
  const [kind, setKind] = useState<AgendaView>('all');
  const [limits, setLimits] = useState(firstLimits);
  const kindOptions = useMemo(() => [{ value: 'all', label: t('allKinds') }, ...followUpKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))], [t]);
  const showMore = useCallback((bucket: AgendaBucket) => setLimits((current) => ({ ...current, [bucket]: current[bucket] + rowsPerStep })), []);

  // The buckets are computed once per load and minute (reused while nothing moves: agendaAt), split by kind once,
  // after the first screen (a deferred value); a filter only looks its kind up.
  const allBuckets = useMemo(() => (load.status === 'ready' ? agendaAt(load.value.items, now, zone) : null), [load, now, zone]);
  const laterBuckets = useDeferredValue(allBuckets);
  const byKind = useMemo(() => (laterBuckets ? agendaByKind(laterBuckets) : null), [laterBuckets]);
  const agenda = kind === 'all' ? allBuckets : (byKind?.[kind] ?? null);
  // The rows drawn: at first those of all kinds; once split by kind, every kind's first rows too, read and drawn
  // hidden, so a filter choice only shows other rows (drawn-rows.ts). "Show more" adds rows to the view shown.
  const extended = limits === firstLimits ? null : kind;
  const rows = useMemo(() => {
    if (!allBuckets) return null;
    const withKinds = byKind !== null;
    const limitIn = (bucket: AgendaBucket) => (view: AgendaView) => (view === (extended ?? 'all') ? limits[bucket] : view === 'all' || withKinds ? firstRows : 0);
    return Object.fromEntries(agendaBuckets.map((bucket) => [bucket, drawnRows(allBuckets[bucket], limitIn(bucket))])) as Record<AgendaBucket, DrawnRow<AgendaItem>[]>;
  }, [allBuckets, byKind, extended, limits]);
  const drawn = useMemo(() => (rows ? agendaBuckets.flatMap((bucket) => rows[bucket]) : []), [rows]);
  const shownIds = useMemo(() => drawn.flatMap(({ entry, views }) => (views.split(' ').includes(kind) ? [entry.followUp.id] : [])), [drawn, kind]);
  const records = useFollowUpRecords(
    shownIds,
    load,
    useMemo(() => drawn.map(({ entry }) => entry.followUp.id), [drawn]),
  );
  const items = load.status === 'ready' ? load.value.items : null;
  const openIds = useMemo(() => (items ?? []).flatMap((item) => (item.status === 'open' ? [item.id] : [])), [items]);

  // The summary was read unchecked for the first screen (use-agenda.ts); once it is drawn, its ids are checked
  // against the follow-ups' (once per opening: the store's own writes keep them), and each row drawn (shown or
  // not) against its record. On a difference it is made again from the follow-ups and read anew (db/summaries.ts), at most
  // once per read.
  const checkedIds = useRef(false);
  const rebuiltFor = useRef<unknown>(null);
  useEffect(() => {
    if (load.status !== 'ready' || !records.complete) return;
    const stale = drawn.some(({ entry: { followUp: item } }) => {
      const record = records.byId.get(item.id);
      return record === null || (record !== undefined && !matchesAgendaItem(record, item));
    });
    if (stale ? rebuiltFor.current === load : checkedIds.current) return;
    if (stale) rebuiltFor.current = load;
    checkedIds.current = true;
    void readAgendaItems(store, stale ? { rebuild: true } : { checkIds: true }).then(
      ({ rebuilt }) => (rebuilt ? reload() : undefined),
      () => undefined, // the next read says what went wrong
    );
  }, [store, records, drawn, load, reload]);

  // `npm run bench` times opening the agenda and changing its filter up to these marks.
  useEffect(() => {
    if (load.status === 'ready') performance.mark('waypoint:agenda-read');
  }, [load]);
  useEffect(() => {
    if (agenda && records.complete) performance.mark('waypoint:agenda-shown', { detail: { kind } });
  }, [agenda, records.complete, kind]);

  return (
    <Stack gap="lg">
      <Title order={1} tabIndex={-1}>
        {t('title')}
      </Title>
      <Text>{t('intro', { zone })}</Text>
      {openIds.length > 0 && <CalendarExportButton openCount={openIds.length} readOpen={async () => [...(await readFollowUps(store, openIds)).values()].filter(isOpen)} />}
      <Select
        label={t('filterKind')}
        data={kindOptions}
        value={kind}
        onChange={(value) => {
          if (!value) return;
          setKind(value as AgendaView);
          setLimits(firstLimits);
        }}
        allowDeselect={false}
        autoComplete="off"
        w={320}
      />
      {load.status === 'loading' && (
        <Center p="xl">
          <Loader role="status" aria-label={t('loading')} />
        </Center>
      )}
      {(load.status === 'error' || records.failed) && <LoadFailedAlert title={t('errors.loadTitle')} onRetry={reload} />}
      {load.status === 'ready' && load.value.unreadable.length > 0 && <Alert color="yellow">{t('row.unreadable', { count: load.value.unreadable.length })}</Alert>}
      {items?.length === 0 && <Text c="dimmed">{t('emptyAgenda')}</Text>}
      {agenda && rows && items && items.length > 0 && (
        <AgendaBuckets agenda={agenda} rows={rows} view={kind} limits={limits} records={records.byId} cases={snapshot} onSave={save} onShowMore={showMore} />
      )}
    </Stack>
  );
}

interface AgendaBucketsProps {
  /** The buckets of the view shown (their sizes, and whether there are more). */
  agenda: Record<AgendaBucket, AgendaEntry<AgendaItem>[]>;
  rows: Record<AgendaBucket, DrawnRow<AgendaItem>[]>;
  view: AgendaView;
  limits: Record<AgendaBucket, number>;
  records: ReadonlyMap<string, FollowUp | null>;
  cases: { byId: ReadonlyMap<string, { code: string }>; complete: boolean };
  onSave: (followUp: FollowUp) => Promise<void>;
  onShowMore: (bucket: AgendaBucket) => void;
}

/**
 * The buckets and their rows. Every row drawn stays drawn across choices of the kind filter; the list's
 * `data-shown` says which are shown (agenda.module.css), so a choice redraws no row (each is memoised).
 */
const AgendaBuckets = memo(function AgendaBuckets({ agenda, rows, view, limits, records, cases, onSave, onShowMore }: AgendaBucketsProps) {
  const { t } = useTranslation('followups');
  return agendaBuckets.map((bucket) => (
    <section key={bucket} aria-labelledby={`agenda-${bucket}`}>
      <Title order={2} size="h4" id={`agenda-${bucket}`} mb="xs">
        {t(`buckets.${bucket}`)} ({agenda[bucket].length})
      </Title>
      {agenda[bucket].length === 0 && (
        <Text c="dimmed" size="sm">
          {t('emptyBucket')}
        </Text>
      )}
      <ul className={classes.list} data-shown={view} hidden={agenda[bucket].length === 0} aria-labelledby={`agenda-${bucket}`}>
        {rows[bucket].map(({ entry: { followUp: item }, views }) => {
          // Drawn once its record is read (a few milliseconds after the buckets), and only as that record says.
          const followUp = records.get(item.id);
          if (!followUp) return null;
          const code = cases.byId.get(followUp.caseId)?.code ?? (cases.complete ? null : undefined);
          return <AgendaRow key={followUp.id} followUp={followUp} views={views} code={code} onSave={onSave} />;
        })}
      </ul>
      {agenda[bucket].length > limits[bucket] && (
        <Button variant="default" size="xs" mt="sm" onClick={() => onShowMore(bucket)}>
          {t('showMore', { count: Math.min(rowsPerStep, agenda[bucket].length - limits[bucket]) })}
        </Button>
      )}
    </section>
  ));
});
