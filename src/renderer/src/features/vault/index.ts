// Public surface of the vault feature: the app mounts the gate; other features read the open store
// and reuse the passphrase fields. Our modules count as having side effects, so everything exported
// here is loaded with the first screen: the security settings (key change, recovery key) load with
// their page instead.
import { lazy } from 'react';
export { VaultGate } from './VaultGate';
export { VaultContext, useVault } from './VaultContext';
export type { VaultContextValue } from './VaultContext';
export { ConfirmPassphraseField } from './ConfirmPassphraseField';
export { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
export { lockAndReload } from './api';
export const SecuritySettings = lazy(() => import('./SecuritySettings').then((module) => ({ default: module.SecuritySettings })));
