import { useState } from 'react';
import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../app/SettingsProvider';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { clearOriginAndReload, eraseVault } from './api';

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
  const word = t('vault:eraseWord');
  const ready = typed.trim() === word && (!needsPassphrase || Boolean(passphrase));
  const erase = useAction(async () => {
    await eraseVault(needsPassphrase ? { confirm: true, passphrase } : { confirm: true });
    await clearOriginAndReload();
  });

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('vault:eraseTitle')}
      </Title>
      <Text>{t('vault:eraseIntro')}</Text>
      <TextInput label={t('vault:eraseConfirmLabel', { word })} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} />
      {/* A form of its own: Chromium's password manager would take the typed word, as the last text field before it, for a username. */}
      <form autoComplete="off" noValidate onSubmit={(event) => (event.preventDefault(), ready && void erase.run())}>
        <Stack>
          {needsPassphrase && <PasswordInput label={t('preview.erasePassphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} />}
          <Button type="submit" color="red" disabled={!ready} loading={erase.busy}>
            {t('vault:eraseButton')}
          </Button>
        </Stack>
      </form>
      <OutcomeAlert outcome={erase.outcome} />
    </Stack>
  );
}
