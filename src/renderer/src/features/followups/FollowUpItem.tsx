import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, currentDue, dateInZone, isDate, markDone, reopen, snooze, type AgendaBucket, type FollowUp } from '@shared/followups';
import { LinkedRecord } from './LinkedRecord';
import { deviceZone, useDueFormats, useNow } from './view';

const bucketColours: Record<AgendaBucket, string> = { overdue: 'red', today: 'orange', week: 'blue', later: 'gray', done: 'teal' };

export interface FollowUpItemProps {
  followUp: FollowUp;
  bucket: AgendaBucket;
  /** Saves a changed follow-up; rejects when it could not. */
  onSave: (followUp: FollowUp) => Promise<void>;
  /** Shown first, e.g. the case it belongs to in the agenda. */
  heading?: ReactNode;
  /** More actions, e.g. open the case, edit, delete. */
  children?: ReactNode;
}

/**
 * What a row of a follow-up says and does, shared by the case's rows (FollowUpItem) and the agenda's
 * (AgendaRow): when it is due or closed, in the interface language; saving a change, with its failure.
 */
export function useFollowUpRow(followUp: FollowUp, onSave: (followUp: FollowUp) => Promise<void>) {
  const { t } = useTranslation('followups');
  const formats = useDueFormats();
  const [snoozing, setSnoozing] = useState(false);
  const [failed, setFailed] = useState(false);
  const due = formats.due(currentDue(followUp));

  async function change(next: FollowUp) {
    setFailed(false);
    try {
      await onSave(next);
    } catch {
      setFailed(true);
    }
  }

  const when =
    followUp.status === 'done'
      ? t('row.closed', { date: formats.instant(followUp.statusChangedAt ?? followUp.updatedAt) })
      : followUp.status === 'cancelled'
        ? t('row.cancelled', { date: formats.instant(followUp.statusChangedAt ?? followUp.updatedAt) })
        : followUp.snoozedUntil
          ? t('row.snoozed', { date: formats.day(followUp.snoozedUntil), due })
          : t('row.due', { date: due });
  return {
    when,
    failed,
    snoozing,
    setSnoozing,
    markDone: () => void change(markDone(followUp, new Date().toISOString())),
    reopen: () => void change(reopen(followUp, new Date().toISOString())),
    snooze: (date: string) => change(snooze(followUp, date, new Date().toISOString())),
  };
}

/** One follow-up with what can be done to it: mark done (or reopen), snooze. */
export function FollowUpItem({ followUp, bucket, onSave, heading, children }: FollowUpItemProps) {
  const { t } = useTranslation('followups');
  const row = useFollowUpRow(followUp, onSave);

  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        {heading}
        <Group gap="xs">
          <Badge color={bucketColours[bucket]} variant="light">
            {t(`buckets.${bucket}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t(`kinds.${followUp.kind}`)}
          </Text>
        </Group>
        <Text fw={600} dir="auto">
          {followUp.title}
        </Text>
        <Text size="sm">{row.when}</Text>
        {followUp.link && <LinkedRecord caseId={followUp.caseId} link={followUp.link} />}
        <Group gap="xs">
          {followUp.status === 'open' ? (
            <>
              <Button size="xs" onClick={row.markDone}>
                {t('actions.done')}
              </Button>
              <Button size="xs" variant="default" onClick={() => row.setSnoozing(true)}>
                {t('actions.snooze')}
              </Button>
            </>
          ) : (
            <Button size="xs" variant="default" onClick={row.reopen}>
              {t('actions.reopen')}
            </Button>
          )}
          {children}
        </Group>
        {row.failed && (
          <Alert color="red" role="alert" title={t('errors.saveTitle')}>
            {t('errors.save')}
          </Alert>
        )}
      </Stack>
      {row.snoozing && <SnoozeDialog onClose={() => row.setSnoozing(false)} onSnooze={row.snooze} />}
    </Card>
  );
}

export function SnoozeDialog({ onClose, onSnooze }: { onClose: () => void; onSnooze: (date: string) => Promise<void> }) {
  const { t } = useTranslation('followups');
  const tomorrow = addDays(dateInZone(useNow(), deviceZone()), 1);
  const [date, setDate] = useState(tomorrow);
  const valid = isDate(date) && date >= tomorrow;
  return (
    <Modal opened onClose={onClose} title={t('snooze.title')} closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      <form autoComplete="off" noValidate onSubmit={(event) => (event.preventDefault(), valid && void onSnooze(date).then(onClose))}>
        <Stack>
          <TextInput
            type="date"
            label={t('snooze.date')}
            description={t('snooze.help')}
            value={date}
            min={tomorrow}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={valid ? null : t('form.invalidDate')}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" disabled={!valid}>
              {t('snooze.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
