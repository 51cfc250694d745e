import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { agendaPlace, type FollowUp } from '@shared/followups';
import { FollowUpForm } from './FollowUpForm';
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
      ? load.read.followUps
          .map((followUp) => ({ followUp, ...agendaPlace(followUp, now, zone) }))
          .sort((a, b) => Number(a.bucket === 'done') - Number(b.bucket === 'done') || a.sortKey - b.sortKey)
      : [];

  return (
    <Stack>
      <Button leftSection={<IconPlus size={18} aria-hidden />} w="fit-content" onClick={() => setEditing('new')}>
        {t('actions.add')}
      </Button>
      {load.status === 'error' && (
        <Alert color="red" role="alert" title={t('errors.loadTitle')}>
          <Group>
            {t('errors.load')}
            <Button variant="default" size="xs" onClick={() => void reload()}>
              {t('actions.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      {load.status === 'ready' && load.read.unreadable.length > 0 && <Alert color="yellow">{t('row.unreadable', { count: load.read.unreadable.length })}</Alert>}
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
        <DeleteDialog
          followUp={deleting}
          onClose={() => setDeleting(null)}
          onDelete={async () => {
            await remove(deleting.id);
            onChange?.();
          }}
        />
      )}
    </Stack>
  );
}

function DeleteDialog({ followUp, onClose, onDelete }: { followUp: FollowUp; onClose: () => void; onDelete: () => Promise<void> }) {
  const { t } = useTranslation('followups');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function confirm() {
    setBusy(true);
    setFailed(false);
    try {
      await onDelete();
      onClose();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('delete.title')} closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      <Stack>
        <Text dir="auto">{t('delete.body', { title: followUp.title })}</Text>
        {failed && (
          <Alert color="red" role="alert" title={t('errors.deleteTitle')}>
            {t('errors.delete')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('actions.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
