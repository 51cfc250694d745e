import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error' };

/*
 * Parts of one page that are mounted apart (a case's checklists panel and its screening summary)
 * read the same records; a change saved through one notifies its topic, and every `useLoaded`
 * watching that topic reads again at once.
 */
type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();

function subscribe(topic: string, listener: Listener): () => void {
  const set = listeners.get(topic) ?? new Set();
  set.add(listener);
  listeners.set(topic, set);
  return () => set.delete(listener);
}

export function notifyChanged(topic: string): void {
  for (const listener of listeners.get(topic) ?? []) listener();
}

/** Runs `load` now and whenever `topic` is notified; `retry` runs it again after an error. */
export function useLoaded<T>(load: () => Promise<T>, topic: string | null = null): { state: Loaded<T>; retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const run = () =>
      load().then(
        (value) => !cancelled && setState({ status: 'ready', value }),
        (error: unknown) => {
          console.error(error);
          if (!cancelled) setState({ status: 'error' });
        },
      );
    void run();
    const unsubscribe = topic === null ? undefined : subscribe(topic, () => void run());
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [load, topic, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}

/**
 * For a list changed on its own page: `reload`, awaited after each change, reads again and swaps the
 * result in, with the list still shown meanwhile (no "loading" in between, unlike `retry` above).
 */
export function useReloaded<T>(read: () => Promise<T>): { load: Loaded<T>; reload: () => Promise<void> } {
  const [load, setLoad] = useState<Loaded<T>>({ status: 'loading' });
  const settle = useCallback(
    (): Promise<Loaded<T>> =>
      read().then(
        (value) => ({ status: 'ready', value }),
        () => ({ status: 'error' }),
      ),
    [read],
  );
  useEffect(() => {
    let current = true;
    void settle().then((loaded) => current && setLoad(loaded));
    return () => {
      current = false;
    };
  }, [settle]);
  const reload = useCallback(async () => setLoad(await settle()), [settle]);
  return { load, reload };
}
