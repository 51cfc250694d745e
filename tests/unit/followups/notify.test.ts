import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dueCounts } from '@shared/followups';
import { defaultSettings, settingsPatchSchema } from '@shared/settings';
import { dueNotification } from '@renderer/features/followups/notify';
import { permissionAllowed } from '../../../src/main/security/session';
import { createSettingsStore, SETTINGS_FILE } from '../../../src/main/services/settings';
import { followUp } from './fixtures';

const marker = 'ZQXMARKER visit to Calle Mayor';
const texts = Object.fromEntries(
  ['en', 'es', 'fr', 'ar'].map((language) => [
    language,
    (JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../src/renderer/src/features/followups/locales/${language}.json`), 'utf8')) as { notify: { text: string } }).notify
      .text,
  ]),
);

describe('system notifications of follow-ups', () => {
  const now = Date.UTC(2026, 2, 20, 12);
  const followUps = [
    followUp({ title: marker, due: { date: '2026-03-20', time: null, zone: null } }),
    followUp({ id: 'f2', title: marker, due: { date: '2026-03-19', time: null, zone: null } }),
  ];
  const { overdue, today } = dueCounts(followUps, now, 'Europe/Madrid');
  const due = overdue + today;

  it('off (the default): nothing', () => {
    expect(defaultSettings.systemNotifications).toBe(false);
    expect(dueNotification({ enabled: false, unlocked: true, previousDue: 0, due }, texts.en!)).toBeNull();
  });

  it('locked: nothing, even when turned on', () => {
    expect(dueNotification({ enabled: true, unlocked: false, previousDue: 0, due }, texts.en!)).toBeNull();
  });

  it('on and unlocked: only when more fall due than at the last look, not at the first look after unlock', () => {
    expect(dueNotification({ enabled: true, unlocked: true, previousDue: null, due }, texts.en!)).toBeNull();
    expect(dueNotification({ enabled: true, unlocked: true, previousDue: due, due }, texts.en!)).toBeNull();
    expect(dueNotification({ enabled: true, unlocked: true, previousDue: due - 1, due }, texts.en!)).toBe('Waypoint: a reminder is due');
  });

  it('says only that a reminder is due, in every language: never a title, code or count', () => {
    for (const text of Object.values(texts)) {
      const shown = dueNotification({ enabled: true, unlocked: true, previousDue: 0, due }, text);
      expect(shown).toBe(text);
      expect(shown).toMatch(/^Waypoint/);
      for (const secret of ['ZQXMARKER', 'Calle', 'WP-', 'c1', String(due)]) expect(shown).not.toContain(secret);
    }
  });

  it('main grants the notifications permission only while the setting is on, and nothing else beyond the clipboard', () => {
    expect(permissionAllowed('notifications', false)).toBe(false);
    expect(permissionAllowed('notifications', true)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', false)).toBe(true);
    for (const permission of ['media', 'geolocation', 'midi', 'openExternal', 'fullscreen']) expect(permissionAllowed(permission, true)).toBe(false);
  });

  it('a settings file from before the setting reads as off, and a change of another setting leaves it as it is', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-notify-'));
    await writeFile(join(folder, SETTINGS_FILE), JSON.stringify({ language: 'fr', autoLockMinutes: 5, homeCountry: null }));
    const store = createSettingsStore(folder);
    expect(await store.get()).toMatchObject({ language: 'fr', systemNotifications: false });
    await store.set({ systemNotifications: true });
    expect(store.current()?.systemNotifications).toBe(true);
    await store.set(settingsPatchSchema.parse({ language: 'ar' }));
    expect(await createSettingsStore(folder).get()).toMatchObject({ language: 'ar', systemNotifications: true });
  });
});
