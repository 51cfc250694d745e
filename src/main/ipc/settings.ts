import type { Handlers } from './dispatch';
import type { SettingsStore } from '../services/settings';

export function settingsHandlers(settings: SettingsStore): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };
}
