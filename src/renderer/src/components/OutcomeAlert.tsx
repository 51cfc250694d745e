import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Outcome } from './use-action';

/**
 * Shows an action's outcome: a confirmation read out politely, an error read out at once. `children` add
 * detail under the text (e.g. the problems found in a file); with `onClose` the person can dismiss it.
 */
export function OutcomeAlert({ outcome, onClose, children }: { outcome: Outcome | null; onClose?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const dismiss = onClose ? { withCloseButton: true, closeButtonLabel: t('notices.dismiss'), onClose } : {};
  return outcome.kind === 'ok' ? (
    <Alert color="teal" role="status" style={{ overflowWrap: 'anywhere' }} {...dismiss}>
      {outcome.text}
      {children}
    </Alert>
  ) : (
    <Alert color="red" role="alert" title={outcome.title} {...dismiss}>
      {outcome.text}
      {children}
    </Alert>
  );
}
