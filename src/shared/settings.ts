import { z } from 'zod';
import { isCountryCode } from './countries';
import { languages } from './languages';

export const settingsSchema = z.object({
  language: z.enum(languages),
  /** Minutes of inactivity before the vault locks itself; 1 to 240. */
  autoLockMinutes: z.number().int().min(1).max(240),
  /** ISO 3166-1 alpha-2 code, or null when the caseworker has not chosen one. */
  homeCountry: z
    .string()
    .refine(isCountryCode, 'not an ISO 3166-1 alpha-2 country code')
    .nullable(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'en',
  autoLockMinutes: 5,
  homeCountry: null,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
