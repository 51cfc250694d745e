import { Suspense, useState, type DragEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { attachmentLimits, defaultAttachmentLimitBytes, type CaseAttachment } from '@shared/attachments';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { LinkedRecord } from '../followups';
import { AttachControls, useAttachQueue } from './AttachFiles';
import { AttachmentViewer, isViewable } from './AttachmentViewer';
import { deleteAttachment, saveAttachment } from './data';
import { removedMetadataText } from './metadata';
import { SaveCopyDialog } from './SaveCopyDialog';
import { sizeText } from './size-text';
import { useAttachments } from './use-attachments';

export interface CaseAttachmentsPanelProps {
  caseId: string;
  /** Files dropped onto the case page, handed to this panel to confirm and attach. */
  dropped?: readonly File[];
  /** Called after a change, so the case search can take the new names and captions. */
  onChange?: () => void;
}

/** A case's files: attach (button or drop), list with hashes and what each is linked to, view, caption, save a copy, delete. */
export default function CaseAttachmentsPanel({ caseId, dropped = [], onChange }: CaseAttachmentsPanelProps) {
  const { t, i18n } = useTranslation('attachments');
  const { store, load, reload } = useAttachments(caseId);
  const queue = useAttachQueue(store, caseId, null, dropped, async () => {
    await reload();
    onChange?.();
  });
  const [viewing, setViewing] = useState<CaseAttachment | null>(null);
  const [saving, setSaving] = useState<CaseAttachment | null>(null);
  const [deleting, setDeleting] = useState<CaseAttachment | null>(null);
  const [editing, setEditing] = useState<{ id: string; caption: string } | null>(null);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const size = (bytes: number) => sizeText(t, i18n.language, bytes);
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));

  async function saveCaption(attachment: CaseAttachment, caption: string) {
    await saveAttachment(store, { ...attachment, caption });
    setEditing(null);
    await reload();
    onChange?.();
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    queue.choose([...event.dataTransfer.files]);
  };

  return (
    <Stack onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <AttachControls queue={queue} label={t('attach.button')} hint={t('attach.dropHint', { limit: number.format(defaultAttachmentLimitBytes / (1024 * 1024)) })} />

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
      {load.status === 'ready' && load.value.unreadable.length > 0 && <Alert color="yellow">{t('list.unreadable', { count: load.value.unreadable.length })}</Alert>}
      {load.status === 'ready' && load.value.records.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      {load.status === 'ready' && load.value.records.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.title')}>
          {load.value.records.map((attachment) => (
            <Paper component="li" key={attachment.id} withBorder p="sm" aria-label={attachment.name}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap">
                  <Text fw={600} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                    {attachment.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {size(attachment.size)} · {date(attachment.createdAt)}
                  </Text>
                </Group>
                {editing?.id === attachment.id ? (
                  <Group align="flex-end">
                    <Textarea
                      label={t('list.caption')}
                      value={editing.caption}
                      maxLength={attachmentLimits.captionChars}
                      autosize
                      style={{ flex: 1 }}
                      onChange={(event) => setEditing({ id: attachment.id, caption: event.currentTarget.value })}
                    />
                    <Button size="xs" onClick={() => void saveCaption(attachment, editing.caption)}>
                      {t('actions.save')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                      {t('actions.cancel')}
                    </Button>
                  </Group>
                ) : (
                  attachment.caption && (
                    <Text size="sm" dir="auto">
                      {attachment.caption}
                    </Text>
                  )
                )}
                {attachment.link && (
                  <Suspense fallback={null}>
                    <LinkedRecord caseId={caseId} link={attachment.link} missing={t('link.noLonger')} />
                  </Suspense>
                )}
                {attachment.keptOriginal ? (
                  <Text size="xs" c="orange">
                    {t('list.keptOriginal')}
                  </Text>
                ) : (
                  attachment.removed.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {removedMetadataText(t, i18n.language, attachment.removed as Parameters<typeof removedMetadataText>[2])}
                    </Text>
                  )
                )}
                <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {t('list.sha256', { hash: attachment.sha256 })}
                </Text>
                {attachment.originalSha256 && (
                  <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {t('list.originalSha256', { hash: attachment.originalSha256 })}
                  </Text>
                )}
                <Group gap="xs">
                  {isViewable(attachment) && (
                    <Button size="xs" variant="default" onClick={() => setViewing(attachment)}>
                      {t('actions.view')}
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => setSaving(attachment)}>
                    {t('actions.saveCopy')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setEditing({ id: attachment.id, caption: attachment.caption })}>
                    {t('actions.editCaption')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(attachment)}>
                    {t('actions.delete')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      {viewing && <AttachmentViewer store={store} attachment={viewing} onClose={() => setViewing(null)} />}
      {saving && <SaveCopyDialog store={store} attachment={saving} onClose={() => setSaving(null)} />}
      {deleting && (
        <ConfirmDeleteDialog
          opened
          onClose={() => setDeleting(null)}
          title={t('delete.title')}
          body={<span dir="auto">{t('delete.body', { name: deleting.name })}</span>}
          confirmLabel={t('delete.confirm')}
          cancelLabel={t('actions.cancel')}
          failedText={t('errors.delete')}
          onDelete={async () => {
            await deleteAttachment(store, deleting);
            setDeleting(null);
            await reload();
            onChange?.();
          }}
        />
      )}
    </Stack>
  );
}
