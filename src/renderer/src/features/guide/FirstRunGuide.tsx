import { useState } from 'react';
import { Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/SettingsProvider';

const steps = ['keeps', 'leave', 'backup'] as const;

/**
 * Three short screens after the vault is created: what Waypoint keeps and where, how to lock and
 * leave quickly, how to back up. Skippable at every step, and opened again from Settings.
 */
export default function FirstRunGuide({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('guide');
  const { appInfo, settings } = useSettings();
  const [index, setIndex] = useState(0);
  const step = steps[index]!;
  const last = index === steps.length - 1;
  const points = t(`${step}.points`, { returnObjects: true, minutes: settings.autoLockMinutes, folder: appInfo.dataFolder }) as string[];
  // The guide is taken away rather than closed, so focus is given back here: to the button that opened
  // it, or, after the vault is created (that screen is gone), to the heading of the page below.
  const [opener] = useState(() => document.activeElement);
  const close = () => {
    onClose();
    window.setTimeout(() => {
      const target = opener instanceof HTMLElement && opener !== document.body && opener.isConnected ? opener : document.querySelector<HTMLElement>('main h1');
      target?.focus();
    });
  };

  return (
    <Modal opened onClose={close} title={t('title')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack gap="md">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('stepOf', { step: index + 1, total: steps.length })}
        </Text>
        <Title order={2} size="h3">
          {t(`${step}.title`)}
        </Title>
        <List spacing="xs">
          {points.map((point) => (
            <List.Item key={point}>{point}</List.Item>
          ))}
        </List>
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" onClick={close}>
            {t('skip')}
          </Button>
          <Group gap="sm">
            {index > 0 && (
              <Button variant="default" onClick={() => setIndex(index - 1)}>
                {t('back')}
              </Button>
            )}
            <Button onClick={() => (last ? close() : setIndex(index + 1))} data-autofocus>
              {last ? t('done') : t('next')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
