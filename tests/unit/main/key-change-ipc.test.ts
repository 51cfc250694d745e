import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vaultHandlers } from '../../../src/main/ipc/vault';
import { createDispatch, type Handlers } from '../../../src/main/ipc/dispatch';
import { createSettingsStore } from '../../../src/main/services/settings';
import { createVault } from '../../../src/main/services/vault';
import { createEraser, VaultSession } from '../../../src/main/services/session';

const PASSPHRASE = 'lantern orchard quietly seventeen';
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** The vault's handlers over a fresh data folder; `restart` gives new ones over the same folder, as a new start of the app would. */
async function app(folder?: string) {
  const dataFolder = folder ?? (await mkdtemp(join(tmpdir(), 'waypoint-key-change-')));
  if (!folder) folders.push(dataFolder);
  const vault = createVault({ folder: dataFolder, testOnlyScryptLogN: 10 });
  const session = new VaultSession();
  const platform = { quickExit: () => {}, clearBrowserData: async () => {}, eraseNeedsPassphrase: false };
  const dispatch = createDispatch(vaultHandlers(vault, session, createEraser(vault, session, createSettingsStore(dataFolder), platform), platform) as Handlers, () => {});
  const call = async (channel: string, request?: unknown) => (await dispatch(channel, request)) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
  return { folder: dataFolder, session, call, restart: () => app(dataFolder) };
}

type Keys = { records: Uint8Array; index: Uint8Array };
const bytes = (keys: Keys) => [Buffer.from(keys.records).toString('hex'), Buffer.from(keys.index).toString('hex')];

describe('changing keys through the bridge', () => {
  it('is refused while locked, before any key work', async () => {
    const { call } = await app();
    await call('vault.create', { passphrase: PASSPHRASE });
    await call('vault.lock');
    expect(await call('vault.beginKeyChange', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_IS_LOCKED' } });
    expect(await call('vault.finishKeyChange', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_IS_LOCKED' } });
  });

  it('after a stop midway, unlock and recover answer with the old keys and the next keys; after finishing, with the new keys alone', async () => {
    const first = await app();
    const created = await first.call('vault.create', { passphrase: PASSPHRASE });
    const oldKeys = bytes((created.value as { keys: Keys }).keys);
    const begun = await first.call('vault.beginKeyChange', { passphrase: PASSPHRASE });
    expect(begun.ok).toBe(true);
    const nextKeys = bytes((begun.value as { nextKeys: Keys }).nextKeys);
    expect(nextKeys).not.toEqual(oldKeys);

    // The app stops here (records half re-encrypted); a new start unlocks.
    const second = await first.restart();
    const unlocked = (await second.call('vault.unlock', { passphrase: PASSPHRASE })).value as { keys: Keys; nextKeys?: Keys };
    expect(bytes(unlocked.keys)).toEqual(oldKeys);
    expect(unlocked.nextKeys && bytes(unlocked.nextKeys)).toEqual(nextKeys);
    const recoveryKey = (created.value as { recoveryKey: string }).recoveryKey;
    const recovered = (await second.call('vault.recover', { recoveryKey, newPassphrase: 'a new passphrase after the stop' })).value as { keys: Keys; nextKeys?: Keys };
    expect(recovered.nextKeys && bytes(recovered.nextKeys)).toEqual(nextKeys);

    const finished = await second.call('vault.finishKeyChange', { passphrase: 'a new passphrase after the stop' });
    expect(finished).toMatchObject({ ok: true, value: { recoveryKey: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/) as unknown } });
    const third = await second.restart();
    const after = (await third.call('vault.unlock', { passphrase: 'a new passphrase after the stop' })).value as { keys: Keys; nextKeys?: Keys };
    expect(bytes(after.keys)).toEqual(nextKeys);
    expect(after.nextKeys).toBeUndefined();
  });
});
