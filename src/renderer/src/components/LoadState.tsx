import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { LoadFailedAlert } from './LoadFailedAlert';
import type { Loaded } from './use-loaded';

export interface LoadStateProps<T> {
  state: Loaded<T>;
  onRetry: () => void | Promise<void>;
  /** The spinner's name for screen readers ("Loading the checklists"). */
  loadingLabel: string;
  /** What could not be read, in the feature's words; `failedBody` only where LoadFailedAlert's shared text would be wrong. */
  failedTitle: string;
  failedBody?: string;
  /** What the part shows once read; without it, nothing (for a page that lays out its ready state itself). */
  children?: (value: T) => ReactNode;
}

/** The one way a part of a page shows its records loading, failed to load (with a retry), or read. */
export function LoadState<T>({ state, onRetry, loadingLabel, failedTitle, failedBody, children }: LoadStateProps<T>) {
  if (state.status === 'ready') return children ? children(state.value) : null;
  if (state.status === 'loading') {
    return (
      <Center p="md">
        <Loader size="sm" role="status" aria-label={loadingLabel} />
      </Center>
    );
  }
  return <LoadFailedAlert title={failedTitle} body={failedBody} onRetry={onRetry} />;
}
