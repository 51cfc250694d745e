import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as Kdf from '../../../src/main/services/vault/kdf';
import { deriveKey } from '../../../src/main/services/vault/kdf';
import { expectVaultError, manualClock, PASSPHRASE, tempFolder, testVault } from './helpers';

// Wraps the real deriveKey in a spy, to see when the vault runs the KDF.
vi.mock('../../../src/main/services/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof Kdf>();
  return { ...actual, deriveKey: vi.fn(actual.deriveKey) };
});

describe('lockout', () => {
  it('refuses attempts during the delay without running the KDF', async () => {
    const clock = manualClock();
    const vault = testVault(await tempFolder(), { now: clock.now });
    await vault.create(PASSPHRASE);
    for (let i = 0; i < 4; i++) await expectVaultError(vault.unlock('wrong passphrase!'), 'VAULT_WRONG_PASSPHRASE');

    vi.mocked(deriveKey).mockClear();
    await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_LOCKED_OUT');
    expect(deriveKey).not.toHaveBeenCalled();

    clock.advance(1000);
    await vault.unlock(PASSPHRASE);
    expect(deriveKey).toHaveBeenCalledTimes(1);
  });

  it('does not run the KDF for a mistyped recovery key or a corrupt header', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    const { recoveryKey } = await vault.create(PASSPHRASE);
    vi.mocked(deriveKey).mockClear();
    await expectVaultError(vault.unlockWithRecoveryKey(recoveryKey.slice(1), 'a brand new passphrase'), 'VAULT_RECOVERY_KEY_MALFORMED');
    await writeFile(join(folder, 'vault.json'), '{}');
    await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
    expect(deriveKey).not.toHaveBeenCalled();
  });
});
