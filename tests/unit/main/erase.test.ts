import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/settings';
import { clearBrowserData } from '../../../src/main/browser-data';
import { backupHandlers } from '../../../src/main/ipc/backup';
import { createBackupSessions } from '../../../src/main/services/backup';
import { createSaveSessions } from '../../../src/main/services/save-sessions';
import { createDispatch, type Handlers } from '../../../src/main/ipc/dispatch';
import { filesHandlers } from '../../../src/main/ipc/files';
import { vaultHandlers } from '../../../src/main/ipc/vault';
import { confirmPassphrase, createEraser, VaultSession } from '../../../src/main/services/session';
import { ERASE_MARKER_FILE } from '../../../src/main/services/erase';
import { createSettingsStore } from '../../../src/main/services/settings';
import { createVault, HEADER_FILE } from '../../../src/main/services/vault';

const PASSPHRASE = 'lantern orchard quietly seventeen';

/** The vault's handlers as the app wires them, with a cheap KDF and a platform that records what it is asked. */
async function setUp() {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-erase-ipc-'));
  const vault = createVault({ folder, testOnlyScryptLogN: 10 });
  const session = new VaultSession();
  const settings = createSettingsStore(folder);
  const platform = { quickExit: vi.fn(), clearBrowserData: vi.fn(async () => {}), eraseNeedsPassphrase: false };
  const eraser = createEraser(vault, session, settings, platform);
  const confirm = confirmPassphrase(vault, session);
  const chooseSavePath = vi.fn(async (name: string) => join(folder, name));
  const dispatch = createDispatch(
    {
      ...vaultHandlers(vault, session, eraser, platform),
      ...filesHandlers(chooseSavePath, confirm),
      ...createSaveSessions({ confirmPassphrase: confirm, session, chooseSavePath }).steps,
      ...backupHandlers(createBackupSessions({ dataFolder: folder, confirmPassphrase: confirm, session, chooseSavePath, appVersion: '0.1.0', testOnlyScryptLogN: 10 })),
    } as Handlers,
    () => {},
  );
  return { folder, vault, session, settings, platform, eraser, dispatch, chooseSavePath };
}

let fixture: Awaited<ReturnType<typeof setUp>>;
beforeEach(async () => {
  fixture = await setUp();
});
afterEach(() => rm(fixture.folder, { recursive: true, force: true }));

async function call(channel: string, request?: unknown) {
  return fixture.dispatch(channel, request);
}

