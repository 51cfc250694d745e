import { useRef, useState, type DragEvent } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { attachmentLimits, defaultAttachmentLimitBytes, type CaseAttachment } from '@shared/attachments';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { AttachmentViewer, isViewable } from './AttachmentViewer';
import { attachFile, deleteAttachment, saveAttachment } from './data';
import { attachmentErrorText } from './errors';
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

/** A file chosen or dropped, waiting for the caseworker to confirm how it is kept. */
interface Pending {
  file: File;
  keepOriginal: boolean;
}

/** What became of one file: what was removed from it, or why it was not attached. */
interface Result {
  name: string;
  ok: boolean;
  text: string;
}

/** A case's files: attach (button or drop), list with hashes, view, caption, save a copy, delete. */
export default function CaseAttachmentsPanel({ caseId, dropped = [], onChange }: CaseAttachmentsPanelProps) {
  const { t, i18n } = useTranslation('attachments');
  const { store, load, reload } = useAttachments(caseId);
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>(() => dropped.map((file) => ({ file, keepOriginal: false })));
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Result[]>([]);
  const [viewing, setViewing] = useState<CaseAttachment | null>(null);
  const [saving, setSaving] = useState<CaseAttachment | null>(null);
  const [deleting, setDeleting] = useState<CaseAttachment | null>(null);
  const [editing, setEditing] = useState<{ id: string; caption: string } | null>(null);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const size = (bytes: number) => sizeText(t, i18n.language, bytes);
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));

  const choose = (files: readonly File[]) => setPending((before) => [...before, ...files.map((file) => ({ file, keepOriginal: false }))]);

  async function attachAll() {
    setBusy(true);
    const done: Result[] = [];
    for (const { file, keepOriginal } of pending) {
      try {
        const { removed } = await attachFile(store, caseId, file, { keepOriginal, limitBytes: defaultAttachmentLimitBytes });
        done.push({ name: file.name, ok: true, text: removedMetadataText(t, i18n.language, removed) ?? (keepOriginal ? t('attach.keptOriginal') : t('attach.nothingRemoved')) });
      } catch (error) {
        done.push({ name: file.name, ok: false, text: attachmentErrorText(t, i18n.language, error) });
      }
    }
    setPending([]);
    setResults(done);
    setBusy(false);
    await reload();
    onChange?.();
  }

  async function saveCaption(attachment: CaseAttachment, caption: string) {
    await saveAttachment(store, { ...attachment, caption });
    setEditing(null);
    await reload();
    onChange?.();
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    choose([...event.dataTransfer.files]);
  };

  return (
    <Stack onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <Group>
        <Button leftSection={<IconPaperclip size={18} aria-hidden />} onClick={() => input.current?.click()} disabled={busy}>
          {t('attach.button')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('attach.dropHint', { limit: number.format(defaultAttachmentLimitBytes / (1024 * 1024)) })}
        </Text>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          autoComplete="off"
          aria-label={t('attach.button')}
          data-testid="attach-input"
          onChange={(event) => {
            choose([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = '';
          }}
        />
      </Group>

      {pending.length > 0 && (
        <Paper withBorder p="md">
          <Stack>
            <Text fw={600}>{t('attach.pendingTitle', { count: pending.length })}</Text>
            {pending.map((entry, position) => (
              <Stack key={`${entry.file.name}-${position}`} gap={4}>
                <Text dir="auto">{entry.file.name}</Text>
                <Checkbox
                  label={t('attach.keepOriginal')}
                  checked={entry.keepOriginal}
                  onChange={(event) => {
                    const keepOriginal = event.currentTarget.checked;
                    setPending((before) => before.map((other, at) => (at === position ? { ...other, keepOriginal } : other)));
                  }}
                />
                {entry.keepOriginal && (
                  <Alert color="yellow" p="xs">
                    {t('attach.keepOriginalWarning')}
                  </Alert>
                )}
              </Stack>
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending([])} disabled={busy}>
                {t('actions.cancel')}
              </Button>
              <Button onClick={() => void attachAll()} loading={busy}>
                {t('attach.confirm', { count: pending.length })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {results.length > 0 && (
        <Stack gap="xs" role="status">
          {results.map((result, position) => (
            <Alert
              key={position}
              color={result.ok ? 'teal' : 'red'}
              withCloseButton
              closeButtonLabel={t('notices.dismiss', { ns: 'translation' })}
              onClose={() => setResults((before) => before.filter((_, at) => at !== position))}
            >
              <Text size="sm" fw={600} dir="auto">
                {result.ok ? t('attach.attached', { name: result.name }) : t('attach.failed', { name: result.name })}
              </Text>
              <Text size="sm">{result.text}</Text>
            </Alert>
          ))}
        </Stack>
      )}

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
