import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OutcomeAlert } from './OutcomeAlert';
import { useAction } from './use-action';

export interface ConfirmDeleteDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What goes, and that it cannot be undone. */
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Shown when `onDelete` fails: what happened, that nothing was lost, what to try. */
  failedText: string;
  /** Deletes, then moves on (closes, navigates); while it runs the dialog cannot be closed. */
  onDelete: () => Promise<void>;
  /** For what cannot be brought back at all: the person types `expected` before the button works. */
  typeToConfirm?: { label: string; expected: string };
  /** Choices about what goes with it (a note's files), under the body. */
  children?: ReactNode;
}

/** The one dialog that asks before deleting something. */
export function ConfirmDeleteDialog({ opened, onClose, title, body, confirmLabel, cancelLabel, failedText, onDelete, typeToConfirm, children }: ConfirmDeleteDialogProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const deletion = useAction(onDelete, () => failedText);
  const confirmed = !typeToConfirm || typed.trim() === typeToConfirm.expected;

  const close = () => {
    if (deletion.busy) return;
    deletion.reset();
    setTyped('');
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('app.closeDialog') }}>
      <form
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) void deletion.run();
        }}
      >
        <Stack>
          <Text>{body}</Text>
          {children}
          {typeToConfirm && <TextInput label={typeToConfirm.label} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} data-autofocus />}
          <OutcomeAlert outcome={deletion.outcome} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={deletion.busy} data-autofocus={typeToConfirm ? undefined : true}>
              {cancelLabel}
            </Button>
            <Button type="submit" color="red" disabled={!confirmed} loading={deletion.busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
