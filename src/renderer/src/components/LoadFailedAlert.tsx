import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface LoadFailedAlertProps {
  /** What could not be read, in the feature's words ("The cases could not be opened"). */
  title: string;
  /**
   * Only where the shared text would be wrong: it speaks of records in the vault, so shipped data
   * (the directory, the legal references) says what a retry or a restart can and cannot do for it.
   */
  body?: string;
  /** Reads it again. */
  onRetry: () => void | Promise<void>;
}

/** The one "could not be read, nothing was lost, try again" alert of every feature. */
export function LoadFailedAlert({ title, body, onRetry }: LoadFailedAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={title} icon={<IconAlertTriangle aria-hidden />}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{body ?? t('loadFailed.body')}</Text>
        <Button variant="default" size="xs" onClick={() => void onRetry()}>
          {t('loadFailed.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
