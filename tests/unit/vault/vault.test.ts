import { link, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../src/shared/errors';
import { ATTEMPTS_FILE, HEADER_FILE, MIN_PASSPHRASE_LENGTH, type Vault } from '../../../src/main/services/vault';
import { MAX_DELAY_MS } from '../../../src/main/services/vault/attempts';
import { expectVaultError, manualClock, PASSPHRASE, readHeaderJson, tempFolder, testVault, TEST_LOG_N } from './helpers';

describe('create and unlock', () => {
  it('returns the same 32-byte data key on unlock that create made', async () => {
    const folder = await tempFolder();
    const { dataKey, recoveryKey } = await testVault(folder).create(PASSPHRASE);
    expect(dataKey).toHaveLength(32);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const unlocked = await testVault(folder).unlock(PASSPHRASE);
    expect(unlocked.equals(dataKey)).toBe(true);
  });

  it('makes a different data key for each vault', async () => {
    const a = await testVault(await tempFolder()).create(PASSPHRASE);
    const b = await testVault(await tempFolder()).create(PASSPHRASE);
    expect(a.dataKey.equals(b.dataKey)).toBe(false);
  });

  it('writes a versioned header that does not contain the data key, passphrase or recovery key', async () => {
    const folder = await tempFolder();
    const { dataKey, recoveryKey } = await testVault(folder).create(PASSPHRASE);
    const text = await readFile(join(folder, HEADER_FILE), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'waypoint-vault', version: 1, eraseAfter: null });
    for (const secret of [dataKey.toString('base64'), dataKey.toString('hex'), PASSPHRASE, recoveryKey, recoveryKey.replace(/-/g, '')]) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses to create a vault over an existing one, and leaves it intact', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    const before = await readFile(join(folder, HEADER_FILE));
    await expectVaultError(testVault(folder).create('another passphrase'), 'VAULT_EXISTS');
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
  });

  it('refuses to create over an unreadable header too', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, HEADER_FILE), 'garbage');
    await expectVaultError(testVault(folder).create(PASSPHRASE), 'VAULT_EXISTS');
    expect(await readFile(join(folder, HEADER_FILE), 'utf8')).toBe('garbage');
  });

  it('refuses a passphrase shorter than the minimum', async () => {
    const folder = await tempFolder();
    await expectVaultError(testVault(folder).create('x'.repeat(MIN_PASSPHRASE_LENGTH - 1)), 'VAULT_PASSPHRASE_TOO_SHORT');
    expect(await testVault(folder).exists()).toBe(false);
  });

  it('treats the same passphrase in composed and decomposed Unicode as equal', async () => {
    const folder = await tempFolder();
    const composed = 'caf\u00e9 passphrase';
    const { dataKey } = await testVault(folder).create(composed);
    const unlocked = await testVault(folder).unlock('cafe\u0301 passphrase');
    expect(unlocked.equals(dataKey)).toBe(true);
  });

  it('creates the data folder if it does not exist yet', async () => {
    const folder = join(await tempFolder(), 'nested', 'userData');
    await testVault(folder).create(PASSPHRASE);
    expect(await testVault(folder).exists()).toBe(true);
  });

  it('reports VAULT_NOT_FOUND when there is no vault', async () => {
    await expectVaultError(testVault(await tempFolder()).unlock(PASSPHRASE), 'VAULT_NOT_FOUND');
  });

  it('rejects a wrong passphrase without touching the header', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    const before = await readFile(join(folder, HEADER_FILE));
    await expectVaultError(testVault(folder).unlock('wrong horse battery staple'), 'VAULT_WRONG_PASSPHRASE');
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
  });

  it('only throws codes the bridge knows', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    const error = await expectVaultError(testVault(folder).unlock('nope nope nope'), 'VAULT_WRONG_PASSPHRASE');
    expect(errorCodes).toContain(error.code);
  });
});

type Wrap = { kdf: { N: number; r: number; p: number; salt: string }; ciphertext: string };
type HeaderWraps = { wraps: { passphrase: Wrap; recovery: Wrap } };

describe('KDF parameters', () => {
  it('stores N, r, p, key length and a distinct salt per wrap', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    const header = (await readHeaderJson(folder)) as { wraps: Record<string, { kdf: { salt: string } }> };
    for (const id of ['passphrase', 'recovery']) {
      expect(header.wraps[id]?.kdf).toMatchObject({ name: 'scrypt', N: 2 ** TEST_LOG_N, r: 8, p: 1, keyLength: 32 });
    }
    expect(header.wraps.passphrase?.kdf.salt).not.toBe(header.wraps.recovery?.kdf.salt);
  });
});

