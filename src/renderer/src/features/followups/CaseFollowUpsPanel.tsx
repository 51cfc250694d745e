import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { agendaPlace, type FollowUp } from '@shared/followups';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { CalendarExportButton } from './CalendarExport';
import { FollowUpForm } from './FollowUpForm';
import { LoadFailedAlert } from '../../components/LoadFailedAlert';
import { FollowUpItem } from './FollowUpItem';
import { useFollowUps } from './use-follow-ups';
import { deviceZone, useNow } from './view';

export interface CaseFollowUpsPanelProps {
  caseId: string;
  countriesOfExploitation: readonly string[];
  /** Called after a change, so the case search can take the new titles. */
  onChange?: () => void;
}

/** A case's follow-ups, soonest first, with add, edit, mark done, snooze and delete. */
export default function CaseFollowUpsPanel({ caseId, countriesOfExploitation, onChange }: CaseFollowUpsPanelProps) {
  const { t } = useTranslation('followups');
  const { load, reload, save, remove } = useFollowUps(caseId);
  const now = useNow();
  const zone = deviceZone();
  const [editing, setEditing] = useState<FollowUp | 'new' | null>(null);
  const [deleting, setDeleting] = useState<FollowUp | null>(null);
  const saveAndTell = async (followUp: FollowUp) => {
    await save(followUp);
    onChange?.();
  };

  const entries =
    load.status === 'ready'
      ? load.value.records
          .map((followUp) => ({ followUp, ...agendaPlace(followUp, now, zone) }))
          .sort((a, b) => Number(a.bucket === 'done') - Number(b.bucket === 'done') || a.sortKey - b.sortKey)
      : [];

  const openOnes = load.status === 'ready' ? load.value.records.filter((followUp) => followUp.status === 'open') : [];

  return (
    <Stack>
      <Group gap="sm">
        <Button leftSection={<IconPlus size={18} aria-hidden />} w="fit-content" onClick={() => setEditing('new')}>
          {t('actions.add')}
        </Button>
        {load.status === 'ready' && load.value.records.length > 0 && <CalendarExportButton openCount={openOnes.length} readOpen={() => Promise.resolve(openOnes)} />}
      </Group>
      {load.status === 'error' && <LoadFailedAlert title={t('errors.loadTitle')} onRetry={reload} />}
      {load.status === 'ready' && load.value.unreadable.length > 0 && <Alert color="yellow">{t('row.unreadable', { count: load.value.unreadable.length })}</Alert>}
      {load.status === 'ready' && entries.length === 0 && <Text c="dimmed">{t('panel.empty')}</Text>}
      {entries.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('panel.title')}>
          {entries.map(({ followUp, bucket }) => (
            <FollowUpItem key={followUp.id} followUp={followUp} bucket={bucket} onSave={saveAndTell}>
              <Button size="xs" variant="default" onClick={() => setEditing(followUp)}>
                {t('actions.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(followUp)}>
                {t('actions.delete')}
              </Button>
            </FollowUpItem>
          ))}
        </Stack>
      )}
      {editing !== null && (
        <FollowUpForm
          caseId={caseId}
          countriesOfExploitation={countriesOfExploitation}
          existing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSave={saveAndTell}
        />
      )}
      {deleting && (
        <ConfirmDeleteDialog
          opened
          onClose={() => setDeleting(null)}
          title={t('delete.title')}
          body={<span dir="auto">{t('delete.body', { title: deleting.title })}</span>}
          confirmLabel={t('delete.confirm')}
          cancelLabel={t('actions.cancel')}
          failedText={t('errors.delete')}
          onDelete={async () => {
            await remove(deleting.id);
            onChange?.();
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}
