// Public surface of the vault feature: the app mounts the gate; other features read the open store
// and reuse the passphrase fields.
export { VaultGate } from './VaultGate';
export { VaultContext, useVault } from './VaultContext';
export type { VaultContextValue } from './VaultContext';
export { ConfirmPassphraseField } from './ConfirmPassphraseField';
export { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
export { SecuritySettings } from './SecuritySettings';
export { lockAndReload } from './api';