describe('recovery key', () => {
  it('opens the vault and sets a new passphrase; the old passphrase stops working', async () => {
    const folder = await tempFolder();
    const { dataKey, recoveryKey } = await testVault(folder).create(PASSPHRASE);
    const recovered = await testVault(folder).unlockWithRecoveryKey(recoveryKey.toLowerCase().replace(/-/g, ' '), 'a brand new passphrase');
    expect(recovered.equals(dataKey)).toBe(true);
    expect((await testVault(folder).unlock('a brand new passphrase')).equals(dataKey)).toBe(true);
    await expectVaultError(testVault(folder).unlock(PASSPHRASE), 'VAULT_WRONG_PASSPHRASE');
  });

  it('stays valid after it has been used', async () => {
    const folder = await tempFolder();
    const { dataKey, recoveryKey } = await testVault(folder).create(PASSPHRASE);
    await testVault(folder).unlockWithRecoveryKey(recoveryKey, 'first new passphrase');
    const again = await testVault(folder).unlockWithRecoveryKey(recoveryKey, 'second new passphrase');
    expect(again.equals(dataKey)).toBe(true);
  });

  it('rejects a wrong recovery key, counts it as a failure and keeps the passphrase', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    const { recoveryKey: otherKey } = await testVault(await tempFolder()).create(PASSPHRASE);
    const before = await readFile(join(folder, HEADER_FILE));
    await expectVaultError(testVault(folder).unlockWithRecoveryKey(otherKey, 'a brand new passphrase'), 'VAULT_WRONG_RECOVERY_KEY');
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
    expect((await testVault(folder).status()).failedAttempts).toBe(1);
  });

  it('reports a mistyped recovery key without counting a failure', async () => {
    const folder = await tempFolder();
    const { recoveryKey } = await testVault(folder).create(PASSPHRASE);
    await expectVaultError(testVault(folder).unlockWithRecoveryKey(recoveryKey.slice(0, -1), 'a brand new passphrase'), 'VAULT_RECOVERY_KEY_MALFORMED');
    expect((await testVault(folder).status()).failedAttempts).toBe(0);
  });

  it('refuses a too short new passphrase before checking the key', async () => {
    const folder = await tempFolder();
    const { recoveryKey } = await testVault(folder).create(PASSPHRASE);
    await expectVaultError(testVault(folder).unlockWithRecoveryKey(recoveryKey, 'short'), 'VAULT_PASSPHRASE_TOO_SHORT');
    expect(await testVault(folder).unlock(PASSPHRASE)).toHaveLength(32);
  });
});

describe('replaceRecoveryKey', () => {
  it('makes a new recovery key that opens the vault; the old one stops working at once', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    const { dataKey, recoveryKey: oldKey } = await vault.create(PASSPHRASE);
    const before = (await readHeaderJson(folder)) as HeaderWraps;
    const { recoveryKey } = await vault.replaceRecoveryKey(PASSPHRASE);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(recoveryKey).not.toBe(oldKey);
    const after = (await readHeaderJson(folder)) as HeaderWraps;
    expect(after.wraps.passphrase).toEqual(before.wraps.passphrase);
    expect(after.wraps.recovery.ciphertext).not.toBe(before.wraps.recovery.ciphertext);
    expect(after.wraps.recovery.kdf.salt).not.toBe(before.wraps.recovery.kdf.salt);
    expect(JSON.stringify(after)).not.toContain(before.wraps.recovery.ciphertext);
    await expectVaultError(vault.unlockWithRecoveryKey(oldKey, 'a brand new passphrase'), 'VAULT_WRONG_RECOVERY_KEY');
    expect((await vault.unlockWithRecoveryKey(recoveryKey, 'a brand new passphrase')).equals(dataKey)).toBe(true);
  });

  it('keeps the erase setting and the passphrase', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    const { dataKey } = await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 7);
    await vault.replaceRecoveryKey(PASSPHRASE);
    expect((await vault.status()).eraseAfter).toBe(7);
    expect((await vault.unlock(PASSPHRASE)).equals(dataKey)).toBe(true);
  });

  it('refuses a wrong passphrase, keeps the header, and counts it as a session failure that never erases', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    const { recoveryKey } = await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 3);
    const before = await readFile(join(folder, HEADER_FILE));
    for (let attempt = 0; attempt < 3; attempt++) {
      await expectVaultError(vault.replaceRecoveryKey('not the passphrase'), 'VAULT_WRONG_PASSPHRASE');
    }
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
    expect((await vault.status()).failedAttempts).toBe(0);
    expect(await vault.unlockWithRecoveryKey(recoveryKey, PASSPHRASE)).toHaveLength(32);
  });
});

