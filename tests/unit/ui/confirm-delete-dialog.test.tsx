// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDeleteDialog, type ConfirmDeleteDialogProps } from '@renderer/components/ConfirmDeleteDialog';
import { renderInApp } from './render';

const texts = {
  title: 'Delete WP-2026-0001?',
  body: 'The case and its notes go for good.',
  confirmLabel: 'Delete',
  cancelLabel: 'Cancel',
  failedText: 'The case was not deleted. Nothing was lost; try again.',
};

function dialog(props: Partial<ConfirmDeleteDialogProps>) {
  const onClose = vi.fn();
  const onDelete = vi.fn(() => Promise.resolve());
  return { onClose, onDelete, ui: <ConfirmDeleteDialog opened onClose={onClose} onDelete={onDelete} {...texts} {...props} /> };
}

describe('ConfirmDeleteDialog', () => {
  it('deletes only after the person typed the expected code, and submits with Enter', async () => {
    const { onDelete, ui } = dialog({ typeToConfirm: { label: 'Type WP-2026-0001 to confirm', expected: 'WP-2026-0001' } });
    await renderInApp(ui);
    const remove = screen.getByRole('button', { name: 'Delete' });
    expect(remove.hasAttribute('disabled')).toBe(true);
    const typed = screen.getByLabelText('Type WP-2026-0001 to confirm');
    expect(typed.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(typed, { target: { value: 'WP-2026-000' } });
    fireEvent.submit(typed.closest('form')!);
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.change(typed, { target: { value: ' WP-2026-0001 ' } });
    expect(remove.hasAttribute('disabled')).toBe(false);
    fireEvent.submit(typed.closest('form')!);
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
  });

  it('shows the translated failure and stays open; closing is refused while the deletion runs', async () => {
    let fail!: (error: unknown) => void;
    const { onClose, onDelete, ui } = dialog({});
    onDelete.mockImplementation(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    await renderInApp(ui);
    expect(screen.getByText(texts.body)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).not.toHaveBeenCalled();
    fail(new Error('IndexedDB: AbortError'));
    expect((await screen.findByRole('alert')).textContent).toBe(texts.failedText);
    expect(cancel.hasAttribute('disabled')).toBe(false);
    fireEvent.click(cancel);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows choices about what goes with it under the body, outside its paragraph', async () => {
    const { ui } = dialog({ children: <input type="checkbox" aria-label="Also delete the file attached to it" autoComplete="off" /> });
    await renderInApp(ui);
    const choice = screen.getByRole('checkbox', { name: 'Also delete the file attached to it' });
    expect(choice.closest('form')).not.toBeNull();
    expect(choice.closest('p')).toBeNull();
  });
});
