import { errorCodes } from '../../../src/shared/errors';
import { createCipheriv, createHash, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { BackupError, createBackupWriter, openBackup, type BackupErrorCode, type BackupRecord, type BackupWriterOptions } from '../../../src/main/services/backup';
import { countByTable } from '../../support/backup-records';

/** 2^10: about a millisecond per derivation, so the suite stays fast. */
export const TEST_LOG_N = 10;
export const PASSPHRASE = 'correct horse battery staple';
export const CREATED_AT = 1_800_000_000_000;

/** The layout from docs/backup-format.md, written out again here so the tests check the document too. */
export const spec = {
  magic: Buffer.from('WAYPOINT-BACKUP\n', 'latin1'),
  headerLength: 111,
  versionAt: 16,
  headerLengthAt: 18,
  kdfAt: 20,
  logNAt: 21,
  rAt: 22,
  pAt: 23,
  saltAt: 24,
  noncePrefixAt: 40,
  keyCheckAt: 47,
  checksumAt: 79,
  chunkSize: 65_536,
  sealedChunkSize: 65_552,
};

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-backup-'));
  folders.push(folder);
  return folder;
}

export function manifestFor(records: readonly BackupRecord[]) {
  return { appVersion: '0.1.0-test', createdAt: CREATED_AT, counts: countByTable(records) };
}

export async function writeBackup(path: string, records: readonly BackupRecord[], options: Partial<BackupWriterOptions> = {}): Promise<{ bytes: number; records: number }> {
  const writer = await createBackupWriter({
    path,
    passphrase: PASSPHRASE,
    manifest: manifestFor(records),
    testOnlyScryptLogN: TEST_LOG_N,
    ...options,
  });
  for (const record of records) await writer.append(record);
  return writer.finish();
}

export async function readAll(path: string, passphrase = PASSPHRASE): Promise<BackupRecord[]> {
  const reader = await openBackup({ path, passphrase });
  try {
    const records: BackupRecord[] = [];
    for await (const record of reader.records()) records.push(record);
    return records;
  } finally {
    await reader.close();
  }
}

/** Awaits the promise and returns the code of the BackupError it rejects with; fails on anything else. */
export async function backupErrorCode(promise: Promise<unknown>): Promise<BackupErrorCode> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error, 'expected a rejection').toBeInstanceOf(BackupError);
  const code = (error as BackupError).code;
  expect(errorCodes).toContain(code);
  return code;
}

export async function expectBackupError(promise: Promise<unknown>, code: BackupErrorCode): Promise<void> {
  expect(await backupErrorCode(promise)).toBe(code);
}

export function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** What someone who edits the header would do: recompute its checksum so it no longer shows the edit. */
export function withRecomputedChecksum(file: Buffer): Buffer {
  const copy = Buffer.from(file);
  sha256(copy.subarray(0, spec.checksumAt)).copy(copy, spec.checksumAt);
  return copy;
}

/**
 * Writes a backup from the specification alone, with full control of the decrypted byte stream, so tests can
 * build files the real writer refuses to produce (a hostile frame length, counts that do not match).
 */
export function specBackup(passphrase: string, body: Buffer, logN = TEST_LOG_N): Buffer {
  const prefix = Buffer.alloc(spec.keyCheckAt);
  spec.magic.copy(prefix, 0);
  prefix.writeUInt16BE(1, spec.versionAt);
  prefix.writeUInt16BE(spec.headerLength, spec.headerLengthAt);
  prefix.writeUInt8(1, spec.kdfAt);
  prefix.writeUInt8(logN, spec.logNAt);
  prefix.writeUInt8(8, spec.rAt);
  prefix.writeUInt8(1, spec.pAt);
  const salt = randomBytes(16);
  salt.copy(prefix, spec.saltAt);
  const noncePrefix = randomBytes(7);
  noncePrefix.copy(prefix, spec.noncePrefixAt);

  const master = scryptSync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 32, { N: 2 ** logN, r: 8, p: 1 });
  const bodyKey = Buffer.from(hkdfSync('sha256', master, prefix, 'waypoint-backup v1 body key', 32));
  const keyCheck = Buffer.from(hkdfSync('sha256', master, prefix, 'waypoint-backup v1 key check', 32));
  const unchecked = Buffer.concat([prefix, keyCheck]);
  const header = Buffer.concat([unchecked, sha256(unchecked)]);
  const associatedData = sha256(header);

  const chunks: Buffer[] = [];
  const count = Math.max(1, Math.ceil(body.length / spec.chunkSize));
  for (let index = 0; index < count; index++) {
    const final = index === count - 1;
    const nonce = Buffer.concat([noncePrefix, Buffer.from([index >>> 24, (index >>> 16) & 255, (index >>> 8) & 255, index & 255, final ? 1 : 0])]);
    const cipher = createCipheriv('aes-256-gcm', bodyKey, nonce);
    cipher.setAAD(associatedData);
    const plaintext = body.subarray(index * spec.chunkSize, (index + 1) * spec.chunkSize);
    chunks.push(cipher.update(plaintext), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat([header, ...chunks]);
}

/** A frame as the specification defines it: a 32-bit big-endian length, then that many bytes. */
export function frame(json: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(json), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

export function specManifest(counts: Record<string, number>) {
  return { formatVersion: 1, appVersion: '0.1.0-test', createdAt: CREATED_AT, counts };
}
