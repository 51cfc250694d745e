import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The follow-ups could not be read (agenda or a case's tab): says that nothing was lost, and offers to try again. */
export function LoadFailed({ onRetry }: { onRetry: () => Promise<void> | void }) {
  const { t } = useTranslation('followups');
  return (
    <Alert color="red" role="alert" title={t('errors.loadTitle')}>
      <Group>
        {t('errors.load')}
        <Button variant="default" size="xs" onClick={() => void onRetry()}>
          {t('actions.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