describe('changePassphrase', () => {
  it('rewraps the same data key; the old passphrase stops working at once', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    const { dataKey } = await vault.create(PASSPHRASE);
    await vault.changePassphrase(PASSPHRASE, 'the next passphrase');
    await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_WRONG_PASSPHRASE');
    expect((await vault.unlock('the next passphrase')).equals(dataKey)).toBe(true);
  });

  it('changes only the passphrase wrap', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    const before = (await readHeaderJson(folder)) as { wraps: Record<string, { iv: string; kdf: { salt: string } }> };
    await vault.changePassphrase(PASSPHRASE, 'the next passphrase');
    const after = (await readHeaderJson(folder)) as typeof before;
    expect(after.wraps.recovery).toEqual(before.wraps.recovery);
    expect(after.wraps.passphrase?.kdf.salt).not.toBe(before.wraps.passphrase?.kdf.salt);
    expect(after.wraps.passphrase?.iv).not.toBe(before.wraps.passphrase?.iv);
  });

  it('refuses with a wrong current passphrase and leaves the header as it was', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    const before = await readFile(join(folder, HEADER_FILE));
    await expectVaultError(vault.changePassphrase('not the passphrase', 'the next passphrase'), 'VAULT_WRONG_PASSPHRASE');
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
  });

  it('leaves no temporary files behind', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    await vault.changePassphrase(PASSPHRASE, 'the next passphrase');
    expect(await readdir(folder)).toEqual([HEADER_FILE]);
  });
});

describe('failure delay', () => {
  /** Fails `times` times, waiting out each delay on the manual clock so no attempt is refused. */
  async function failTimes(vault: ReturnType<typeof testVault>, times: number, clock: ReturnType<typeof manualClock>) {
    const errors = [];
    for (let i = 0; i < times; i++) {
      const error = await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
      errors.push(error);
      if (i < times - 1) clock.advance(error.retryAfterMs ?? 0);
    }
    return errors;
  }

  it('allows 3 failures without delay, then refuses for 1 s without running the KDF', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    const errors = await failTimes(vault, 4, clock);
    expect(errors.map((e) => e.retryAfterMs)).toEqual([undefined, undefined, undefined, 1000]);

    // Even the right passphrase is refused while the delay runs.
    const refused = await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_LOCKED_OUT');
    expect(refused.retryAfterMs).toBe(1000);
    clock.advance(400);
    expect((await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_LOCKED_OUT')).retryAfterMs).toBe(600);
    expect((await vault.status()).failedAttempts).toBe(4);

    clock.advance(600);
    expect(await vault.unlock(PASSPHRASE)).toHaveLength(32);
  });

  it('doubles the delay with each further failure, up to 5 minutes', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 14; i++) {
      delays.push((await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE')).retryAfterMs);
      clock.advance(delays.at(-1) ?? 0);
    }
    expect(delays).toEqual([undefined, undefined, undefined, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000]);
  });

  it('persists the count and the delay across a new instance (a restart)', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    await testVault(folder, { now: clock.now }).create(PASSPHRASE);
    await failTimes(testVault(folder, { now: clock.now }), 5, clock);
    clock.advance(500);
    const restarted = testVault(folder, { now: clock.now });
    expect(await restarted.status()).toMatchObject({ failedAttempts: 5, retryAfterMs: 1500 });
    await expectVaultError(restarted.unlock(PASSPHRASE), 'VAULT_LOCKED_OUT');
    expect(JSON.parse(await readFile(join(folder, ATTEMPTS_FILE), 'utf8'))).toMatchObject({ failedAttempts: 5 });
  });

  it('resets the count after a success', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    await failTimes(vault, 3, clock);
    await vault.unlock(PASSPHRASE);
    expect(await vault.status()).toMatchObject({ failedAttempts: 0, retryAfterMs: 0 });
    expect((await failTimes(vault, 1, clock))[0]?.retryAfterMs).toBeUndefined();
  });

  it('does not let a clock set back stretch the delay', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    await failTimes(vault, 5, clock);
    clock.advance(-24 * 60 * 60 * 1000);
    expect((await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_LOCKED_OUT')).retryAfterMs).toBe(2000);
    clock.advance(2000);
    expect(await vault.unlock(PASSPHRASE)).toHaveLength(32);
  });

  it('serialises concurrent attempts so each one is counted', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => vault.unlock('wrong passphrase!')));
    const codes = results.map((result) => (result.status === 'rejected' ? (result.reason as { code: string }).code : 'ok'));
    expect(codes).toEqual(['VAULT_WRONG_PASSPHRASE', 'VAULT_WRONG_PASSPHRASE', 'VAULT_WRONG_PASSPHRASE', 'VAULT_WRONG_PASSPHRASE', 'VAULT_LOCKED_OUT', 'VAULT_LOCKED_OUT']);
    expect((await vault.status()).failedAttempts).toBe(4);
  });

  it('treats a damaged counter file as no failures', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    await writeFile(join(folder, ATTEMPTS_FILE), '{"failedAttempts": "many"');
    expect((await vault.status()).failedAttempts).toBe(0);
    expect(await vault.unlock(PASSPHRASE)).toHaveLength(32);
  });
});