describe('erase through the bridge', () => {
  it('vault.erase locks, deletes every app file, forgets the settings and clears the browser engine', async () => {
    const { folder, session, settings, platform } = fixture;
    expect((await call('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
    await settings.set({ language: 'ar', homeCountry: 'TH' });
    expect(await call('vault.erase', { confirm: true })).toEqual({ ok: true, value: null });
    expect(session.unlocked).toBe(false);
    expect(await readdir(folder)).toEqual([]);
    expect(await settings.get()).toEqual(defaultSettings);
    expect(platform.clearBrowserData).toHaveBeenCalledOnce();
  });

  it('an unlock that reaches the erase limit leaves the same: no file, settings forgotten, browser engine cleared', async () => {
    const { folder, settings, platform, session } = fixture;
    await call('vault.create', { passphrase: PASSPHRASE });
    await call('vault.setEraseAfter', { passphrase: PASSPHRASE, eraseAfter: 3 });
    await settings.set({ language: 'fr' });
    await call('vault.lock');
    expect(await call('vault.unlock', { passphrase: 'wrong one' })).toMatchObject({ ok: false, error: { code: 'VAULT_WRONG_PASSPHRASE' } });
    expect(await call('vault.unlock', { passphrase: 'wrong two' })).toMatchObject({ ok: false, error: { code: 'VAULT_WRONG_PASSPHRASE' } });
    expect(platform.clearBrowserData).not.toHaveBeenCalled();
    expect(await call('vault.unlock', { passphrase: 'wrong three' })).toMatchObject({ ok: false, error: { code: 'VAULT_ERASED' } });
    expect(await readdir(folder)).toEqual([]);
    expect(await settings.get()).toEqual(defaultSettings);
    expect(platform.clearBrowserData).toHaveBeenCalledOnce();
    expect(session.unlocked).toBe(false);
  });

  it('wrong passphrases inside the session (change, erase limit, backup, identifying export) never erase', async () => {
    const { folder, chooseSavePath } = fixture;
    await call('vault.create', { passphrase: PASSPHRASE });
    await call('vault.setEraseAfter', { passphrase: PASSPHRASE, eraseAfter: 3 });
    const wrong = [
      ['vault.changePassphrase', { current: 'wrong guess', next: 'the next passphrase' }],
      ['vault.setEraseAfter', { passphrase: 'wrong guess', eraseAfter: null }],
      ['vault.newRecoveryKey', { passphrase: 'wrong guess' }],
      ['files.saveBegin', { suggestedName: 'copy.jpg', kind: 'file', size: 1, vaultPassphrase: 'wrong guess' }],
      ['backup.begin', { vaultPassphrase: 'wrong guess', backupPassphrase: null, counts: {}, suggestedName: 'b.wpbackup' }],
      ['files.save', { suggestedName: 'cases.csv', kind: 'csv', data: 'x', encoding: 'utf8', vaultPassphrase: 'wrong guess' }],
    ] as const;
    const codes = [];
    for (const [channel, request] of wrong) codes.push(((await call(channel, request)) as { error: { code: string } }).error.code);
    // The fifth and sixth meet the delay that starts after four wrong ones: counted, never erased.
    expect(codes).toEqual([...Array<string>(4).fill('VAULT_WRONG_PASSPHRASE'), 'VAULT_LOCKED_OUT', 'VAULT_LOCKED_OUT']);
    expect(await readdir(folder)).toEqual([HEADER_FILE]);
    expect(chooseSavePath).not.toHaveBeenCalled();
    expect(await call('vault.status')).toMatchObject({ ok: true, value: { exists: true, unlocked: true, failedAttempts: 0, eraseAfter: 3 } });
  });

  it('re-authentication is refused while locked, before any passphrase is tested', async () => {
    const { vault } = fixture;
    await call('vault.create', { passphrase: PASSPHRASE });
    await call('vault.lock');
    const reauthenticate = vi.spyOn(vault, 'reauthenticate');
    const changePassphrase = vi.spyOn(vault, 'changePassphrase');
    const replaceRecoveryKey = vi.spyOn(vault, 'replaceRecoveryKey');
    for (const [channel, request] of [
      ['vault.changePassphrase', { current: PASSPHRASE, next: 'the next passphrase' }],
      ['vault.setEraseAfter', { passphrase: PASSPHRASE, eraseAfter: null }],
      ['vault.newRecoveryKey', { passphrase: PASSPHRASE }],
      ['backup.begin', { vaultPassphrase: PASSPHRASE, backupPassphrase: null, counts: {}, suggestedName: 'b.wpbackup' }],
      ['files.save', { suggestedName: 'cases.csv', kind: 'csv', data: 'x', encoding: 'utf8', vaultPassphrase: PASSPHRASE }],
      ['files.saveBegin', { suggestedName: 'copy.jpg', kind: 'file', size: 1, vaultPassphrase: PASSPHRASE }],
    ] as const) {
      expect(await call(channel, request)).toMatchObject({ ok: false, error: { code: 'VAULT_IS_LOCKED' } });
    }
    expect(reauthenticate).not.toHaveBeenCalled();
    expect(changePassphrase).not.toHaveBeenCalled();
    expect(replaceRecoveryKey).not.toHaveBeenCalled();
  });

  it('vault.newRecoveryKey answers a new key once, and only that key recovers the vault', async () => {
    const created = (await call('vault.create', { passphrase: PASSPHRASE })) as { value: { recoveryKey: string } };
    const renewed = (await call('vault.newRecoveryKey', { passphrase: PASSPHRASE })) as { ok: boolean; value: { recoveryKey: string } };
    expect(renewed.ok).toBe(true);
    expect(renewed.value.recoveryKey).not.toBe(created.value.recoveryKey);
    await call('vault.lock');
    expect(await call('vault.recover', { recoveryKey: created.value.recoveryKey, newPassphrase: 'another long passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_WRONG_RECOVERY_KEY' },
    });
    expect(await call('vault.recover', { recoveryKey: renewed.value.recoveryKey, newPassphrase: 'another long passphrase' })).toMatchObject({ ok: true });
  });
});

describe('at start', () => {
  it('finishes an interrupted erase and clears the browser engine', async () => {
    const { folder, eraser, platform } = fixture;
    await call('vault.create', { passphrase: PASSPHRASE });
    await fixture.settings.set({ language: 'es' });
    await writeFile(join(folder, ERASE_MARKER_FILE), '');
    await eraser.atStart();
    expect(await readdir(folder)).toEqual([]);
    expect(platform.clearBrowserData).toHaveBeenCalledOnce();
  });

  it('with no vault, clears the browser engine so nothing of an earlier one stays; with a vault, touches nothing', async () => {
    const { folder, eraser, platform } = fixture;
    await eraser.atStart();
    expect(platform.clearBrowserData).toHaveBeenCalledOnce();
    await call('vault.create', { passphrase: PASSPHRASE });
    await eraser.atStart();
    expect(platform.clearBrowserData).toHaveBeenCalledOnce();
    expect(await readdir(folder)).toEqual([HEADER_FILE]);
  });
});

describe('clearBrowserData (Electron)', () => {
  it('asks the session to clear every kind of storage and cache it has', async () => {
    const calls: string[] = [];
    const record = (name: string) => vi.fn(async () => void calls.push(name));
    const session = {
      clearData: record('clearData'),
      clearStorageData: record('clearStorageData'),
      clearCache: record('clearCache'),
      clearCodeCaches: record('clearCodeCaches'),
      clearAuthCache: record('clearAuthCache'),
      clearHostResolverCache: record('clearHostResolverCache'),
    };
    await clearBrowserData(session);
    expect(calls.sort()).toEqual(['clearAuthCache', 'clearCache', 'clearCodeCaches', 'clearData', 'clearHostResolverCache', 'clearStorageData']);
    // All data types and all storages: no filter narrows them.
    expect(session.clearData).toHaveBeenCalledWith();
    expect(session.clearStorageData).toHaveBeenCalledWith();
    expect(session.clearCodeCaches).toHaveBeenCalledWith({});
  });
});
