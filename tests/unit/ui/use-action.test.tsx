// @vitest-environment happy-dom
import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BridgeError } from '@renderer/bridge';
import { OutcomeAlert } from '@renderer/components/OutcomeAlert';
import { useAction } from '@renderer/components/use-action';
import en from '@renderer/i18n/locales/en.json';
import { renderInApp } from './render';

/** A button that runs `task` through the hook and shows its busy state and outcome as the app does. */
function Harness({ task, describeError }: { task: () => Promise<string | void>; describeError?: (error: unknown) => string }) {
  const action = useAction(task, describeError);
  const [runs, setRuns] = useState(0);
  return (
    <>
      <button
        type="button"
        aria-busy={action.busy}
        onClick={() => {
          setRuns((count) => count + 1);
          void action.run();
        }}
      >
        Save
      </button>
      <button type="button" onClick={action.reset}>
        Clear
      </button>
      <p data-testid="runs">{runs}</p>
      <OutcomeAlert outcome={action.outcome} />
    </>
  );
}

function deferred() {
  let resolve!: (value: string | void) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<string | void>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

describe('useAction', () => {
  it('is busy while the task runs, ignores a second run meanwhile, and shows the confirmation it resolves to', async () => {
    const pending = deferred();
    const task = vi.fn(() => pending.promise);
    await renderInApp(<Harness task={task} />);
    const save = screen.getByRole('button', { name: 'Save' });
    fireEvent.click(save);
    fireEvent.click(save);
    expect(save.getAttribute('aria-busy')).toBe('true');
    expect(task).toHaveBeenCalledTimes(1);
    pending.resolve('Saved to exports/a.csv');
    expect((await screen.findByRole('status')).textContent).toBe('Saved to exports/a.csv');
    expect(save.getAttribute('aria-busy')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows nothing when the task resolves to nothing (cancelled), and clears the last outcome when it starts again', async () => {
    let answer: string | void = 'Done';
    await renderInApp(<Harness task={() => Promise.resolve(answer)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    answer = undefined;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns a failed bridge call into its translated message, and anything else into the caller’s text', async () => {
    const { unmount } = await renderInApp(<Harness task={() => Promise.reject(new BridgeError({ code: 'FILE_WRITE_FAILED', message: 'ENOSPC /tmp/x' }))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(en.errors.FILE_WRITE_FAILED);
    unmount();

    await renderInApp(<Harness task={() => Promise.reject(new Error('boom'))} describeError={() => 'The list was not saved. Nothing was lost.'} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The list was not saved. Nothing was lost.');
    // A failed run ends the busy state too, so the person can try again.
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-busy')).toBe('false');
  });
});

describe('OutcomeAlert', () => {
  it('shows detail under the text and, when it may be dismissed, a translated close button that clears it', async () => {
    const onClose = vi.fn();
    await renderInApp(
      <OutcomeAlert outcome={{ kind: 'error', title: 'Not imported', text: 'Nothing was changed.' }} onClose={onClose}>
        <code>sections[0].items[0].kind</code>
      </OutcomeAlert>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed.sections[0].items[0].kind');
    fireEvent.click(screen.getByRole('button', { name: en.notices.dismiss }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
