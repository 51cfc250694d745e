import { z } from 'zod';
import { isCountryCode } from './countries';
import { languages } from './languages';

/** The auto-lock minutes any setting is held to: settings.json can say anything, main locks within these. */
export const autoLockMinutesRange = { min: 1, max: 240 } as const;

const settingsFields = {
  language: z.enum(languages),
  /** Minutes of inactivity before the vault locks itself; 1 to 240. */
  autoLockMinutes: z.number().int().min(autoLockMinutesRange.min).max(autoLockMinutesRange.max),
  /** ISO 3166-1 alpha-2 code, or null when the caseworker has not chosen one. */
  homeCountry: z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 country code').nullable(),
  /** A system notification when a follow-up falls due while unlocked, saying only that one is due. Off by default. */
  systemNotifications: z.boolean(),
};

export const settingsSchema = z.object({
  ...settingsFields,
  // A settings file from before this setting existed reads as off.
  systemNotifications: settingsFields.systemNotifications.default(false),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'en',
  autoLockMinutes: 5,
  homeCountry: null,
  systemNotifications: false,
};

// From the fields without defaults: a patch that does not name a setting leaves it as it is.
export const settingsPatchSchema = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * The auto-lock minutes to use for any value a settings file may hold: a number is rounded and held
 * within 1 to 240 (so an edited file cannot turn locking off with 0, -1 or 1e9); anything else gives
 * the default.
 */
export function clampAutoLockMinutes(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return defaultSettings.autoLockMinutes;
  return Math.min(autoLockMinutesRange.max, Math.max(autoLockMinutesRange.min, Math.round(value)));
}
