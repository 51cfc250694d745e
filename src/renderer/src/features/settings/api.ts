import type { AppInfo } from '@shared/contract';
import type { Settings, SettingsPatch } from '@shared/settings';
import { unwrap } from '../../bridge';

// The settings' calls to main; the app's SettingsProvider holds what they return.
export const loadAppInfo = (): Promise<AppInfo> => unwrap(window.waypoint.app.info());
export const loadSettings = (): Promise<Settings> => unwrap(window.waypoint.settings.get());
export const saveSettings = (patch: SettingsPatch): Promise<Settings> => unwrap(window.waypoint.settings.set(patch));
