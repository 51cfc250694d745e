import { Alert } from '@mantine/core';
import type { Outcome } from './use-action';

/** Shows an action's outcome: a confirmation read out politely, an error read out at once. */
export function OutcomeAlert({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return outcome.kind === 'ok' ? (
    <Alert color="teal" role="status" style={{ overflowWrap: 'anywhere' }}>
      {outcome.text}
    </Alert>
  ) : (
    <Alert color="red" role="alert" title={outcome.title}>
      {outcome.text}
    </Alert>
  );
}
