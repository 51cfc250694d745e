import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { defaultAttachmentLimitBytes } from '@shared/attachments';
import type { FollowUpLink } from '@shared/followups';
import type { WaypointStore } from '../../db';
import { attachFile } from './data';
import { attachmentErrorText } from './errors';
import { removedMetadataText } from './metadata';

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

export interface AttachQueue {
  choose: (files: readonly File[]) => void;
  pending: Pending[];
  setPending: (update: (before: Pending[]) => Pending[]) => void;
  busy: boolean;
  attachAll: () => Promise<void>;
  results: Result[];
  setResults: (update: (before: Result[]) => Result[]) => void;
}

/**
 * Files waiting to be attached to a case (and to a note or checklist question when `link` is given): the one
 * path every "Attach" takes, with the size, free-space and metadata-removal checks of `attachFile`.
 */
export function useAttachQueue(store: WaypointStore, caseId: string, link: FollowUpLink | null, initial: readonly File[], onAttached: () => Promise<void> | void): AttachQueue {
  const { t, i18n } = useTranslation('attachments');
  const [pending, setPending] = useState<Pending[]>(() => initial.map((file) => ({ file, keepOriginal: false })));
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Result[]>([]);
  // The same function for the queue's life: a drop zone listens with it.
  const choose = useCallback((files: readonly File[]) => setPending((before) => [...before, ...files.map((file) => ({ file, keepOriginal: false }))]), []);

  async function attachAll() {
    setBusy(true);
    const done: Result[] = [];
    for (const { file, keepOriginal } of pending) {
      try {
        const { removed } = await attachFile(store, caseId, file, { keepOriginal, link, limitBytes: defaultAttachmentLimitBytes });
        done.push({ name: file.name, ok: true, text: removedMetadataText(t, i18n.language, removed) ?? (keepOriginal ? t('attach.keptOriginal') : t('attach.nothingRemoved')) });
      } catch (error) {
        done.push({ name: file.name, ok: false, text: attachmentErrorText(t, i18n.language, error) });
      }
    }
    setPending([]);
    setResults(done);
    setBusy(false);
    await onAttached();
  }

  return { choose, pending, setPending, busy, attachAll, results, setResults };
}

/**
 * The "Attach" button, the files waiting for confirmation (each with "keep the original" and its warning) and
 * what became of each. `name`, when given, is the button's and the file input's accessible name: what the files are attached to.
 */
export function AttachControls({ queue, label, name = label, hint, compact = false }: { queue: AttachQueue; label: string; name?: string; hint?: string; compact?: boolean }) {
  const { t } = useTranslation('attachments');
  const input = useRef<HTMLInputElement>(null);
  const { pending, setPending, busy, results, setResults } = queue;
  return (
    <>
      <Group gap={compact ? 'xs' : 'md'}>
        <Button
          size={compact ? 'compact-sm' : 'sm'}
          variant={compact ? 'default' : 'filled'}
          leftSection={<IconPaperclip size={compact ? 14 : 18} aria-hidden />}
          onClick={() => input.current?.click()}
          disabled={busy}
          aria-label={name === label ? undefined : name}
        >
          {label}
        </Button>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        <input
          ref={input}
          type="file"
          multiple
          hidden
          autoComplete="off"
          aria-label={name}
          data-testid="attach-input"
          onChange={(event) => {
            queue.choose([...(event.currentTarget.files ?? [])]);
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
              <Button variant="default" onClick={() => setPending(() => [])} disabled={busy}>
                {t('actions.cancel')}
              </Button>
              <Button onClick={() => void queue.attachAll()} loading={busy}>
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
    </>
  );
}
