import { Button, Divider, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangeKeys } from './ChangeKeys';
import { NewRecoveryKey } from './NewRecoveryKey';

/**
 * The recovery key was just used, so it may have been seen on its way out of its hiding place: the
 * passphrase is new already (recovering sets one), and this offers a new recovery key at once, or,
 * when someone may have used the key to open the vault, a change of keys (which brings a new recovery
 * key too).
 */
export default function AfterRecovery({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('vault:recoveredTitle')} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Text>{t('vault:recoveredIntro')}</Text>
        <NewRecoveryKey onDone={onClose} />
        <Divider />
        <Title order={3} size="h4">
          {t('vault:changeKeysTitle')}
        </Title>
        <Text size="sm">{t('vault:recoveredChangeKeys')}</Text>
        <ChangeKeys />
        <Button variant="subtle" w="fit-content" onClick={onClose}>
          {t('vault:later')}
        </Button>
      </Stack>
    </Modal>
  );
}
