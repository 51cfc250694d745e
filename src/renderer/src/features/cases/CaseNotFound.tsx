import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageTitle } from './Parts';

/** A case link that leads nowhere: deleted, or never on this device. */
export function CaseNotFound() {
  const { t } = useTranslation('cases');
  return (
    <Stack gap="lg" align="flex-start">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} href="/">
        {t('actions.backToList')}
      </Button>
    </Stack>
  );
}