describe('erase after N failed attempts', () => {
  it('is off by default', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    expect((await vault.status()).eraseAfter).toBeNull();
    for (let i = 0; i < 12; i++) {
      await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
      clock.advance(5 * 60 * 1000);
    }
    expect(await vault.unlock(PASSPHRASE)).toHaveLength(32);
  });

  it('erases the vault on the Nth failure in a row', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 5);
    expect((await vault.status()).eraseAfter).toBe(5);
    for (let i = 0; i < 4; i++) {
      await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
      clock.advance(60_000);
    }
    expect(await vault.exists()).toBe(true);
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_ERASED');
    expect(await readdir(folder)).toEqual([]);
    await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_NOT_FOUND');
  });

  it('counts wrong recovery keys towards the limit', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 3);
    const { recoveryKey: otherKey } = await testVault(await tempFolder()).create(PASSPHRASE);
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.unlockWithRecoveryKey(otherKey, 'a brand new passphrase'), 'VAULT_ERASED');
    expect(await vault.exists()).toBe(false);
  });

  it('starts counting afresh after a success', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 3);
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await vault.unlock(PASSPHRASE);
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    expect(await vault.exists()).toBe(true);
  });

  it('can be turned off again, with the passphrase', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 3);
    await vault.setEraseAfter(PASSPHRASE, null);
    for (let i = 0; i < 4; i++) await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    expect(await vault.exists()).toBe(true);
  });

  it('needs the right passphrase to change the setting; a wrong one is not a failed unlock', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 10);
    const before = await readFile(join(folder, HEADER_FILE));
    await expectVaultError(vault.setEraseAfter('wrong passphrase!', null), 'VAULT_WRONG_PASSPHRASE');
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
    expect(await vault.status()).toMatchObject({ eraseAfter: 10, failedAttempts: 0 });
  });

  it('refuses limits below 3, above 100 or not whole numbers', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    for (const bad of [0, 2, 101, 3.5, Number.NaN]) {
      await expectVaultError(vault.setEraseAfter(PASSPHRASE, bad), 'VAULT_BAD_ARGUMENT');
    }
    expect((await vault.status()).eraseAfter).toBeNull();
  });

  it('keeps the recovery key working after the setting changes', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    const { recoveryKey, dataKey } = await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 4);
    expect((await vault.unlockWithRecoveryKey(recoveryKey, 'a brand new passphrase')).equals(dataKey)).toBe(true);
    expect((await vault.status()).eraseAfter).toBe(4);
  });
});

