import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewSavePath } from '../../../src/preview/save-path';
import { AUTOFILL_STORE_FILES, ERASE_MARKER_FILE, removeAutofillStoreWithoutVault } from '../../../src/main/services/erase';
import { RESTORE_UPLOAD_FOLDER } from '../../../src/main/services/data-folder';
import { createSettingsStore, SETTINGS_FILE } from '../../../src/main/services/settings';
import { ATTEMPTS_FILE, HEADER_FILE } from '../../../src/main/services/vault';
import { expectVaultError, manualClock, PASSPHRASE, tempFolder, testVault } from './helpers';

/**
 * What an erase leaves: Chromium's own profile files (in Electron the data folder is also the
 * profile, and the session clears those) and the preview's exports/ (a stand-in for the folder a
 * person saves to).
 */
const NOT_THE_SERVICES = ['IndexedDB', 'Local State', 'Preferences', 'exports'];

/**
 * A data folder as the services leave it after use: the vault header and failure counter, the
 * settings and a corrupt copy set aside, a restore upload, a preview export, a temporary file from
 * an interrupted atomic write, and Chromium's profile beside them.
 */
async function usedDataFolder(): Promise<string> {
  const folder = await tempFolder();
  const vault = testVault(folder);
  await vault.create(PASSPHRASE);
  await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
  await writeFile(join(folder, SETTINGS_FILE), '{ not json');
  const settings = createSettingsStore(folder);
  await settings.get(); // sets the damaged file aside as settings.corrupt-<time>.json
  await settings.set({ language: 'ar', homeCountry: 'TH' });
  await writeFile(join(folder, `${SETTINGS_FILE}.3f2a9c`), '{"language":"fr"}');
  await mkdir(join(folder, RESTORE_UPLOAD_FOLDER));
  await writeFile(join(folder, RESTORE_UPLOAD_FOLDER, '0123.upload'), 'ciphertext');
  const exported = await previewSavePath(folder)('waypoint-htcds.csv', 'csv');
  await writeFile(exported!, 'wp_CaseCode\r\nWP-2026-0001\r\n');
  await mkdir(join(folder, 'IndexedDB'));
  await writeFile(join(folder, 'Local State'), '{}');
  await writeFile(join(folder, 'Preferences'), '{}');
  const names = await readdir(folder);
  expect(names).toEqual(expect.arrayContaining([HEADER_FILE, ATTEMPTS_FILE, SETTINGS_FILE, `${SETTINGS_FILE}.3f2a9c`, RESTORE_UPLOAD_FOLDER, 'exports']));
  expect(names.some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
  return folder;
}

describe('erase', () => {
  it('deletes every file the services wrote in the data folder, and nothing else', async () => {
    const folder = await usedDataFolder();
    await testVault(folder).erase();
    expect((await readdir(folder)).sort()).toEqual(NOT_THE_SERVICES);
  });

  it('after too many wrong passphrases at unlock, deletes every file too', async () => {
    const folder = await usedDataFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.setEraseAfter(PASSPHRASE, 3); // the counter already holds one failure
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    clock.advance(60_000);
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_ERASED');
    expect((await readdir(folder)).sort()).toEqual(NOT_THE_SERVICES);
  });
});

describe('an erase interrupted half-way', () => {
  it('is finished at the next start when the header is gone and other files remain', async () => {
    const folder = await usedDataFolder();
    await rm(join(folder, HEADER_FILE)); // an erase destroys the header first
    const restarted = testVault(folder);
    expect(await restarted.finishInterruptedErase()).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(NOT_THE_SERVICES);
    expect(await restarted.finishInterruptedErase()).toBe(false);
  });

  it('is finished when its marker is there, even before the header went: the header is destroyed', async () => {
    const folder = await usedDataFolder();
    await writeFile(join(folder, ERASE_MARKER_FILE), '');
    const restarted = testVault(folder);
    expect(await restarted.finishInterruptedErase()).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(NOT_THE_SERVICES);
    await expectVaultError(restarted.unlock(PASSPHRASE), 'VAULT_NOT_FOUND');
  });

  it('a start with a vault and no marker touches nothing; neither does a first start', async () => {
    const folder = await usedDataFolder();
    const before = await readdir(folder);
    const settings = await readFile(join(folder, SETTINGS_FILE), 'utf8');
    expect(await testVault(folder).finishInterruptedErase()).toBe(false);
    expect(await readdir(folder)).toEqual(before);
    expect(await readFile(join(folder, SETTINGS_FILE), 'utf8')).toBe(settings);

    const empty = await tempFolder();
    expect(await testVault(empty).finishInterruptedErase()).toBe(false);
    expect(await testVault(join(empty, 'not-created-yet')).finishInterruptedErase()).toBe(false);
  });
});

describe('Chromium’s autofill database (Electron: the data folder is also the profile)', () => {
  async function withAutofillStore(folder: string): Promise<void> {
    for (const name of AUTOFILL_STORE_FILES) await writeFile(join(folder, name), 'SQLite format 3 … typed text');
  }

  it('is removed at start when there is no vault, or an erase did not finish', async () => {
    const noVault = await tempFolder();
    await withAutofillStore(noVault);
    removeAutofillStoreWithoutVault(noVault);
    expect(await readdir(noVault)).toEqual([]);

    const unfinished = await tempFolder();
    await testVault(unfinished).create(PASSPHRASE);
    await writeFile(join(unfinished, ERASE_MARKER_FILE), '');
    await withAutofillStore(unfinished);
    removeAutofillStoreWithoutVault(unfinished);
    expect((await readdir(unfinished)).sort()).toEqual([ERASE_MARKER_FILE, HEADER_FILE]);
  });

  it('is left alone while a vault exists', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    await withAutofillStore(folder);
    removeAutofillStoreWithoutVault(folder);
    expect((await readdir(folder)).sort()).toEqual([HEADER_FILE, ...AUTOFILL_STORE_FILES].sort());
  });
});
