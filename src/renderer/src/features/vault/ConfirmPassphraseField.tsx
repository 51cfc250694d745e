import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The vault passphrase, asked again before a backup or an export that takes identifying data out of
 * the vault. Main checks it (growing delay on wrong ones, never the erase); the caller sends it with
 * the export request and clears it afterwards.
 */
export function ConfirmPassphraseField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('vault:confirmLabel')}
      description={t('vault:confirmHelp')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autoComplete="off"
    />
  );
}
