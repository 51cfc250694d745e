import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LegalNote } from '../LegalParts';
import { legalPaths } from '../paths';

export function NotFound() {
  const { t } = useTranslation('legal');
  return (
    <Stack gap="md">
      <Title order={1} tabIndex={-1}>
        {t('notFound.title')}
      </Title>
      <LegalNote />
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} href={legalPaths.home}>
        {t('backToLegal')}
      </Anchor>
    </Stack>
  );
}