describe('erase', () => {
  it('removes the header and the counter', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    expect((await readdir(folder)).sort()).toEqual([HEADER_FILE, ATTEMPTS_FILE].sort());
    await vault.erase();
    expect(await readdir(folder)).toEqual([]);
    expect(await vault.status()).toEqual({ exists: false, headerError: null, failedAttempts: 0, retryAfterMs: 0, eraseAfter: null });
  });

  it('overwrites the header in place with random bytes of the same length before deleting it', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    const original = await readFile(join(folder, HEADER_FILE));
    // A second name for the same inode shows what became of the bytes; a rename-based write would
    // have left the original content under it.
    const otherName = join(await tempFolder(), 'same-inode');
    await link(join(folder, HEADER_FILE), otherName);
    await vault.erase();
    const remnant = await readFile(otherName);
    expect(remnant.length).toBe(original.length);
    expect(remnant.equals(original)).toBe(false);
    expect(remnant.toString('latin1')).not.toContain('waypoint-vault');
  });

  it('can be called when there is no vault', async () => {
    const folder = await tempFolder();
    await testVault(folder).erase();
    expect(await readdir(folder)).toEqual([]);
  });

  it('allows a new vault afterwards, with a fresh counter', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    const first = await vault.create(PASSPHRASE);
    await vault.erase();
    const second = await vault.create(PASSPHRASE);
    expect(second.dataKey.equals(first.dataKey)).toBe(false);
    expect((await vault.unlock(PASSPHRASE)).equals(second.dataKey)).toBe(true);
  });
});

describe('re-authentication inside an unlocked session', () => {
  /** Every way an unlocked session asks for the passphrase again, each with a wrong one. */
  const wrongChecks = [
    (vault: Vault) => vault.reauthenticate('wrong passphrase!'),
    (vault: Vault) => vault.changePassphrase('wrong passphrase!', 'the next passphrase'),
    (vault: Vault) => vault.setEraseAfter('wrong passphrase!', null),
  ];

  it('accepts the right passphrase and refuses a wrong one', async () => {
    const vault = testVault(await tempFolder());
    await vault.create(PASSPHRASE);
    await expect(vault.reauthenticate(PASSPHRASE)).resolves.toBeUndefined();
    await expectVaultError(vault.reauthenticate('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
  });

  it('never erases, however many wrong passphrases past the erase limit', async () => {
    const folder = await tempFolder();
    const clock = manualClock();
    const vault = testVault(folder, { now: clock.now });
    await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 3);
    const header = await readFile(join(folder, HEADER_FILE));
    for (let round = 0; round < 4; round++) {
      for (const check of wrongChecks) {
        await expectVaultError(check(vault), 'VAULT_WRONG_PASSPHRASE');
        clock.advance(MAX_DELAY_MS);
      }
    }
    expect((await readFile(join(folder, HEADER_FILE))).equals(header)).toBe(true);
    expect(await readdir(folder)).toEqual([HEADER_FILE]);
    expect(await vault.status()).toMatchObject({ exists: true, failedAttempts: 0, eraseAfter: 3 });
    expect(await vault.unlock(PASSPHRASE)).toHaveLength(32);
  });

  it('gets the growing delay: 3 free, then 1 s, 2 s ... and the right passphrase waits too', async () => {
    const clock = manualClock();
    const vault = testVault(await tempFolder(), { now: clock.now });
    await vault.create(PASSPHRASE);
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push((await expectVaultError(wrongChecks[i % wrongChecks.length]!(vault), 'VAULT_WRONG_PASSPHRASE')).retryAfterMs);
      clock.advance(delays.at(-1) ?? 0);
    }
    expect(delays).toEqual([undefined, undefined, undefined, 1000, 2000]);
    clock.advance(-500);
    expect((await expectVaultError(vault.reauthenticate(PASSPHRASE), 'VAULT_LOCKED_OUT')).retryAfterMs).toBe(500);
    await expectVaultError(vault.changePassphrase(PASSPHRASE, 'the next passphrase'), 'VAULT_LOCKED_OUT');
    clock.advance(500);
    await vault.reauthenticate(PASSPHRASE);
    // The right passphrase ended the delay.
    expect((await expectVaultError(vault.reauthenticate('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE')).retryAfterMs).toBeUndefined();
  });

  it('does not count towards the unlock limit, nor unlocks towards its delay', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await vault.create(PASSPHRASE);
    await vault.setEraseAfter(PASSPHRASE, 3);
    await expectVaultError(vault.reauthenticate('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.reauthenticate('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    expect(await vault.status()).toMatchObject({ exists: true, failedAttempts: 2 });
    await expectVaultError(vault.reauthenticate('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');
    expect(await vault.exists()).toBe(true);
  });
});
