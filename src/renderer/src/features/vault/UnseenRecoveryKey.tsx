import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { defaultDbName, forgetKeyChange } from '../../db';
import { NewRecoveryKey } from './NewRecoveryKey';

/**
 * The last change of keys finished under these keys, but Waypoint may have closed before it showed the
 * new recovery key: the old one no longer opens the vault, so a new one is offered at every unlock until
 * one is made.
 */
export default function UnseenRecoveryKey({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('vault:unseenRecoveryKeyTitle')} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Text>{t('vault:unseenRecoveryKeyIntro')}</Text>
        <NewRecoveryKey
          onDone={() => {
            void forgetKeyChange(defaultDbName).finally(onClose);
          }}
        />
        <Button variant="subtle" w="fit-content" onClick={onClose}>
          {t('vault:later')}
        </Button>
      </Stack>
    </Modal>
  );
}
