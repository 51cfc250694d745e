import { useState } from 'react';
import { Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';

/**
 * A secret shown once (a recovery key, a suggested passphrase): the person proves they kept it by
 * typing its last part and ticking a box before going on. The secret is plain text, never a field,
 * so no autofill store sees it; the recovery key can be printed (the print stylesheet prints only it).
 */
export function KeptSecretStep({
  secret,
  kind,
  onDone,
  doneLabel,
}: {
  secret: string;
  kind: 'recoveryKey' | 'passphrase';
  onDone: () => void | Promise<void>;
  doneLabel?: string;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [lastPart, setLastPart] = useState('');
  // Going on may open the vault (first run): a failure there is shown, not lost.
  const done = useAction(async () => {
    await onDone();
  });
  const expected = secret.split(kind === 'recoveryKey' ? '-' : ' ').at(-1) ?? '';
  const matches = lastPart.trim().toUpperCase() === expected.toUpperCase();
  const texts =
    kind === 'recoveryKey'
      ? { confirm: t('vault:recoveryConfirmLabel'), wrong: t('vault:recoveryConfirmWrong'), stored: t('vault:recoveryStored') }
      : { confirm: t('vault:suggestedConfirmLabel'), wrong: t('vault:suggestedConfirmWrong'), stored: t('vault:suggestedStored') };

  // A suggested passphrase is shown inside the form of the new passphrase: its last word typed into a
  // text field there would be a "username" to Chromium's password manager (kept in plaintext in the
  // profile's Login Data). It is part of the secret anyway, so it is typed masked.
  const LastPartInput = kind === 'passphrase' ? PasswordInput : TextInput;

  return (
    <Stack>
      <Text
        className={kind === 'recoveryKey' ? 'printable' : undefined}
        data-testid={kind === 'recoveryKey' ? 'recovery-key' : 'suggested-passphrase'}
        ff="monospace"
        fz="lg"
        fw={600}
        p="md"
        bg="gray.1"
        style={{ borderRadius: 8, wordSpacing: '0.3em', direction: 'ltr', textAlign: 'center' }}
      >
        {secret}
      </Text>
      {kind === 'recoveryKey' && (
        <Group>
          <Button variant="light" onClick={() => window.print()}>
            {t('vault:print')}
          </Button>
        </Group>
      )}
      <LastPartInput
        label={texts.confirm}
        value={lastPart}
        onChange={(event) => setLastPart(event.currentTarget.value)}
        error={lastPart && !matches ? texts.wrong : undefined}
        spellCheck={false}
        autoComplete="off"
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Checkbox label={texts.stored} checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
      <Button disabled={!stored || !matches} loading={done.busy} w="fit-content" onClick={() => void done.run()}>
        {doneLabel ?? t('vault:continue')}
      </Button>
      <OutcomeAlert outcome={done.outcome} />
    </Stack>
  );
}
