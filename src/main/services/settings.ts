import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Notice } from '../../shared/contract';
import { clampAutoLockMinutes, defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import type { Language } from '../../shared/languages';
import { writeFileAtomically } from './atomic-file';

export const SETTINGS_FILE = 'settings.json';
/** A settings file that could not be read is set aside as `settings.corrupt-<time>.json`. */
export const CORRUPT_SETTINGS_PREFIX = 'settings.corrupt-';

export interface SettingsStore {
  get(): Promise<Settings>;
  set(patch: SettingsPatch): Promise<Settings>;
  /** Things the user should be told once, e.g. that a corrupt file was set aside. */
  takeNotices(): Notice[];
  /** The settings as last read or written, without waiting; null before the first read. */
  current(): Settings | null;
  /** Deletes the file and returns to defaults (erase this device). */
  reset(): Promise<void>;
}

/**
 * Settings kept as a JSON file in the data folder. A file that cannot be read as valid settings is
 * renamed (never deleted), defaults are used, and a notice says where the old file went.
 */
export function createSettingsStore(folder: string, now: () => Date = () => new Date()): SettingsStore {
  const file = join(folder, SETTINGS_FILE);
  let cached: Settings | null = null;
  const notices: Notice[] = [];
  // Serialises writes so two quick changes cannot interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    if (cached) return cached;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (cached = { ...defaultSettings });
      throw error;
    }
    const parsed = safeParse(text);
    if (parsed) return (cached = parsed);
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const movedTo = join(folder, `${CORRUPT_SETTINGS_PREFIX}${stamp}.json`);
    await rename(file, movedTo);
    notices.push({ code: 'settingsReset', path: movedTo });
    return (cached = { ...defaultSettings });
  }

  async function set(patch: SettingsPatch): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await load()), ...patch });
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFileAtomically(file, JSON.stringify(next, null, 2) + '\n');
    } catch (error) {
      throw new AppError('SETTINGS_WRITE_FAILED', `could not write ${SETTINGS_FILE}`, { cause: error });
    }
    cached = next;
    return next;
  }

  return {
    get: load,
    current: () => cached,
    set(patch) {
      const result = queue.then(() => set(patch));
      queue = result.catch(() => undefined);
      return result;
    },
    takeNotices: () => notices.splice(0, notices.length),
    async reset() {
      await queue;
      await rm(file, { force: true });
      cached = { ...defaultSettings };
    },
  };
}

/**
 * The interface language saved in the data folder, read before the app is ready: Chromium takes its
 * locale (the order of day, month and year in date fields) from the command line at start. Only
 * reads; a missing or unreadable file means the default, and the settings store deals with it later.
 */
export function savedLanguage(folder: string): Language {
  try {
    return safeParse(readFileSync(join(folder, SETTINGS_FILE), 'utf8'))?.language ?? defaultSettings.language;
  } catch {
    return defaultSettings.language;
  }
}

function safeParse(text: string): Settings | null {
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
    // Unknown keys from a newer version are dropped; missing keys take defaults. An auto-lock out of
    // range is held to it rather than set aside: main locks by it (services/session/locking.ts).
    const merged = { ...defaultSettings, ...raw } as Record<string, unknown>;
    if (typeof merged['autoLockMinutes'] === 'number') merged['autoLockMinutes'] = clampAutoLockMinutes(merged['autoLockMinutes']);
    const result = settingsSchema.safeParse(merged);
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
