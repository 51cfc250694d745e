import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Checkbox, Collapse, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { attachmentsLinkedTo } from '@shared/attachments';
import { createNote, editNote, noteLimits, type CaseNote } from '@shared/cases';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { LoadFailedAlert } from '../../components/LoadFailedAlert';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { useReloaded } from '../../components/use-loaded';
import { CaseFilesScope, LinkedFiles, useCaseFiles } from '../attachments';
import { useDateFormats } from './labels';
import { useCaseRepository, type NoteResult } from './repository';

/**
 * Dated notes, newest first, each with the files attached to it. Editing keeps the earlier wording, which anyone
 * can open. `focusNoteId`: the note a follow-up's link opened.
 */
export function NotesPanel({ caseId, code, focusNoteId = null }: { caseId: string; code: string; focusNoteId?: string | null }) {
  const { t } = useTranslation('cases');
  const repository = useCaseRepository();
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const newNote = useRef<HTMLTextAreaElement>(null);
  const timeline = useRef<HTMLHeadingElement>(null);

  const { load, reload } = useReloaded<NoteResult[]>(useCallback(() => repository.listNotes(caseId), [repository, caseId]));

  /** Saves a new or edited note and shows the list again; a failure throws, and the typed text stays where it is. */
  async function save(note: CaseNote): Promise<void> {
    await repository.saveNote(note);
    await reload();
  }
  async function remove(note: CaseNote, files: Parameters<typeof repository.deleteNote>[1]): Promise<void> {
    await repository.deleteNote(note, files);
    await reload();
    // The note went with the button that had focus: the list's heading takes it, so it is not lost.
    timeline.current?.focus();
  }
  const adding = useAction(async () => {
    await save(createNote({ id: crypto.randomUUID(), caseId, text: text.trim(), now: new Date().toISOString() }));
    setText('');
    // Said out loud, and focus back in the empty box (the button is disabled now, and was while saving).
    setAdded(true);
    newNote.current?.focus();
  }, useSaveFailed());

  return (
    <Stack>
      <Stack gap="xs" component="form" onSubmit={(event) => (event.preventDefault(), void adding.run())}>
        <Textarea
          label={t('notes.newNote')}
          description={t('notes.newNoteHelp', { code })}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setAdded(false);
          }}
          autosize
          minRows={3}
          maxLength={noteLimits.textChars}
          ref={newNote}
        />
        <Group>
          <Button type="submit" disabled={text.trim() === ''} loading={adding.busy}>
            {t('notes.add')}
          </Button>
          <Text role="status" size="sm" c="teal.9">
            {added ? t('notes.added') : ''}
          </Text>
        </Group>
      </Stack>
      <OutcomeAlert outcome={adding.outcome} />
      <Title order={3} size="h4" ref={timeline} tabIndex={-1}>
        {t('notes.timeline')}
      </Title>
      {load.status === 'error' && <LoadFailedAlert title={t('notes.loadFailed')} onRetry={reload} />}
      {load.status === 'ready' && load.value.length === 0 && <Text c="dimmed">{t('notes.empty')}</Text>}
      {load.status === 'ready' && load.value.length > 0 && (
        <CaseFilesScope caseId={caseId} onChange={() => void repository.refreshIndexOf(caseId)}>
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('notes.timeline')}>
            {load.value.map((result) =>
              'note' in result ? (
                <NoteItem key={result.note.id} note={result.note} onSave={save} onDelete={remove} focused={result.note.id === focusNoteId} />
              ) : (
                <Card component="li" key={result.unreadableId} withBorder bg="var(--mantine-color-yellow-light)">
                  <Group gap="xs">
                    <IconAlertTriangle size={18} aria-hidden />
                    <Text>{t('notes.unreadable')}</Text>
                  </Group>
                </Card>
              ),
            )}
          </Stack>
        </CaseFilesScope>
      )}
    </Stack>
  );
}

/** What a note that could not be saved says, where it was typed. */
function useSaveFailed() {
  const { t } = useTranslation('cases');
  return () => ({ title: t('notes.saveFailedTitle'), text: t('notes.saveFailed') });
}

interface NoteItemProps {
  note: CaseNote;
  onSave: (note: CaseNote) => Promise<void>;
  /** Deletes the note and the files given (those the caseworker ticked to delete with it). */
  onDelete: (note: CaseNote, files: { id: string; blob: { id: string } }[]) => Promise<void>;
  focused: boolean;
}

