import { useState, type FormEvent } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked } from '@shared/vault';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { LockScreenLayout } from './LockScreenLayout';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
import { isErased, recoverVault } from './api';

export default function RecoverScreen({ onUnlocked, onBack, onErased }: { onUnlocked: (unlocked: Unlocked) => Promise<void>; onBack: () => void; onErased: () => void }) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const newPassphrase = useNewPassphrase();
  const recover = useAction(async () => {
    try {
      await onUnlocked(await recoverVault({ recoveryKey, newPassphrase: newPassphrase.value }));
    } catch (caught) {
      if (isErased(caught)) return onErased();
      throw caught;
    }
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassphrase.acceptable && recoveryKey.trim()) void recover.run();
  }

  return (
    <LockScreenLayout title={t('vault:recoverTitle')}>
      <Text>{t('vault:recoverIntro')}</Text>
      {/* Outside the passphrases' form: Chromium's password manager takes the last text field before a
          password in the same form for a username, and would keep the recovery key in plaintext. */}
      <TextInput
        label={t('vault:recoveryKey')}
        value={recoveryKey}
        onChange={(event) => setRecoveryKey(event.currentTarget.value)}
        spellCheck={false}
        styles={{ input: { fontFamily: 'monospace' } }}
        autoFocus
        mb="md"
      />
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <NewPassphraseFields state={newPassphrase} />
          <Button type="submit" loading={recover.busy} disabled={!newPassphrase.acceptable || !recoveryKey.trim()}>
            {t('vault:recover')}
          </Button>
        </Stack>
      </form>
      <OutcomeAlert outcome={recover.outcome} />
      <Anchor component="button" type="button" onClick={onBack} size="sm">
        {t('vault:backToUnlock')}
      </Anchor>
    </LockScreenLayout>
  );
}
