import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { newRecoveryKey } from './api';
import { KeptSecretStep } from './KeptSecretStep';

type Step = { name: 'ask' } | { name: 'show'; recoveryKey: string } | { name: 'done' };

/**
 * Replaces the recovery key after the vault passphrase: main writes the new wrap over the old one at
 * once, then the new key is shown once with the same confirm step as at setup.
 */
export function NewRecoveryKey({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [step, setStep] = useState<Step>({ name: 'ask' });
  const create = useAction(async () => {
    const { recoveryKey } = await newRecoveryKey({ passphrase });
    setPassphrase('');
    setStep({ name: 'show', recoveryKey });
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase) void create.run();
  }

  if (step.name === 'show') {
    return (
      <Stack>
        <Text>{t('vault:recoveryIntro')}</Text>
        <KeptSecretStep
          secret={step.recoveryKey}
          kind="recoveryKey"
          doneLabel={t('vault:done')}
          onDone={() => {
            setStep({ name: 'done' });
            onDone?.();
          }}
        />
      </Stack>
    );
  }

  return (
    <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">{t('vault:newRecoveryKeyIntro')}</Text>
        <PasswordInput label={t('vault:currentPassphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} />
        <Button type="submit" loading={create.busy} disabled={!passphrase} w="fit-content">
          {t('vault:newRecoveryKeyButton')}
        </Button>
        {step.name === 'done' && (
          <Alert color="teal" role="status">
            {t('vault:newRecoveryKeyDone')}
          </Alert>
        )}
        <OutcomeAlert outcome={create.outcome} />
      </Stack>
    </form>
  );
}
