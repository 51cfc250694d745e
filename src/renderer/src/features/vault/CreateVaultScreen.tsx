import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked } from '@shared/vault';
import { errorMessage } from '../../i18n/error-message';
import { createVault } from './api';
import { KeptSecretStep } from './KeptSecretStep';
import { LockScreenLayout } from './LockScreenLayout';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';

/** First run: choose a passphrase, then keep the recovery key, which is shown this once. */
export default function CreateVaultScreen({ onUnlocked }: { onUnlocked: (unlocked: Unlocked) => Promise<void> }) {
  const { t } = useTranslation();
  const passphrase = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<(Unlocked & { recoveryKey: string }) | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase.acceptable || busy) return;
    setBusy(true);
    setError(null);
    try {
      setCreated(await createVault(passphrase.value));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  }

  if (created) return <RecoveryKeyStep created={created} onDone={() => onUnlocked({ keys: created.keys })} />;

  return (
    <LockScreenLayout title={t('vault.createTitle')}>
      <Text>{t('vault.createIntro')}</Text>
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <NewPassphraseFields state={passphrase} />
          <Button type="submit" loading={busy} disabled={!passphrase.acceptable}>
            {t('vault.create')}
          </Button>
          {busy && (
            <Text size="sm" role="status">
              {t('vault.creating')}
            </Text>
          )}
        </Stack>
      </form>
      {error && <Alert color="red">{error}</Alert>}
    </LockScreenLayout>
  );
}

function RecoveryKeyStep({ created, onDone }: { created: { recoveryKey: string }; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <LockScreenLayout title={t('vault.recoveryTitle')}>
      <Text>{t('vault.recoveryIntro')}</Text>
      <KeptSecretStep secret={created.recoveryKey} kind="recoveryKey" onDone={onDone} />
    </LockScreenLayout>
  );
}
