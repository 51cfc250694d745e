import { useEffect, useState } from 'react';
import { Alert, Box, Loader, Modal, ScrollArea, Slider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseAttachment } from '@shared/attachments';
import type { WaypointStore } from '../../db';
import { readAttachmentBytes, readTextPreview, textPreviewBytes } from './data';
import { attachmentErrorText } from './errors';
import { sizeText } from './size-text';
import { PdfView } from './viewers/PdfView';

/** Images the app shows itself; PDFs and text besides, any other file is only listed, and can be saved as a copy. */
const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function isViewable(attachment: CaseAttachment): boolean {
  return attachment.mediaType === 'text/plain' || attachment.mediaType === 'application/pdf' || (attachment.mediaType !== null && imageTypes.has(attachment.mediaType));
}

type Shown =
  | { status: 'loading' }
  | { status: 'image'; url: string }
  | { status: 'text'; text: string; complete: boolean }
  | { status: 'pdf'; data: Uint8Array }
  | { status: 'error'; text: string };

/**
 * An image (with zoom), a PDF (pdf.js, PdfView) or a text file, decrypted into memory. An image or a PDF is
 * drawn from all of its bytes, so it is held whole (at most the size limit); a text file shows its first
 * textPreviewBytes, read no further. An image is given to the page through an object URL revoked when the
 * view closes; text is shown as text, never parsed as HTML.
 */
export function AttachmentViewer({ store, attachment, onClose }: { store: WaypointStore; attachment: CaseAttachment; onClose: () => void }) {
  const { t, i18n } = useTranslation('attachments');
  const [shown, setShown] = useState<Shown>({ status: 'loading' });
  const [zoom, setZoom] = useState(100);

  useEffect(() => {
    let url: string | null = null;
    let current = true;
    const failed = (error: unknown) => current && setShown({ status: 'error', text: attachmentErrorText(t, i18n.language, error) });
    if (attachment.mediaType === 'text/plain') {
      readTextPreview(store, attachment).then(({ text, complete }) => current && setShown({ status: 'text', text, complete }), failed);
    } else {
      readAttachmentBytes(store, attachment).then((bytes) => {
        if (!current) return;
        if (attachment.mediaType === 'application/pdf') {
          setShown({ status: 'pdf', data: bytes });
          return;
        }
        url = URL.createObjectURL(new Blob([bytes], { type: attachment.mediaType ?? 'application/octet-stream' }));
        setShown({ status: 'image', url });
      }, failed);
    }
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [store, attachment, t, i18n.language]);

  return (
    <Modal opened onClose={onClose} size="xl" title={<span dir="auto">{attachment.name}</span>} closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      <Stack>
        {shown.status === 'loading' && <Loader size="sm" role="status" aria-label={t('app.loading', { ns: 'translation' })} />}
        {shown.status === 'error' && (
          <Alert color="red" role="alert">
            {shown.text}
          </Alert>
        )}
        {shown.status === 'image' && (
          <>
            <Box>
              <Text size="sm" id="attachment-zoom">
                {t('view.zoom', { percent: zoom })}
              </Text>
              <Slider min={25} max={400} step={25} value={zoom} onChange={setZoom} aria-labelledby="attachment-zoom" label={(value) => `${value} %`} />
            </Box>
            <ScrollArea h="65vh">
              <img src={shown.url} alt={attachment.caption || attachment.name} style={{ width: `${zoom}%`, maxWidth: 'none', display: 'block' }} />
            </ScrollArea>
          </>
        )}
        {shown.status === 'pdf' && <PdfView data={shown.data} />}
        {shown.status === 'text' && !shown.complete && (
          <Alert color="blue" role="status">
            {t('view.textPartial', { shown: sizeText(t, i18n.language, textPreviewBytes), size: sizeText(t, i18n.language, attachment.size) })}
          </Alert>
        )}
        {shown.status === 'text' && (
          <ScrollArea h="65vh">
            <Text component="pre" dir="auto" ff="monospace" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} aria-label={t('view.textLabel')}>
              {shown.text}
            </Text>
          </ScrollArea>
        )}
      </Stack>
    </Modal>
  );
}
