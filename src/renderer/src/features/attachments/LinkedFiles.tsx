import { useEffect, useRef, useState, type RefObject } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { attachmentsLinkedTo, type CaseAttachment } from '@shared/attachments';
import type { FollowUpLink } from '@shared/followups';
import { AttachControls, useAttachQueue } from './AttachFiles';
import { AttachmentViewer, isViewable } from './AttachmentViewer';
import type { CaseFiles } from './CaseFilesScope';
import { SaveCopyDialog } from './SaveCopyDialog';
import { sizeText } from './size-text';

export interface LinkedFilesProps {
  files: CaseFiles;
  link: FollowUpLink;
  /** What the files belong with, for the list's and the button's accessible names ("the note of 7 Dec 2026"). */
  owner: string;
  /** False where the record is read-only (a completed checklist): its files are listed, nothing is attached. */
  canAttach?: boolean;
  /** The whole note or question, so that a file dropped anywhere on it goes with it; by default this list alone. */
  dropZone?: RefObject<HTMLElement | null>;
}

/**
 * The files attached to one note or checklist question: each with its name and a way to open it, and
 * "Attach file" (button, or a drop anywhere on the note or question), which keeps them with the case as the Files tab does.
 */
export default function LinkedFiles({ files, link, owner, canAttach = true, dropZone }: LinkedFilesProps) {
  const { t, i18n } = useTranslation('attachments');
  const { caseId, store, load, changed } = files;
  const queue = useAttachQueue(store, caseId, link, [], changed);
  const [viewing, setViewing] = useState<CaseAttachment | null>(null);
  const [saving, setSaving] = useState<CaseAttachment | null>(null);
  const size = (bytes: number) => sizeText(t, i18n.language, bytes);
  const mine = load.status === 'ready' ? attachmentsLinkedTo(load.value.records, link) : [];

  const own = useRef<HTMLDivElement>(null);
  const { choose } = queue;
  // A drop on the note or question goes with it, not to the case page's Files tab. Listened to on the element
  // itself, so that stopping it there keeps it from the case page's own drop handler.
  useEffect(() => {
    const zone = dropZone?.current ?? own.current;
    if (!zone || !canAttach) return;
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const dropped = [...(event.dataTransfer?.files ?? [])];
      if (dropped.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      choose(dropped);
    };
    zone.addEventListener('dragover', over);
    zone.addEventListener('drop', drop);
    return () => {
      zone.removeEventListener('dragover', over);
      zone.removeEventListener('drop', drop);
    };
  }, [dropZone, canAttach, choose]);

  return (
    <Stack gap="xs" ref={own}>
      {mine.length > 0 && (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('linked.listOf', { owner })}>
          {mine.map((attachment) => (
            <Group component="li" key={attachment.id} gap="xs" wrap="nowrap">
              <Text size="sm" fw={600} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                {attachment.name}
              </Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {size(attachment.size)}
              </Text>
              {isViewable(attachment) && (
                <Button size="compact-xs" variant="default" onClick={() => setViewing(attachment)} aria-label={t('linked.view', { name: attachment.name })}>
                  {t('actions.view')}
                </Button>
              )}
              <Button size="compact-xs" variant="default" onClick={() => setSaving(attachment)} aria-label={t('linked.saveCopy', { name: attachment.name })}>
                {t('actions.saveCopy')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {load.status === 'error' && (
        <Text size="sm" c="red.8">
          {t('linked.loadFailed')}
        </Text>
      )}
      {canAttach && <AttachControls queue={queue} label={t('linked.attach')} name={t('linked.attachTo', { owner })} hint={t('linked.dropHint')} compact />}
      {viewing && <AttachmentViewer store={store} attachment={viewing} onClose={() => setViewing(null)} />}
      {saving && <SaveCopyDialog store={store} attachment={saving} onClose={() => setSaving(null)} />}
    </Stack>
  );
}
