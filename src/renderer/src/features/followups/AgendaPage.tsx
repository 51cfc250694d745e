import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Center, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { agendaBuckets, agendaByKind, buildAgenda, followUpKinds, type AgendaBucket, type FollowUpKind } from '@shared/followups';
import { useCases } from '../cases';
import { CalendarExportButton } from './CalendarExport';
import { FollowUpItem } from './FollowUpItem';
import { LoadFailedAlert } from '../../components/LoadFailedAlert';
import { useFollowUps } from './use-follow-ups';
import { deviceZone, useNow } from './view';

/** Rows drawn per bucket at first, and added by each "Show more": the first screen stays the same size with 50,000 follow-ups. */
const rowsPerStep = 50;
const firstLimits: Record<AgendaBucket, number> = { overdue: rowsPerStep, today: rowsPerStep, week: rowsPerStep, later: rowsPerStep, done: rowsPerStep };

/**
 * Every case's follow-ups in buckets: overdue, today, the next seven days, later, done. Rows name the
 * case by its code, never its alias, so the screen can be seen over a shoulder without a name on it.
 */
export default function AgendaPage() {
  const { t } = useTranslation('followups');
  const { load, reload, save } = useFollowUps(null);
  const { snapshot } = useCases();
  const now = useNow();
  const zone = deviceZone();
  const [kind, setKind] = useState<FollowUpKind | 'all'>('all');
  const shownKind = useDeferredValue(kind);
  const [limits, setLimits] = useState(firstLimits);

  // The buckets are computed once per load (and minute), split by kind once; a filter only looks its kind up.
  const allBuckets = useMemo(() => (load.status === 'ready' ? buildAgenda(load.value.records, now, zone) : null), [load, now, zone]);
  const byKind = useMemo(() => (allBuckets ? agendaByKind(allBuckets) : null), [allBuckets]);
  const agenda = shownKind === 'all' ? allBuckets : (byKind?.[shownKind] ?? null);

  // `npm run bench` times opening the agenda and changing its filter up to these marks.
  useEffect(() => {
    if (agenda) performance.mark('waypoint:agenda-shown', { detail: { kind: shownKind } });
  }, [agenda, shownKind]);

  return (
    <Stack gap="lg">
      <Title order={1} tabIndex={-1}>
        {t('title')}
      </Title>
      <Text>{t('intro', { zone })}</Text>
      {load.status === 'ready' && load.value.records.length > 0 && <CalendarExportButton followUps={load.value.records} />}
      <Select
        label={t('filterKind')}
        data={[{ value: 'all', label: t('allKinds') }, ...followUpKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))]}
        value={kind}
        onChange={(value) => {
          if (!value) return;
          setKind(value as FollowUpKind | 'all');
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
      {load.status === 'error' && <LoadFailedAlert title={t('errors.loadTitle')} onRetry={reload} />}
      {load.status === 'ready' && load.value.unreadable.length > 0 && <Alert color="yellow">{t('row.unreadable', { count: load.value.unreadable.length })}</Alert>}
      {load.status === 'ready' && load.value.records.length === 0 && <Text c="dimmed">{t('emptyAgenda')}</Text>}
      {agenda &&
        load.status === 'ready' &&
        load.value.records.length > 0 &&
        agendaBuckets.map((bucket) => (
          <section key={bucket} aria-labelledby={`agenda-${bucket}`}>
            <Title order={2} size="h4" id={`agenda-${bucket}`} mb="xs">
              {t(`buckets.${bucket}`)} ({agenda[bucket].length})
            </Title>
            {agenda[bucket].length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('emptyBucket')}
              </Text>
            ) : (
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={`agenda-${bucket}`}>
                {agenda[bucket].slice(0, limits[bucket]).map(({ followUp }) => {
                  const code = snapshot.byId.get(followUp.caseId)?.code;
                  return (
                    <FollowUpItem
                      key={followUp.id}
                      followUp={followUp}
                      bucket={bucket}
                      onSave={save}
                      heading={
                        <Text size="sm" fw={600}>
                          {code ? t('row.case', { code }) : snapshot.complete ? t('row.unknownCase') : '…'}
                        </Text>
                      }
                    >
                      {code && (
                        <Anchor component={Link} href={`~/cases/${followUp.caseId}`} size="sm">
                          {t('actions.openCase')} <bdi>{code}</bdi>
                        </Anchor>
                      )}
                    </FollowUpItem>
                  );
                })}
              </Stack>
            )}
            {agenda[bucket].length > limits[bucket] && (
              <Button variant="default" size="xs" mt="sm" onClick={() => setLimits((current) => ({ ...current, [bucket]: current[bucket] + rowsPerStep }))}>
                {t('showMore', { count: Math.min(rowsPerStep, agenda[bucket].length - limits[bucket]) })}
              </Button>
            )}
          </section>
        ))}
    </Stack>
  );
}
