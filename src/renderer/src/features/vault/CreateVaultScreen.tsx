import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unlocked } from '@shared/vault';
import { unwrap } from '../../bridge';
import { errorMessage } from './errorMessage';
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
      setCreated(await unwrap(window.waypoint.vault.create({ passphrase: passphrase.value })));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  }

  if (created) return <RecoveryKeyStep created={created} onDone={() => onUnlocked({ dataKey: created.dataKey })} />;

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
  const [stored, setStored] = useState(false);
  const [lastGroup, setLastGroup] = useState('');
  const [busy, setBusy] = useState(false);
  const expected = created.recoveryKey.split('-').at(-1) ?? '';
  const matches = lastGroup.trim().toUpperCase() === expected.toUpperCase();

  return (
    <LockScreenLayout title={t('vault.recoveryTitle')}>
      <Text>{t('vault.recoveryIntro')}</Text>
      <Text
        className="printable"
        data-testid="recovery-key"
        ff="monospace"
        fz="lg"
        fw={600}
        p="md"
        bg="gray.1"
        style={{ borderRadius: 8, wordSpacing: '0.3em', direction: 'ltr', textAlign: 'center' }}
      >
        {created.recoveryKey}
      </Text>
      <Group>
        <Button variant="light" onClick={() => window.print()}>
          {t('vault.print')}
        </Button>
      </Group>
      <TextInput
        label={t('vault.recoveryConfirmLabel')}
        value={lastGroup}
        onChange={(event) => setLastGroup(event.currentTarget.value)}
        error={lastGroup && !matches ? t('vault.recoveryConfirmWrong') : undefined}
        spellCheck={false}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Checkbox label={t('vault.recoveryStored')} checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
      <Button
        disabled={!stored || !matches}
        loading={busy}
        onClick={() => {
          setBusy(true);
          void onDone();
        }}
      >
        {t('vault.continue')}
      </Button>
    </LockScreenLayout>
  );
}
