import { useDirection } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppInfo } from '@shared/contract';
import type { Settings, SettingsPatch } from '@shared/settings';
import { loadAppInfo, loadSettings, saveSettings } from '../features/settings';
import { applyLanguage, directionOf } from '../i18n';

interface SettingsContextValue {
  settings: Settings;
  appInfo: AppInfo;
  /** Saves a change through the main process; rejects with a BridgeError and keeps the old values. */
  updateSettings(patch: SettingsPatch): Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}

/** Loads settings and app information once, and keeps the interface language in step with them. */
export function SettingsProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [state, setState] = useState<{ settings: Settings; appInfo: AppInfo } | null>(null);
  const { setDirection } = useDirection();
  const language = state?.settings.language;

  useEffect(() => {
    if (language) setDirection(directionOf(language));
  }, [language, setDirection]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const appInfo = await loadAppInfo();
      const settings = await loadSettings();
      await applyLanguage(settings.language);
      if (!cancelled) setState({ settings, appInfo });
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    const settings = await saveSettings(patch);
    await applyLanguage(settings.language);
    setState((previous) => (previous ? { ...previous, settings } : previous));
  }, []);

  if (!state) return fallback;
  return <SettingsContext.Provider value={{ ...state, updateSettings }}>{children}</SettingsContext.Provider>;
}
