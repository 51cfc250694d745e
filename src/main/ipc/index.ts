import { createSettingsStore } from '../services/settings';
import { appHandlers, type AppIdentity } from './app';
import { createDispatch, type Dispatch } from './dispatch';
import { settingsHandlers } from './settings';

/**
 * Wires every main service to its handlers. The Electron main process and the browser preview both
 * call this, so the preview answers the contract with the very same code.
 */
export function createAppDispatch(identity: AppIdentity): Dispatch {
  const settings = createSettingsStore(identity.dataFolder);
  return createDispatch({
    ...appHandlers(identity, settings),
    ...settingsHandlers(settings),
  });
}
