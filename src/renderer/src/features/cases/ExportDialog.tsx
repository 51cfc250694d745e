import { memo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { casesToHtcdsCsv, type CaseRecord } from '@shared/cases';
import { exportFileName } from '@shared/files';
import { BridgeError } from '../../bridge';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { saveFile } from '../../files';
import { errorMessage } from '../../i18n/error-message';
import { ConfirmPassphraseField } from '../vault';
import { useCaseRepository } from './repository';

/**
 * HTCDS CSV of the chosen cases. The file leaves the vault, so the dialog says it is not encrypted;
 * the identifying one (codes, aliases, notes) also asks for the vault passphrase. Memoised: the case list re-renders on every keystroke, the closed dialog need not.
 */
export const ExportDialog = memo(function ExportDialog({
  opened,
  onClose,
  cases,
  scope,
}: {
  opened: boolean;
  onClose: () => void;
  cases: readonly CaseRecord[];
  scope: 'selected' | 'filtered' | 'all';
}) {
  const { t } = useTranslation('cases');
  const { t: tShared } = useTranslation();
  const repository = useCaseRepository();
  const [deidentified, setDeidentified] = useState(true);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const exporting = useAction(
    async () => {
      const notes = deidentified ? [] : await repository.notesOf(new Set(cases.map((record) => record.id)));
      const csv = casesToHtcdsCsv(cases, { deidentified, notes });
      const path = await saveFile(exportFileName(deidentified ? 'cases-deidentified' : 'cases', 'csv'), 'csv', csv, deidentified ? {} : { vaultPassphrase });
      setVaultPassphrase('');
      if (path) return t('export.saved', { path });
    },
    // Main refusing the vault passphrase (wrong, or wait) says so; anything else is the export's own message.
    (error) => (error instanceof BridgeError && error.code.startsWith('VAULT_') ? errorMessage(tShared, error) : { title: t('export.errorTitle'), text: t('export.error') }),
  );

  function close() {
    exporting.reset();
    setVaultPassphrase('');
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('export.title')} size="lg" closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      <Stack>
        <Text>{t(`export.scope.${scope}`, { count: cases.length })}</Text>
        <Checkbox
          label={t('export.deidentified')}
          description={t('export.deidentifiedHelp')}
          checked={deidentified}
          onChange={(event) => setDeidentified(event.currentTarget.checked)}
        />
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t('export.notEncryptedTitle')}>
          {deidentified ? t('export.notEncrypted') : t('export.notEncryptedIdentifying')}
        </Alert>
        {!deidentified && <ConfirmPassphraseField value={vaultPassphrase} onChange={setVaultPassphrase} onSubmit={() => cases.length > 0 && void exporting.run()} />}
        <OutcomeAlert outcome={exporting.outcome} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {exporting.outcome?.kind === 'ok' ? t('actions.done') : t('actions.cancel')}
          </Button>
          <Button onClick={() => void exporting.run()} loading={exporting.busy} disabled={cases.length === 0 || (!deidentified && !vaultPassphrase)}>
            {t('export.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
});
