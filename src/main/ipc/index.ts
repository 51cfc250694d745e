import { createSettingsStore } from '../services/settings';
import { createVault, type VaultOptions } from '../services/vault';
import { createBackupSessions } from '../services/backup';
import { createSaveSessions } from '../services/save-sessions';
import { confirmPassphrase, createEraser, VaultSession } from '../services/session';
import { appHandlers, type AppIdentity } from './app';
import { backupHandlers } from './backup';
import { createDispatch, type Dispatch } from './dispatch';
import { filesHandlers, type ChooseSavePath } from './files';
import { settingsHandlers } from './settings';
import { pdfHandlers } from './pdf';
import type { PdfPrinter } from '../services/pdf/printer';
import type { SettingsStore } from '../services/settings';
import { vaultHandlers, type VaultPlatform } from './vault';

/** What the services ask of their surroundings: Electron's in the app, src/preview/platform.ts in the preview. */
export interface Platform extends VaultPlatform {
  chooseSavePath: ChooseSavePath;
  /** HTML to PDF through Chromium's print pipeline: printToPDF in the app, Chromium itself in the preview. */
  printPdf: PdfPrinter;
}

/** What only the browser preview's tests set (src/preview/server.ts); the Electron app passes none. */
export interface DispatchTestOptions {
  /** How a new vault calibrates its KDF, never below the floor (see services/vault/kdf.ts), and what derives its keys. */
  vault?: Pick<VaultOptions, 'kdfTargetMs' | 'testOnlyDeriveKey'>;
}

/**
 * Wires every main service to its handlers. The Electron main process and the browser preview both
 * call this, so the preview answers the contract with the very same code.
 */
export function createAppDispatch(
  identity: AppIdentity,
  platform: Platform,
  testOptions: DispatchTestOptions = {},
): { dispatch: Dispatch; vaultSession: VaultSession; settings: SettingsStore; finishInterruptedErase(): Promise<void> } {
  const settings = createSettingsStore(identity.dataFolder);
  const vaultSession = new VaultSession();
  const vault = createVault({ ...testOptions.vault, folder: identity.dataFolder });
  const eraser = createEraser(vault, vaultSession, settings, platform);
  const confirm = confirmPassphrase(vault, vaultSession);
  const backups = createBackupSessions({
    dataFolder: identity.dataFolder,
    confirmPassphrase: confirm,
    session: vaultSession,
    chooseSavePath: platform.chooseSavePath,
    appVersion: identity.version,
  });
  // A file too large for one request (a decrypted attachment) is saved in pieces.
  const saves = createSaveSessions({ confirmPassphrase: confirm, session: vaultSession, chooseSavePath: platform.chooseSavePath });
  const dispatch = createDispatch({
    ...appHandlers(identity, settings),
    ...settingsHandlers(settings),
    ...vaultHandlers(vault, vaultSession, eraser, platform),
    ...filesHandlers(platform.chooseSavePath, confirm),
    ...saves.steps,
    ...backupHandlers(backups),
    ...pdfHandlers(platform.printPdf, platform.chooseSavePath, confirm),
  });
  // Run before the page loads and before the first request is answered.
  return { dispatch, vaultSession, settings, finishInterruptedErase: () => eraser.atStart() };
}
