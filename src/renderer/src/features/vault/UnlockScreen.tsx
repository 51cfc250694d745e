import { useState, type FormEvent } from 'react';
import { Anchor, Button, PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked, VaultStatusInfo } from '@shared/vault';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { LockScreenLayout } from './LockScreenLayout';
import { isErased, unlockVault, vaultStatus } from './api';

export function UnlockScreen({
  status,
  onUnlocked,
  onRecover,
  onErased,
}: {
  status: VaultStatusInfo;
  onUnlocked: (unlocked: Unlocked) => Promise<void>;
  onRecover: () => void;
  onErased: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [failed, setFailed] = useState(status.failedAttempts);
  const unlock = useAction(async () => {
    try {
      await onUnlocked(await unlockVault(passphrase));
    } catch (caught) {
      setPassphrase('');
      if (isErased(caught)) return onErased();
      const next = await vaultStatus().catch(() => null);
      if (next && !next.exists) return onErased();
      if (next) setFailed(next.failedAttempts);
      throw caught;
    }
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase) void unlock.run();
  }

  return (
    <LockScreenLayout title={t('vault:lockedTitle')}>
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <PasswordInput label={t('vault:passphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} autoFocus mb="md" />
        <Button type="submit" fullWidth loading={unlock.busy} disabled={!passphrase}>
          {t('vault:unlock')}
        </Button>
      </form>
      <OutcomeAlert outcome={unlock.outcome} />
      {failed > 0 && status.eraseAfter === null && <Text size="sm">{t('vault:failedSoFar', { count: failed })}</Text>}
      {status.eraseAfter !== null && (
        <Text size="sm" c="orange.9">
          {t('vault:eraseWarningAttempts', { count: status.eraseAfter, failed })}
        </Text>
      )}
      <Anchor component="button" type="button" onClick={onRecover} size="sm">
        {t('vault:forgot')}
      </Anchor>
    </LockScreenLayout>
  );
}
