import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { createVault, HEADER_FILE, type Vault, type VaultOptions } from '../../../src/main/services/vault';

/** 2^10: about a millisecond per derivation, so the suite stays fast. */
export const TEST_LOG_N = 10;
export const PASSPHRASE = 'correct horse battery staple';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-vault-'));
  folders.push(folder);
  return folder;
}

export function testVault(folder: string, options: Partial<VaultOptions> = {}): Vault {
  return createVault({ folder, testOnlyScryptLogN: TEST_LOG_N, ...options });
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_800_000_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
    set(ms: number) {
      time = ms;
    },
  };
}

export async function readHeaderJson(folder: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(folder, HEADER_FILE), 'utf8')) as Record<string, unknown>;
}

export async function writeHeaderJson(folder: string, header: unknown): Promise<void> {
  await writeFile(join(folder, HEADER_FILE), JSON.stringify(header, null, 2) + '\n');
}

/**
 * Recomputes the checksum the way docs/vault-format.md describes it, independently of the code under
 * test: what an attacker who edits the header would do.
 */
export function withRecomputedChecksum(header: Record<string, unknown>): Record<string, unknown> {
  type Wrap = { kdf: Record<string, unknown>; cipher: string; iv: string; ciphertext: string; tag: string };
  const wraps = header.wraps as { passphrase: Wrap; recovery: Wrap };
  const next = header.nextKey as Omit<Wrap, 'kdf'> | undefined;
  const wrap = (w: Wrap) => [w.kdf.name, w.kdf.N, w.kdf.r, w.kdf.p, w.kdf.keyLength, w.kdf.salt, w.cipher, w.iv, w.ciphertext, w.tag];
  const canonical = JSON.stringify([
    header.format,
    header.version,
    header.eraseAfter,
    wrap(wraps.passphrase),
    wrap(wraps.recovery),
    ...(next ? [[next.cipher, next.iv, next.ciphertext, next.tag]] : []),
    header.mac,
  ]);
  return { ...header, checksum: createHash('sha256').update(canonical).digest('base64') };
}

/** Expects the promise to reject with a VaultError of this code; returns the error. */
export async function expectVaultError(promise: Promise<unknown>, code: string): Promise<{ code: string; retryAfterMs?: number }> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error, `expected ${code}`).toMatchObject({ name: 'VaultError', code });
  return error as { code: string; retryAfterMs?: number };
}