function NoteItem({ note, onSave, onDelete, focused }: NoteItemProps) {
  const { t } = useTranslation('cases');
  const files = useCaseFiles();
  const link = { type: 'note', noteId: note.id } as const;
  const linked = files?.load.status === 'ready' ? attachmentsLinkedTo(files.load.value.records, link) : [];
  const [deleting, setDeleting] = useState(false);
  // Off by default: a note's files stay with the case unless the caseworker asks otherwise.
  const [withFiles, setWithFiles] = useState(false);
  const { dateTime } = useDateFormats();
  const [editing, setEditing] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const written = dateTime(note.createdAt);
  const editBox = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusAfterSwap = useRef(false);
  const card = useRef<HTMLLIElement>(null);

  // Opened from a follow-up's link: shown and focused, so a screen reader starts there.
  useEffect(() => {
    if (!focused) return;
    card.current?.scrollIntoView({ block: 'center' });
    card.current?.focus();
  }, [focused]);

  // The buttons swap places with the box as editing starts and ends: focus follows, so it is not lost.
  const editingNow = editing !== null;
  useEffect(() => {
    if (!focusAfterSwap.current) return;
    focusAfterSwap.current = false;
    (editingNow ? editBox.current : editButton.current)?.focus();
  }, [editingNow]);
  function startEditing() {
    focusAfterSwap.current = true;
    setEditing(note.text);
  }
  function stopEditing() {
    focusAfterSwap.current = true;
    setEditing(null);
  }

  const saving = useAction(async (text: string) => {
    await onSave(editNote(note, text.trim(), new Date().toISOString()));
    stopEditing();
  }, useSaveFailed());

  return (
    <Card
      component="li"
      withBorder
      aria-label={t('notes.noteOf', { date: written })}
      ref={card}
      tabIndex={focused ? -1 : undefined}
      aria-current={focused || undefined}
      bg={focused ? 'var(--mantine-color-blue-light)' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600} component="time" dateTime={note.createdAt}>
            {written}
          </Text>
          {note.history.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('notes.edited', { date: dateTime(note.updatedAt) })}
            </Text>
          )}
        </Group>
        {editing === null ? (
          <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {note.text}
          </Text>
        ) : (
          <Textarea
            label={t('notes.editLabel')}
            description={t('notes.editHelp')}
            value={editing}
            onChange={(event) => setEditing(event.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={noteLimits.textChars}
            ref={editBox}
          />
        )}
        <Group gap="xs">
          {editing === null ? (
            <Button size="xs" variant="default" onClick={startEditing} ref={editButton}>
              {t('notes.edit')}
            </Button>
          ) : (
            <>
              <Button size="xs" onClick={() => void saving.run(editing)} loading={saving.busy} disabled={editing.trim() === ''}>
                {t('notes.saveEdit')}
              </Button>
              <Button size="xs" variant="default" onClick={stopEditing}>
                {t('actions.cancel')}
              </Button>
            </>
          )}
          {note.history.length > 0 && (
            <Button size="xs" variant="subtle" onClick={() => setHistoryOpen((open) => !open)} aria-expanded={historyOpen}>
              {historyOpen ? t('notes.hideHistory') : t('notes.showHistory', { count: note.history.length })}
            </Button>
          )}
          {editing === null && (
            <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(true)} aria-label={t('notes.deleteNamed', { date: written })}>
              {t('notes.delete')}
            </Button>
          )}
        </Group>
        <OutcomeAlert outcome={saving.outcome} />
        {files && (
          <Suspense fallback={null}>
            <LinkedFiles files={files} link={link} owner={t('notes.noteOf', { date: written })} dropZone={card} />
          </Suspense>
        )}
        <Collapse expanded={historyOpen}>
          <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('notes.historyLabel')}>
            {[...note.history].reverse().map((version) => (
              <Card component="li" key={version.replacedAt} bg="var(--mantine-color-gray-light)" padding="sm">
                <Text size="xs" c="dimmed">
                  {t('notes.replacedAt', { date: dateTime(version.replacedAt) })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {version.text}
                </Text>
              </Card>
            ))}
          </Stack>
        </Collapse>
      </Stack>
      <ConfirmDeleteDialog
        opened={deleting}
        onClose={() => {
          setDeleting(false);
          setWithFiles(false);
        }}
        title={t('notes.deleteTitle')}
        body={t('notes.deleteBody', { date: written })}
        confirmLabel={t('notes.deleteConfirm')}
        cancelLabel={t('actions.cancel')}
        failedText={t('notes.deleteFailed')}
        onDelete={() => onDelete(note, withFiles ? linked : [])}
      >
        {linked.length > 0 && (
          <Checkbox
            label={t('notes.deleteFiles', { count: linked.length })}
            description={t('notes.deleteFilesHelp', { count: linked.length })}
            checked={withFiles}
            onChange={(event) => setWithFiles(event.currentTarget.checked)}
          />
        )}
      </ConfirmDeleteDialog>
    </Card>
  );
}
