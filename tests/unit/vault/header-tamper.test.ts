import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTEMPTS_FILE, HEADER_FILE } from '../../../src/main/services/vault';
import { expectVaultError, PASSPHRASE, readHeaderJson, tempFolder, testVault, withRecomputedChecksum, writeHeaderJson } from './helpers';

type Json = Record<string, unknown>;

/** Flips the first byte of a base64 value, keeping its length valid. */
function flipBase64(value: unknown): string {
  const bytes = Buffer.from(String(value), 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return bytes.toString('base64');
}

function getPath(object: Json, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Json)[key], object);
}

function setPath(object: Json, path: string[], value: unknown): Json {
  const copy = structuredClone(object);
  const parent = path.slice(0, -1).reduce<Json>((node, key) => node[key] as Json, copy);
  parent[path.at(-1) as string] = value;
  return copy;
}

const wrapFields: [string[], (value: unknown) => unknown][] = [
  [['kdf', 'name'], () => 'argon2id'],
  [['kdf', 'N'], (n) => (n as number) * 2],
  [['kdf', 'r'], (r) => (r as number) + 1],
  [['kdf', 'p'], (p) => (p as number) + 1],
  [['kdf', 'keyLength'], () => 16],
  [['kdf', 'salt'], flipBase64],
  [['cipher'], () => 'aes-128-gcm'],
  [['iv'], flipBase64],
  [['ciphertext'], flipBase64],
  [['tag'], flipBase64],
];

/** Every field of the header, with a changed value and the error an unlock must give. */
const tampers: { path: string[]; change: (value: unknown) => unknown; code: string }[] = [
  { path: ['format'], change: () => 'other-vault', code: 'VAULT_HEADER_CORRUPT' },
  { path: ['version'], change: () => 2, code: 'VAULT_UNSUPPORTED_VERSION' },
  { path: ['version'], change: () => 0, code: 'VAULT_HEADER_CORRUPT' },
  { path: ['version'], change: () => '1', code: 'VAULT_HEADER_CORRUPT' },
  { path: ['eraseAfter'], change: () => 50, code: 'VAULT_HEADER_CORRUPT' },
  { path: ['mac'], change: flipBase64, code: 'VAULT_HEADER_CORRUPT' },
  { path: ['checksum'], change: flipBase64, code: 'VAULT_HEADER_CORRUPT' },
  ...['passphrase', 'recovery'].flatMap((id) => wrapFields.map(([path, change]) => ({ path: ['wraps', id, ...path], change, code: 'VAULT_HEADER_CORRUPT' }))),
];

async function vaultWithHeader() {
  const folder = await tempFolder();
  const vault = testVault(folder);
  const { recoveryKey, dataKey } = await vault.create(PASSPHRASE);
  return { folder, vault, recoveryKey, dataKey, header: await readHeaderJson(folder) };
}

/** Runs the attempt and checks that neither the header nor anything else in the folder changed. */
async function expectUntouched(folder: string, attempt: () => Promise<unknown>, code: string) {
  const before = await readFile(join(folder, HEADER_FILE));
  await expectVaultError(attempt(), code);
  expect((await readFile(join(folder, HEADER_FILE))).equals(before)).toBe(true);
}

describe('a changed header field, as damage or a hand edit (checksum not updated)', () => {
  for (const { path, change, code } of tampers) {
    it(`${path.join('.')} -> ${code}, header byte-identical, no failure counted`, async () => {
      const { folder, vault, header } = await vaultWithHeader();
      await writeHeaderJson(folder, setPath(header, path, change(getPath(header, path))));
      await expectUntouched(folder, () => vault.unlock(PASSPHRASE), code);
      await expectUntouched(folder, () => vault.changePassphrase(PASSPHRASE, 'the next passphrase'), code);
      await expectUntouched(folder, () => vault.setEraseAfter(PASSPHRASE, 5), code);
      expect((await vault.status()).headerError).toBe(code);
      expect((await vault.status()).failedAttempts).toBe(0);
    });
  }

  it('an extra field -> VAULT_HEADER_CORRUPT', async () => {
    const { folder, vault, header } = await vaultWithHeader();
    await writeHeaderJson(folder, { ...header, note: 'hello' });
    await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
  });

  it('a missing field -> VAULT_HEADER_CORRUPT', async () => {
    const { folder, vault, header } = await vaultWithHeader();
    const { eraseAfter: _omitted, ...rest } = header;
    await writeHeaderJson(folder, rest);
    await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
  });

  it('reformatted JSON with the same values still opens', async () => {
    const { folder, vault, header, dataKey } = await vaultWithHeader();
    await writeFile(join(folder, HEADER_FILE), JSON.stringify(header));
    expect((await vault.unlock(PASSPHRASE)).equals(dataKey)).toBe(true);
  });
});

