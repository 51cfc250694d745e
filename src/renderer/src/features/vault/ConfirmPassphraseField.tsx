import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The vault passphrase, asked again before a backup or an export that takes identifying data out of
 * the vault. Main checks it (growing delay on wrong ones, never the erase); the caller sends it with
 * the export request and clears it afterwards.
 *
 * With `onSubmit` (a dialog with no form of its own) the field is a form of its own, and Enter in it
 * calls `onSubmit`. Chromium's password manager groups every input outside a <form> into one form and
 * takes the last text field before a password as its username: a document title or a case answer
 * would then be kept in plaintext in the profile's `Login Data`. Alone in its form, it has no username.
 * (`autocomplete="off"` does not stop Chromium's password manager; it stays for other engines.)
 */
export function ConfirmPassphraseField({ value, onChange, onSubmit }: { value: string; onChange: (value: string) => void; onSubmit?: () => void }) {
  const { t } = useTranslation();
  const field = (
    <PasswordInput
      label={t('vault:confirmLabel')}
      description={t('vault:confirmHelp')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autoComplete="off"
    />
  );
  if (!onSubmit) return field;
  return (
    <form
      autoComplete="off"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (value) onSubmit();
      }}
    >
      {field}
    </form>
  );
}
