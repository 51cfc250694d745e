import { memo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { casesToHtcdsCsv, type CaseRecord } from '@shared/cases';
import { exportFileName } from '@shared/files';
import { BridgeError } from '../../bridge';
import { saveFile } from '../../files';
import { ConfirmPassphraseField } from '../vault/ConfirmPassphraseField';
import { errorMessage } from '../../i18n/error-message';
import { useCaseRepository } from './repository';

/** `passphrase`: main refused the vault passphrase (wrong, or wait), with its translated message. */
type Outcome = { kind: 'saved'; path: string } | { kind: 'error' } | { kind: 'passphrase'; text: string } | null;

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
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function save() {
    setBusy(true);
    setOutcome(null);
    try {
      const notes = deidentified ? [] : await repository.notesOf(new Set(cases.map((record) => record.id)));
      const csv = casesToHtcdsCsv(cases, { deidentified, notes });
      const path = await saveFile(exportFileName(deidentified ? 'cases-deidentified' : 'cases', 'csv'), 'csv', csv, deidentified ? {} : { vaultPassphrase });
      setVaultPassphrase('');
      if (path) setOutcome({ kind: 'saved', path });
    } catch (error) {
      const refused = error instanceof BridgeError && error.code.startsWith('VAULT_');
      setOutcome(refused ? { kind: 'passphrase', text: errorMessage(tShared, error) } : { kind: 'error' });
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setOutcome(null);
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
        {!deidentified && <ConfirmPassphraseField value={vaultPassphrase} onChange={setVaultPassphrase} />}
        <div role="status" aria-live="polite">
          {outcome?.kind === 'saved' && (
            <Text c="teal.9" style={{ wordBreak: 'break-all' }}>
              {t('export.saved', { path: outcome.path })}
            </Text>
          )}
        </div>
        {outcome?.kind === 'error' && (
          <Alert color="red" role="alert" title={t('export.errorTitle')}>
            {t('export.error')}
          </Alert>
        )}
        {outcome?.kind === 'passphrase' && (
          <Alert color="red" role="alert">
            {outcome.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {outcome?.kind === 'saved' ? t('actions.done') : t('actions.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={cases.length === 0 || (!deidentified && !vaultPassphrase)}>
            {t('export.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
});
