import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createVault, HEADER_FILE } from '../../../src/main/services/vault';
import type * as AtomicFile from '../../../src/main/services/atomic-file';
import { FLOOR_LOG_N } from '../../../src/main/services/vault/kdf';
import { PASSPHRASE, readHeaderJson, tempFolder, testVault, TEST_LOG_N } from './helpers';

/** Set by the test of a disk that refuses writes (a full disk, a read-only folder: root ignores modes). */
let failWrites = false;
vi.mock('../../../src/main/services/atomic-file', async (importOriginal) => {
  const original = await importOriginal<typeof AtomicFile>();
  return {
    writeFileAtomically: (path: string, data: string | Buffer) =>
      failWrites ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) : original.writeFileAtomically(path, data),
  };
});

/** Two tests run real scrypt at 2^17 (128 MiB, about 0.4 s alone, more on a busy machine). */
const SLOW_MS = 60_000;

type Wrap = { kdf: { N: number; r: number; p: number; salt: string }; ciphertext: string };
type HeaderWraps = { wraps: { passphrase: Wrap; recovery: Wrap } };

describe('the KDF floor (scrypt N = 2^17)', () => {
  it('unlocks a header below the floor with its stored parameters, then raises the passphrase wrap to the floor', { timeout: SLOW_MS }, async () => {
    const folder = await tempFolder();
    const { dataKey } = await testVault(folder, { testOnlyScryptLogN: 11 }).create(PASSPHRASE);
    const before = (await readHeaderJson(folder)) as HeaderWraps;
    // A production instance (a tiny target keeps its calibration at the 2^17 floor): unlock must
    // derive with the stored 2^11, and then rewrap at the floor.
    const unlocked = await createVault({ folder, kdfTargetMs: [0, 60_000] }).unlock(PASSPHRASE);
    expect(unlocked.equals(dataKey)).toBe(true);
    const after = (await readHeaderJson(folder)) as HeaderWraps;
    expect(after.wraps.passphrase.kdf).toMatchObject({ N: 2 ** FLOOR_LOG_N, r: 8, p: 1 });
    expect(after.wraps.passphrase.kdf.salt).not.toBe(before.wraps.passphrase.kdf.salt);
    expect(after.wraps.recovery).toEqual(before.wraps.recovery);
    expect((await testVault(folder).unlock(PASSPHRASE)).equals(dataKey)).toBe(true);
  });

  it('raises the cost of a header below the floor when the passphrase changes', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    // The test floor is 2^TEST_LOG_N; an instance with a higher one sees this header as too weak.
    await testVault(folder, { testOnlyScryptLogN: TEST_LOG_N + 2 }).changePassphrase(PASSPHRASE, 'the next passphrase');
    const after = (await readHeaderJson(folder)) as HeaderWraps;
    expect(after.wraps.passphrase.kdf.N).toBe(2 ** (TEST_LOG_N + 2));
  });

  it('keeps a header at or above the floor as it is when it unlocks', async () => {
    const folder = await tempFolder();
    await testVault(folder).create(PASSPHRASE);
    const before = await readFile(join(folder, HEADER_FILE));
    await testVault(folder).unlock(PASSPHRASE);
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
  });

  it('still unlocks a header below the floor when the raised wrap cannot be written', async () => {
    const folder = await tempFolder();
    const { dataKey } = await testVault(folder).create(PASSPHRASE);
    const before = await readFile(join(folder, HEADER_FILE));
    failWrites = true;
    try {
      const unlocked = await testVault(folder, { testOnlyScryptLogN: TEST_LOG_N + 1 }).unlock(PASSPHRASE);
      expect(unlocked.equals(dataKey)).toBe(true);
    } finally {
      failWrites = false;
    }
    expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
  });

  it('calibrates the passphrase wrap at creation when no test cost is given, never below 2^17', { timeout: SLOW_MS }, async () => {
    const folder = await tempFolder();
    // A tiny target keeps this quick: calibration stops at the floor.
    await createVault({ folder, kdfTargetMs: [0, 60_000] }).create(PASSPHRASE);
    const header = (await readHeaderJson(folder)) as HeaderWraps;
    expect(FLOOR_LOG_N).toBe(17);
    expect(header.wraps.passphrase.kdf.N).toBe(2 ** 17);
    expect(header.wraps.recovery.kdf.N).toBe(2 ** 15);
  });
});
