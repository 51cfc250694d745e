import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/SettingsProvider';
import { unwrap } from '../../bridge';
import { errorMessage } from '../../i18n/error-message';
import { clearOriginAndReload } from './vaultApi';

/**
 * Erase with typed confirmation: main drops the key, destroys the vault header first (so what
 * remains is unreadable), deletes every other file of the app and clears the browser engine's
 * storage; then the page clears its origin too and starts over at first run. The browser preview
 * also asks for the passphrase (other local programs can reach its server).
 */
export function EraseDevice() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const needsPassphrase = useSettings().appInfo.runtime === 'browser-preview';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const word = t('vault.eraseWord');

  async function erase() {
    setBusy(true);
    setError(null);
    try {
      await unwrap(window.waypoint.vault.erase(needsPassphrase ? { confirm: true, passphrase } : { confirm: true }));
      await clearOriginAndReload();
    } catch (caught) {
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('vault.eraseTitle')}
      </Title>
      <Text>{t('vault.eraseIntro')}</Text>
      <TextInput label={t('vault.eraseConfirmLabel', { word })} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} />
      {needsPassphrase && <PasswordInput label={t('preview.erasePassphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} />}
      <Button color="red" disabled={typed.trim() !== word || (needsPassphrase && !passphrase)} loading={busy} onClick={() => void erase()}>
        {t('vault.eraseButton')}
      </Button>
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}
