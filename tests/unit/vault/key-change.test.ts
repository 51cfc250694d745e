import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AtomicFile from '../../../src/main/services/atomic-file';
import { HEADER_FILE } from '../../../src/main/services/vault';
import { expectVaultError, PASSPHRASE, readHeaderJson, tempFolder, testVault, withRecomputedChecksum, writeHeaderJson } from './helpers';

// The header's only write goes through here: failing it is a crash before the atomic rename, which
// leaves the old file whole (the temporary file never replaces it).
const crash = vi.hoisted(() => ({ atNextWrite: false }));
vi.mock('../../../src/main/services/atomic-file', async (importOriginal) => {
  const original = await importOriginal<typeof AtomicFile>();
  return {
    writeFileAtomically: (path: string, data: string | Buffer) => {
      if (!crash.atNextWrite) return original.writeFileAtomically(path, data);
      crash.atNextWrite = false;
      return Promise.reject(new Error('the process stopped here'));
    },
  };
});

/** The next header write stops as a crash would, before the new file replaces the old one. */
function crashAtNextWrite(): void {
  crash.atNextWrite = true;
}

beforeEach(() => {
  crash.atNextWrite = false;
});

async function headerBytes(folder: string): Promise<Buffer> {
  return readFile(join(folder, HEADER_FILE));
}

/** A vault, its data key and recovery key, and a change of keys begun on it: what a crash midway leaves. */
async function begun() {
  const folder = await tempFolder();
  const { dataKey, recoveryKey } = await testVault(folder).create(PASSPHRASE);
  const nextKey = await testVault(folder).beginKeyChange(PASSPHRASE);
  return { folder, dataKey, recoveryKey, nextKey };
}

