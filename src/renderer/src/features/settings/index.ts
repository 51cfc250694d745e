// Public surface of the settings feature: the app's SettingsProvider loads and saves through these.
// The shell loads SettingsPage itself, lazily (app/sections.ts).
export { loadAppInfo, loadSettings, saveSettings } from './api';
