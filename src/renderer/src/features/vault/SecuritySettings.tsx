import { useState, type FormEvent } from 'react';
import { Button, Card, Divider, NumberInput, PasswordInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changePassphrase, setEraseAfter } from './api';
import { ChangeKeys } from './ChangeKeys';
import { EraseDevice } from './EraseDevice';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { NewRecoveryKey } from './NewRecoveryKey';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';

function ChangePassphrase() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();
  const change = useAction(async () => {
    await changePassphrase({ current, next: next.value });
    setCurrent('');
    next.setValue('');
    next.setConfirmation('');
    return t('vault:passphraseChanged');
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (current && next.acceptable) void change.run();
  }

  return (
    <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Title order={3} size="h4">
          {t('vault:changePassphrase')}
        </Title>
        <PasswordInput label={t('vault:currentPassphrase')} value={current} onChange={(event) => setCurrent(event.currentTarget.value)} />
        <NewPassphraseFields state={next} />
        <Button type="submit" loading={change.busy} disabled={!current || !next.acceptable} w="fit-content">
          {t('vault:changePassphrase')}
        </Button>
        <OutcomeAlert outcome={change.outcome} />
      </Stack>
    </form>
  );
}

function EraseAfterAttempts() {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(false);
  const [count, setCount] = useState<number>(10);
  const [passphrase, setPassphrase] = useState('');
  const save = useAction(async () => {
    await setEraseAfter({ passphrase, eraseAfter: enabled ? count : null });
    setPassphrase('');
    return t('vault:eraseAfterSaved');
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('vault:eraseAfterTitle')}
      </Title>
      <Switch label={t('vault:eraseAfterSwitch')} checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
      {enabled && (
        <>
          <Text size="sm" c="orange.9">
            {t('vault:eraseAfterWarning')}
          </Text>
          {/* Outside the form: a number field is a text field, which Chromium's password manager would take for a username. */}
          <NumberInput label={t('vault:eraseAfterCount')} min={3} max={100} allowDecimal={false} value={count} onChange={(value) => setCount(Number(value) || 3)} w={220} />
        </>
      )}
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <PasswordInput label={t('vault:currentPassphrase')} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} />
          <Button type="submit" loading={save.busy} disabled={!passphrase} w="fit-content">
            {t('vault:eraseAfterSave')}
          </Button>
          <OutcomeAlert outcome={save.outcome} />
        </Stack>
      </form>
    </Stack>
  );
}

/** The vault's part of Settings: passphrase, change of keys, recovery key, erase-after-attempts and erase this device. */
export function SecuritySettings() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="settings-security">
      <Stack>
        <Title order={2} size="h3" id="settings-security">
          {t('vault:security')}
        </Title>
        <ChangePassphrase />
        <Divider />
        <Stack component="section" aria-labelledby="settings-change-keys">
          <Title order={3} size="h4" id="settings-change-keys">
            {t('vault:changeKeysTitle')}
          </Title>
          <ChangeKeys />
        </Stack>
        <Divider />
        <Stack component="section" aria-labelledby="settings-new-recovery-key">
          <Title order={3} size="h4" id="settings-new-recovery-key">
            {t('vault:newRecoveryKeyTitle')}
          </Title>
          <NewRecoveryKey />
        </Stack>
        <Divider />
        <EraseAfterAttempts />
        <Divider />
        <EraseDevice />
      </Stack>
    </Card>
  );
}
