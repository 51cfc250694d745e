export { VaultSession, requireUnlocked, confirmPassphrase, type ConfirmPassphrase } from './vault-session';
export { createEraser, type Eraser, type BrowserStorage } from './eraser';
export { enforceLocking, IDLE_CHECK_MS, type Locking, type LockingOptions, type PageEvents, type PowerEvents, type Timers } from './locking';