describe('a changed header field, by someone who also recomputes the checksum', () => {
  // Only changes that still pass the schema get this far.
  const authenticatedFields = wrapFields.filter(([path]) => !['name', 'keyLength', 'cipher'].includes(path.at(-1) as string));

  for (const [path, change] of authenticatedFields) {
    it(`wraps.passphrase.${path.join('.')}: the passphrase no longer opens the vault; file untouched`, async () => {
      const { folder, vault, header } = await vaultWithHeader();
      const full = ['wraps', 'passphrase', ...path];
      await writeHeaderJson(folder, withRecomputedChecksum(setPath(header, full, change(getPath(header, full)))));
      await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_WRONG_PASSPHRASE');
    });

    it(`wraps.recovery.${path.join('.')}: the recovery key no longer opens it, and the MAC catches it on passphrase unlock`, async () => {
      const { folder, vault, header, recoveryKey } = await vaultWithHeader();
      const full = ['wraps', 'recovery', ...path];
      await writeHeaderJson(folder, withRecomputedChecksum(setPath(header, full, change(getPath(header, full)))));
      await expectUntouched(folder, () => vault.unlockWithRecoveryKey(recoveryKey, 'a brand new passphrase'), 'VAULT_WRONG_RECOVERY_KEY');
      await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
    });
  }

  for (const eraseAfter of [3, 50]) {
    it(`eraseAfter set to ${eraseAfter}: the MAC catches it; file untouched`, async () => {
      const { folder, vault, header } = await vaultWithHeader();
      await writeHeaderJson(folder, withRecomputedChecksum({ ...header, eraseAfter }));
      await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
    });
  }

  it('eraseAfter removed (set to null) to stop the erase: the MAC catches it', async () => {
    const { folder, vault } = await vaultWithHeader();
    await vault.setEraseAfter(PASSPHRASE, 5);
    const header = await readHeaderJson(folder);
    await writeHeaderJson(folder, withRecomputedChecksum({ ...header, eraseAfter: null }));
    await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
  });

  it('mac changed: VAULT_HEADER_CORRUPT', async () => {
    const { folder, vault, header } = await vaultWithHeader();
    await writeHeaderJson(folder, withRecomputedChecksum({ ...header, mac: flipBase64(header.mac) }));
    await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
  });

  it('the two wraps swapped: neither secret opens its slot', async () => {
    const { folder, vault, header, recoveryKey } = await vaultWithHeader();
    const wraps = header.wraps as Json;
    await writeHeaderJson(folder, withRecomputedChecksum({ ...header, wraps: { passphrase: wraps.recovery, recovery: wraps.passphrase } }));
    await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_WRONG_PASSPHRASE');
    await expectUntouched(folder, () => vault.unlockWithRecoveryKey(recoveryKey, 'a brand new passphrase'), 'VAULT_WRONG_RECOVERY_KEY');
  });

  it('a passphrase wrap copied from another vault with a known passphrase: the MAC refuses it', async () => {
    const { folder, vault, header } = await vaultWithHeader();
    const other = await vaultWithHeader();
    const otherWraps = other.header.wraps as Json;
    const spliced = { ...header, wraps: { ...(header.wraps as Json), passphrase: otherWraps.passphrase } };
    await writeHeaderJson(folder, withRecomputedChecksum(spliced));
    await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
  });
});

describe('unreadable header files', () => {
  const contents: [string, (text: string) => string | Buffer][] = [
    ['empty', () => ''],
    ['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
    ['random bytes', () => Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 131 + 7) % 256))],
    ['JSON but not an object', () => '[1, 2, 3]'],
    ['JSON null', () => 'null'],
    ['an empty object', () => '{}'],
  ];

  for (const [name, make] of contents) {
    it(`${name} -> VAULT_HEADER_CORRUPT, file left as it was`, async () => {
      const { folder, vault } = await vaultWithHeader();
      const text = await readFile(join(folder, HEADER_FILE), 'utf8');
      await writeFile(join(folder, HEADER_FILE), make(text));
      await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
      expect(await vault.status()).toMatchObject({ exists: true, headerError: 'VAULT_HEADER_CORRUPT' });
    });
  }

  it('a header from a newer version, with fields this version does not know -> VAULT_UNSUPPORTED_VERSION', async () => {
    const folder = await tempFolder();
    const vault = testVault(folder);
    await writeHeaderJson(folder, { format: 'waypoint-vault', version: 2, kdf: { name: 'argon2id' }, wraps: [] });
    await expectUntouched(folder, () => vault.unlock(PASSPHRASE), 'VAULT_UNSUPPORTED_VERSION');
    await expectUntouched(folder, () => vault.create(PASSPHRASE), 'VAULT_EXISTS');
    expect((await vault.status()).headerError).toBe('VAULT_UNSUPPORTED_VERSION');
  });

  it('a damaged header is never counted as a failed attempt', async () => {
    const { folder, vault } = await vaultWithHeader();
    await writeFile(join(folder, HEADER_FILE), '{');
    for (let i = 0; i < 5; i++) await expectVaultError(vault.unlock(PASSPHRASE), 'VAULT_HEADER_CORRUPT');
    await expect(readFile(join(folder, ATTEMPTS_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
