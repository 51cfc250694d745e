import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';

/** What an action ended with, as the person reads it: a confirmation or a translated error. */
export type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string; title?: string };

export interface Action<Args extends unknown[]> {
  /** True from the start of a run until it settles: a second run meanwhile is ignored. */
  readonly busy: boolean;
  readonly outcome: Outcome | null;
  readonly run: (...args: Args) => Promise<void>;
  /** Clears the outcome, e.g. when the dialog that shows it closes. */
  readonly reset: () => void;
}

/**
 * One async action with its busy state and outcome. `task` resolves to the confirmation to show, or
 * to nothing (cancelled, or the page moves on). A failure becomes an error outcome: `describeError`'s
 * text, or the shared message for a bridge error.
 */
export function useAction<Args extends unknown[]>(
  task: (...args: Args) => Promise<string | void>,
  describeError?: (error: unknown) => string | Omit<Extract<Outcome, { kind: 'error' }>, 'kind'>,
): Action<Args> {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A ref, not the state: two clicks in one frame both see busy === false.
  const running = useRef(false);

  async function run(...args: Args) {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setOutcome(null);
    try {
      const text = await task(...args);
      if (typeof text === 'string') setOutcome({ kind: 'ok', text });
    } catch (error) {
      const described = describeError ? describeError(error) : errorMessage(t, error);
      setOutcome(typeof described === 'string' ? { kind: 'error', text: described } : { kind: 'error', ...described });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  const reset = useCallback(() => setOutcome(null), []);
  return { busy, outcome, run, reset };
}