describe('changing keys', () => {
  it('ends with a header under the new data key alone, a new recovery key, and the old key and recovery key gone', async () => {
    const { folder, dataKey, recoveryKey, nextKey } = await begun();
    expect(nextKey).toHaveLength(32);
    expect(nextKey.equals(dataKey)).toBe(false);
    const { recoveryKey: newRecoveryKey } = await testVault(folder).finishKeyChange(PASSPHRASE);
    expect(newRecoveryKey).not.toBe(recoveryKey);

    const vault = testVault(folder);
    const unlocked = await vault.unlock(PASSPHRASE);
    expect(unlocked.equals(nextKey)).toBe(true);
    expect(await vault.nextKeyOf(unlocked)).toBeNull();
    expect((await vault.unlockWithRecoveryKey(newRecoveryKey, PASSPHRASE)).equals(nextKey)).toBe(true);
    await expectVaultError(vault.unlockWithRecoveryKey(recoveryKey, PASSPHRASE), 'VAULT_WRONG_RECOVERY_KEY');
    expect(await readHeaderJson(folder)).not.toHaveProperty('nextKey');
    const text = (await headerBytes(folder)).toString('utf8');
    for (const key of [dataKey, nextKey]) expect(text).not.toContain(key.toString('base64'));
  });

  it('crash before the first header write: nothing changed, the old keys open the vault and no change is under way', async () => {
    const folder = await tempFolder();
    const { dataKey } = await testVault(folder).create(PASSPHRASE);
    const before = await headerBytes(folder);
    crashAtNextWrite();
    await expect(testVault(folder).beginKeyChange(PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_WRITE_FAILED' });
    expect((await headerBytes(folder)).equals(before)).toBe(true);
    const vault = testVault(folder);
    const unlocked = await vault.unlock(PASSPHRASE);
    expect(unlocked.equals(dataKey)).toBe(true);
    expect(await vault.nextKeyOf(unlocked)).toBeNull();
  });

  it('a wrong passphrase changes nothing', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    const before = await headerBytes(folder);
    await expectVaultError(testVault(folder).beginKeyChange('not the passphrase'), 'VAULT_WRONG_PASSPHRASE');
    expect((await headerBytes(folder)).equals(before)).toBe(true);
  });

  it('crash after the header took the next key (records half re-encrypted): the passphrase and the old recovery key both open it, with the same next key', async () => {
    const { folder, dataKey, recoveryKey, nextKey } = await begun();
    expect(await readHeaderJson(folder)).toHaveProperty('nextKey');
    const vault = testVault(folder); // a new start
    const unlocked = await vault.unlock(PASSPHRASE);
    expect(unlocked.equals(dataKey)).toBe(true);
    expect((await vault.nextKeyOf(unlocked))?.equals(nextKey)).toBe(true);
    const recovered = await vault.unlockWithRecoveryKey(recoveryKey, 'a new passphrase after the crash');
    expect((await vault.nextKeyOf(recovered))?.equals(nextKey)).toBe(true);
    // Beginning again goes on with the same next key: records already under it stay readable.
    expect((await vault.beginKeyChange('a new passphrase after the crash')).equals(nextKey)).toBe(true);
  });

  it('settings changed while a change is under way keep the next key', async () => {
    const { folder, dataKey, nextKey } = await begun();
    const vault = testVault(folder);
    await vault.changePassphrase(PASSPHRASE, 'another good passphrase');
    await vault.setEraseAfter('another good passphrase', 5);
    await vault.replaceRecoveryKey('another good passphrase');
    const unlocked = await vault.unlock('another good passphrase');
    expect(unlocked.equals(dataKey)).toBe(true);
    expect((await vault.nextKeyOf(unlocked))?.equals(nextKey)).toBe(true);
    await vault.finishKeyChange('another good passphrase');
    expect((await vault.unlock('another good passphrase')).equals(nextKey)).toBe(true);
    expect(await readHeaderJson(folder)).toMatchObject({ eraseAfter: 5 });
  });

  it('crash before the final header write: the header still holds both keys and finishing again works', async () => {
    const { folder, dataKey, recoveryKey, nextKey } = await begun();
    const before = await headerBytes(folder);
    crashAtNextWrite();
    await expect(testVault(folder).finishKeyChange(PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_WRITE_FAILED' });
    expect((await headerBytes(folder)).equals(before)).toBe(true);
    const vault = testVault(folder);
    const unlocked = await vault.unlock(PASSPHRASE);
    expect(unlocked.equals(dataKey)).toBe(true);
    expect((await vault.nextKeyOf(unlocked))?.equals(nextKey)).toBe(true);
    expect((await vault.unlockWithRecoveryKey(recoveryKey, PASSPHRASE)).equals(dataKey)).toBe(true);
    await vault.finishKeyChange(PASSPHRASE);
    expect((await vault.unlock(PASSPHRASE)).equals(nextKey)).toBe(true);
  });

  it('finishing with no change under way, or twice, is refused and changes nothing', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    await expectVaultError(testVault(folder).finishKeyChange(PASSPHRASE), 'VAULT_NO_KEY_CHANGE');
    await testVault(folder).beginKeyChange(PASSPHRASE);
    await testVault(folder).finishKeyChange(PASSPHRASE);
    const after = await headerBytes(folder);
    await expectVaultError(testVault(folder).finishKeyChange(PASSPHRASE), 'VAULT_NO_KEY_CHANGE');
    expect((await headerBytes(folder)).equals(after)).toBe(true);
  });

  it('a next key changed or added on disk, checksum recomputed, makes the header corrupt rather than hand over a key', async () => {
    const { folder } = await begun();
    const header = await readHeaderJson(folder);
    const nextKey = header.nextKey as Record<string, string>;
    const flipped = Buffer.from(nextKey.ciphertext!, 'base64');
    flipped[0]! ^= 1;
    await writeHeaderJson(folder, withRecomputedChecksum({ ...header, nextKey: { ...nextKey, ciphertext: flipped.toString('base64') } }));
    await expectVaultError(testVault(folder).unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');

    // A next key copied into a header without one (from another vault, or this one's earlier header).
    const other = await tempFolder();
    await testVault(other).create(PASSPHRASE);
    await writeHeaderJson(other, withRecomputedChecksum({ ...(await readHeaderJson(other)), nextKey }));
    await expectVaultError(testVault(other).unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
  });
});
