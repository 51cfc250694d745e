import { lazy, Suspense, useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Loaded only when shown: right after the vault is created, or from Settings. */
export const FirstRunGuide = lazy(() => import('./FirstRunGuide'));

/** The button in Settings that opens the getting-started guide again. */
export function GuideLauncher() {
  const { t } = useTranslation('guide');
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('openAgain')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('openAgainHelp')}
      </Text>
      {open && (
        <Suspense fallback={null}>
          <FirstRunGuide onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </Stack>
  );
}
