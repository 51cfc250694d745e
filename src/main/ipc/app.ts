import type { DataFolderMode } from '../services/data-folder';
import type { Handlers } from './dispatch';
import type { SettingsStore } from '../services/settings';

export interface AppIdentity {
  name: string;
  version: string;
  platform: string;
  dataFolder: string;
  runtime: 'electron' | 'browser-preview';
  buildDate: string | null;
  dataFolderMode: DataFolderMode;
}

export function appHandlers(identity: AppIdentity, settings: SettingsStore): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => {
      await settings.get(); // reading settings first surfaces a corrupt file as a notice
      return { ...identity, notices: settings.takeNotices() };
    },
  };
}
