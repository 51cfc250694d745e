import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked, VaultStatusInfo } from '@shared/vault';
import { unwrap } from '../../bridge';
import { errorMessage } from '../../i18n/error-message';
import { LockScreenLayout } from './LockScreenLayout';
import { isErased, legacyKeyRequest } from './vaultApi';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState(status.failedAttempts);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onUnlocked(await unwrap(window.waypoint.vault.unlock({ passphrase, ...(await legacyKeyRequest()) })));
    } catch (caught) {
      setPassphrase('');
      if (isErased(caught)) return onErased();
      setError(errorMessage(t, caught));
      const next = await unwrap(window.waypoint.vault.status()).catch(() => null);
      if (next && !next.exists) return onErased();
      if (next) setFailed(next.failedAttempts);
    } finally {
      setBusy(false);
    }
  }

  return (
    <LockScreenLayout title={t('vault.lockedTitle')}>
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <PasswordInput
          label={t('vault.passphrase')}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          autoFocus
          mb="md"
        />
        <Button type="submit" fullWidth loading={busy} disabled={!passphrase}>
          {t('vault.unlock')}
        </Button>
      </form>
      {error && <Alert color="red">{error}</Alert>}
      {failed > 0 && status.eraseAfter === null && <Text size="sm">{t('vault.failedSoFar', { count: failed })}</Text>}
      {status.eraseAfter !== null && (
        <Text size="sm" c="orange.9">
          {t('vault.eraseWarningAttempts', { count: status.eraseAfter, failed })}
        </Text>
      )}
      <Anchor component="button" type="button" onClick={onRecover} size="sm">
        {t('vault.forgot')}
      </Anchor>
    </LockScreenLayout>
  );
}
