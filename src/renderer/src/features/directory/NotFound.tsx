import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function NotFound() {
  const { t } = useTranslation('directory');
  return (
    <Stack gap="md">
      <Title order={1} tabIndex={-1}>
        {t('notFound.title')}
      </Title>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} href="/">
        {t('entry.back')}
      </Anchor>
    </Stack>
  );
}
