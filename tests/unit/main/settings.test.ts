import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@shared/settings';
import { createSettingsStore, savedLanguage, SETTINGS_FILE } from '../../../src/main/services/settings';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'waypoint-settings-'));
});

describe('settings store', () => {
  it('starts with defaults and writes nothing until something changes', async () => {
    const store = createSettingsStore(folder);
    expect(await store.get()).toEqual(defaultSettings);
    expect(await readdir(folder)).toEqual([]);
  });

  it('persists a change for the next start', async () => {
    await createSettingsStore(folder).set({ language: 'ar', homeCountry: 'GR' });
    const reopened = createSettingsStore(folder);
    expect(await reopened.get()).toEqual({ ...defaultSettings, language: 'ar', homeCountry: 'GR' });
    expect(JSON.parse(await readFile(join(folder, SETTINGS_FILE), 'utf8'))).toMatchObject({ language: 'ar' });
  });

  it('writes atomically: no temporary file is left beside the settings', async () => {
    const store = createSettingsStore(folder);
    await Promise.all([store.set({ autoLockMinutes: 10 }), store.set({ language: 'ar' }), store.set({ homeCountry: 'NG' })]);
    expect(await readdir(folder)).toEqual([SETTINGS_FILE]);
    expect(await createSettingsStore(folder).get()).toEqual({ language: 'ar', autoLockMinutes: 10, homeCountry: 'NG', systemNotifications: false });
  });

  it('rejects invalid values and keeps the previous file', async () => {
    const store = createSettingsStore(folder);
    await store.set({ autoLockMinutes: 15 });
    await expect(store.set({ autoLockMinutes: 0 })).rejects.toThrow();
    await expect(store.set({ homeCountry: 'ZZ' })).rejects.toThrow();
    expect(await createSettingsStore(folder).get()).toMatchObject({ autoLockMinutes: 15, homeCountry: null });
  });

  it.each([
    ['not JSON', '{"language": "en",'],
    ['a JSON array', '[1, 2]'],
    ['a number', '5'],
    ['a wrong type', '{"autoLockMinutes": "five"}'],
    ['an unknown language', '{"language": "tlh"}'],
  ])('sets a corrupt file (%s) aside, uses defaults and says so once', async (_name, content) => {
    await writeFile(join(folder, SETTINGS_FILE), content);
    const store = createSettingsStore(folder, () => new Date('2026-11-28T10:00:00Z'));
    expect(await store.get()).toEqual(defaultSettings);
    const notices = store.takeNotices();
    expect(notices).toEqual([{ code: 'settingsReset', path: join(folder, 'settings.corrupt-2026-11-28T10-00-00-000Z.json') }]);
    expect(await readFile(notices[0]!.path!, 'utf8')).toBe(content);
    expect(store.takeNotices()).toEqual([]);
  });

  it('keeps known values from a file written by a newer version with extra keys', async () => {
    await writeFile(join(folder, SETTINGS_FILE), JSON.stringify({ language: 'ar', futureOption: true }));
    const store = createSettingsStore(folder);
    expect(await store.get()).toEqual({ ...defaultSettings, language: 'ar' });
    expect(store.takeNotices()).toEqual([]);
  });

  it('reports a failed write with SETTINGS_WRITE_FAILED and keeps the values in use', async () => {
    const store = createSettingsStore(folder);
    await store.set({ language: 'ar' });
    // A non-empty folder where the file should be makes the final rename fail, even for root.
    await rm(join(folder, SETTINGS_FILE));
    await mkdir(join(folder, SETTINGS_FILE, 'blocker'), { recursive: true });
    await expect(store.set({ language: 'en' })).rejects.toMatchObject({ code: 'SETTINGS_WRITE_FAILED' });
    expect(await store.get()).toMatchObject({ language: 'ar' });
    expect((await readdir(folder)).sort()).toEqual([SETTINGS_FILE]);
  });
});

describe('the language read before the app starts', () => {
  it('is the saved interface language', async () => {
    await createSettingsStore(folder).set({ language: 'fr' });
    expect(savedLanguage(folder)).toBe('fr');
  });

  it('is the default when there is no file, an unreadable file or an unknown language, and the file is left alone', async () => {
    expect(savedLanguage(folder)).toBe(defaultSettings.language);
    await writeFile(join(folder, SETTINGS_FILE), '{ not json');
    expect(savedLanguage(folder)).toBe(defaultSettings.language);
    await writeFile(join(folder, SETTINGS_FILE), JSON.stringify({ ...defaultSettings, language: 'xx' }));
    expect(savedLanguage(folder)).toBe(defaultSettings.language);
    expect(await readdir(folder)).toEqual([SETTINGS_FILE]);
  });
});
