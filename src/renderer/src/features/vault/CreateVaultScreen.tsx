import { useState, type FormEvent } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked } from '@shared/vault';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { createVault } from './api';
import { KeptSecretStep } from './KeptSecretStep';
import { LockScreenLayout } from './LockScreenLayout';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';

/** First run: choose a passphrase, then keep the recovery key, which is shown this once. */
export default function CreateVaultScreen({ onUnlocked }: { onUnlocked: (unlocked: Unlocked) => Promise<void> }) {
  const { t } = useTranslation();
  const passphrase = useNewPassphrase();
  const [created, setCreated] = useState<(Unlocked & { recoveryKey: string }) | null>(null);
  const create = useAction(async () => setCreated(await createVault(passphrase.value)));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase.acceptable) void create.run();
  }

  if (created) return <RecoveryKeyStep created={created} onDone={() => onUnlocked({ keys: created.keys })} />;

  return (
    <LockScreenLayout title={t('vault:createTitle')}>
      <Text>{t('vault:createIntro')}</Text>
      <form autoComplete="off" onSubmit={submit} noValidate>
        <Stack>
          <NewPassphraseFields state={passphrase} />
          <Button type="submit" loading={create.busy} disabled={!passphrase.acceptable}>
            {t('vault:create')}
          </Button>
          {create.busy && (
            <Text size="sm" role="status">
              {t('vault:creating')}
            </Text>
          )}
        </Stack>
      </form>
      <OutcomeAlert outcome={create.outcome} />
    </LockScreenLayout>
  );
}

function RecoveryKeyStep({ created, onDone }: { created: { recoveryKey: string }; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <LockScreenLayout title={t('vault:recoveryTitle')}>
      <Text>{t('vault:recoveryIntro')}</Text>
      <KeptSecretStep secret={created.recoveryKey} kind="recoveryKey" onDone={onDone} />
    </LockScreenLayout>
  );
}
