export { createVault, HEADER_FILE, MIN_PASSPHRASE_LENGTH, type Vault, type VaultOptions, type VaultStatus } from './vault';
export { VaultError, type VaultErrorCode } from './errors';
export { ATTEMPTS_FILE } from './attempts';
