export { VaultSession, requireUnlocked, confirmPassphrase, type ConfirmPassphrase } from './vault-session';
export { createEraser, type Eraser, type BrowserStorage } from './eraser';
