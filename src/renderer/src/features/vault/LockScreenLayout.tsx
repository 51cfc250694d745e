import type { ReactNode } from 'react';
import { Alert, Center, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/SettingsProvider';

/** The neutral frame of every screen shown before unlock: the name "Waypoint" and nothing more. */
export function LockScreenLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { appInfo } = useSettings();
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
        <Stack>
          <Title order={1} size="h2" tabIndex={-1}>
            {title}
          </Title>
          {appInfo.runtime === 'browser-preview' && (
            // A note, not an alert: it is there on every visit, and screen readers need not interrupt for it.
            // Black title: Mantine's yellow one falls below WCAG AA contrast on its light background.
            <Alert color="yellow" role="note" title={t('preview.devOnlyTitle')} styles={{ title: { color: 'var(--mantine-color-black)' } }}>
              {t('preview.devOnlyBody')}
            </Alert>
          )}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
