import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseAttachment } from '@shared/attachments';
import { BridgeError } from '../../bridge';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import type { WaypointStore } from '../../db';
import { saveFileInParts } from '../../files';
import { errorMessage } from '../../i18n/error-message';
import { ConfirmPassphraseField } from '../vault';
import { attachmentParts } from './data';
import { attachmentErrorText } from './errors';
import { copyFileName } from './names';

/**
 * A decrypted copy of an attached file, written where the caseworker chooses. It leaves the vault, so the
 * dialog says it is not encrypted and asks for the vault passphrase, as every export that identifies a
 * person does; the copy is named like every export unless the caseworker keeps the file's own name.
 */
export function SaveCopyDialog({ store, attachment, onClose }: { store: WaypointStore; attachment: CaseAttachment; onClose: () => void }) {
  const { t, i18n } = useTranslation('attachments');
  const { t: tShared } = useTranslation();
  const [keepName, setKeepName] = useState(false);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const saving = useAction(
    async () => {
      // Decrypted and sent a chunk at a time: a large file is never held whole, and main names the copy only once it is complete.
      const path = await saveFileInParts(copyFileName(attachment.name, attachment.mediaType, keepName), 'file', attachment.size, attachmentParts(store, attachment), {
        vaultPassphrase,
      });
      setVaultPassphrase('');
      if (path) return t('save.saved', { path });
    },
    (error) => (error instanceof BridgeError ? errorMessage(tShared, error) : attachmentErrorText(t, i18n.language, error)),
  );
  const close = () => {
    setVaultPassphrase('');
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('save.title')} size="lg" closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      <Stack>
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t('save.notEncryptedTitle')}>
          {t('save.notEncrypted')}
        </Alert>
        <Checkbox
          label={t('save.keepName', { name: attachment.name })}
          description={t('save.keepNameHelp')}
          checked={keepName}
          onChange={(event) => setKeepName(event.currentTarget.checked)}
        />
        <ConfirmPassphraseField value={vaultPassphrase} onChange={setVaultPassphrase} onSubmit={() => void saving.run()} />
        <OutcomeAlert outcome={saving.outcome} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {saving.outcome?.kind === 'ok' ? t('actions.done') : t('actions.cancel')}
          </Button>
          <Button onClick={() => void saving.run()} loading={saving.busy} disabled={!vaultPassphrase}>
            {t('save.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
