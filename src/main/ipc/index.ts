import { createSettingsStore } from '../services/settings';
import { createVault } from '../services/vault';
import { appHandlers, type AppIdentity } from './app';
import { createDispatch, type Dispatch } from './dispatch';
import { filesHandlers, previewSavePath, type ChooseSavePath } from './files';
import { settingsHandlers } from './settings';
import { noVaultPlatform, vaultHandlers, VaultSession, type VaultPlatform } from './vault';

/**
 * Wires every main service to its handlers. The Electron main process and the browser preview both
 * call this, so the preview answers the contract with the very same code.
 */
export interface Platform extends VaultPlatform {
  chooseSavePath: ChooseSavePath;
}

export function createAppDispatch(
  identity: AppIdentity,
  platform: Platform = { ...noVaultPlatform, chooseSavePath: previewSavePath(identity.dataFolder) },
): { dispatch: Dispatch; vaultSession: VaultSession } {
  const settings = createSettingsStore(identity.dataFolder);
  const vaultSession = new VaultSession();
  const dispatch = createDispatch({
    ...appHandlers(identity, settings),
    ...settingsHandlers(settings),
    ...vaultHandlers(createVault({ folder: identity.dataFolder }), vaultSession, settings, platform),
    ...filesHandlers(platform.chooseSavePath),
  });
  return { dispatch, vaultSession };
}
