import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NewRecoveryKey } from './NewRecoveryKey';

/**
 * The recovery key was just used, so it may have been seen on its way out of its hiding place: the
 * passphrase is new already (recovering sets one), and this offers a new recovery key at once.
 */
export default function AfterRecovery({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('vault:recoveredTitle')} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Text>{t('vault:recoveredIntro')}</Text>
        <NewRecoveryKey onDone={onClose} />
        <Button variant="subtle" w="fit-content" onClick={onClose}>
          {t('vault:later')}
        </Button>
      </Stack>
    </Modal>
  );
}
