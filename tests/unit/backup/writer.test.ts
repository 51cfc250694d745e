import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackupWriter, verifyBackup, type BackupRecord, type BackupWriterOptions } from '../../../src/main/services/backup';
import { sampleRecords } from '../../support/backup-records';
import { PASSPHRASE, TEST_LOG_N, expectBackupError, manifestFor, readAll, spec, tempFolder, writeBackup } from './helpers';

const records = sampleRecords(600);

async function startWriter(path: string, options: Partial<BackupWriterOptions> = {}) {
  return createBackupWriter({ path, passphrase: PASSPHRASE, manifest: manifestFor(records), testOnlyScryptLogN: TEST_LOG_N, ...options });
}

/** Appends enough records for several chunks to reach the disk. */
async function appendSome(writer: Awaited<ReturnType<typeof startWriter>>, count = 300) {
  for (const record of records.slice(0, count)) await writer.append(record);
}

describe('nothing under the chosen name unless the backup is complete', () => {
  it('abort mid-way removes the partial file; later calls say CANCELLED', async () => {
    const folder = await tempFolder();
    const writer = await startWriter(join(folder, 'b.waypoint-backup'));
    await appendSome(writer);
    const partial = await readdir(folder);
    expect(partial).toHaveLength(1);
    expect((await stat(join(folder, partial[0]!))).size).toBeGreaterThan(4 * spec.sealedChunkSize);
    await writer.abort();
    expect(await readdir(folder)).toEqual([]);
    await expectBackupError(writer.append(records[300]!), 'BACKUP_CANCELLED');
    await expectBackupError(writer.finish(), 'BACKUP_CANCELLED');
  });

  it('abort while appends are still queued stops them and leaves nothing', async () => {
    const folder = await tempFolder();
    const writer = await startWriter(join(folder, 'b'));
    const appends = records.map((record) => writer.append(record));
    await writer.abort();
    const outcomes = await Promise.allSettled(appends);
    expect(outcomes.some((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it('an aborted backup leaves an earlier backup with the same name untouched', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'b.waypoint-backup');
    await writeBackup(path, records);
    const before = await readFile(path);
    const writer = await startWriter(path);
    await appendSome(writer);
    await writer.abort();
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(await readdir(folder)).toEqual(['b.waypoint-backup']);
  });

  it('the target folder removed mid-way -> WRITE_FAILED, and no file appears', async () => {
    const folder = join(await tempFolder(), 'usb-stick');
    await mkdir(folder);
    const path = join(folder, 'b.waypoint-backup');
    const writer = await startWriter(path);
    await appendSome(writer);
    await rm(folder, { recursive: true });
    for (const record of records.slice(300)) await writer.append(record);
    await expectBackupError(writer.finish(), 'BACKUP_WRITE_FAILED');
    await expect(stat(path)).rejects.toThrow();
  });

  it('a target folder that does not exist -> WRITE_FAILED at the start', async () => {
    const folder = await tempFolder();
    await expectBackupError(startWriter(join(folder, 'missing', 'b')), 'BACKUP_WRITE_FAILED');
    expect(await readdir(folder)).toEqual([]);
  });

  it('a rename that fails (the name is a folder) -> WRITE_FAILED, the partial file removed', async () => {
    const folder = await tempFolder();
    await mkdir(join(folder, 'b'));
    await writeFile(join(folder, 'b', 'keep'), 'x');
    const writer = await startWriter(join(folder, 'b'));
    for (const record of records) await writer.append(record);
    await expectBackupError(writer.finish(), 'BACKUP_WRITE_FAILED');
    expect(await readdir(folder)).toEqual(['b']);
    expect(await readdir(join(folder, 'b'))).toEqual(['keep']);
  });
});

describe('the manifest counts are enforced', () => {
  it('more records than counted -> BAD_ARGUMENT on that append; the writer is done and leaves nothing', async () => {
    const folder = await tempFolder();
    const writer = await createBackupWriter({
      path: join(folder, 'b'),
      passphrase: PASSPHRASE,
      manifest: manifestFor(records.slice(0, 2)),
      testOnlyScryptLogN: TEST_LOG_N,
    });
    await writer.append(records[0]!);
    await writer.append(records[1]!);
    await expectBackupError(writer.append(records[2]!), 'BACKUP_BAD_ARGUMENT');
    await expectBackupError(writer.finish(), 'BACKUP_BAD_ARGUMENT');
    expect(await readdir(folder)).toEqual([]);
  });

  it('fewer records than counted -> BAD_ARGUMENT at finish, nothing left', async () => {
    const folder = await tempFolder();
    const writer = await startWriter(join(folder, 'b'));
    await appendSome(writer);
    await expectBackupError(writer.finish(), 'BACKUP_BAD_ARGUMENT');
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('bad input to the writer', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const bad: [string, unknown][] = [
    ['data missing', { table: 'notes', id: 'a', updatedAt: 1 }],
    ['data undefined', { table: 'notes', id: 'a', updatedAt: 1, data: undefined }],
    ['a BigInt', { table: 'notes', id: 'a', updatedAt: 1, data: { n: 1n } }],
    ['a cycle', { table: 'notes', id: 'a', updatedAt: 1, data: cyclic }],
    ['an empty id', { table: 'notes', id: '', updatedAt: 1, data: {} }],
    ['NaN updatedAt', { table: 'notes', id: 'a', updatedAt: Number.NaN, data: {} }],
    ['an extra field', { table: 'notes', id: 'a', updatedAt: 1, data: {}, iv: 'x' }],
  ];
  it.each(bad)('%s -> BAD_ARGUMENT', async (_name, record) => {
    const folder = await tempFolder();
    const writer = await createBackupWriter({
      path: join(folder, 'b'),
      passphrase: PASSPHRASE,
      manifest: { appVersion: '1', createdAt: 0, counts: { notes: 1 } },
      testOnlyScryptLogN: TEST_LOG_N,
    });
    await expectBackupError(writer.append(record as BackupRecord), 'BACKUP_BAD_ARGUMENT');
    expect(await readdir(folder)).toEqual([]);
  });

  it('a record over 16 MiB -> TOO_LARGE; one just under is written and read back', async () => {
    const folder = await tempFolder();
    const manifest = { appVersion: '1', createdAt: 0, counts: { notes: 1 } };
    const options = { passphrase: PASSPHRASE, manifest, testOnlyScryptLogN: TEST_LOG_N };
    const envelope = JSON.stringify({ table: 'notes', id: 'a', updatedAt: 1, data: '' }).length;
    const tooLarge = await createBackupWriter({ path: join(folder, 'large'), ...options });
    await expectBackupError(tooLarge.append({ table: 'notes', id: 'a', updatedAt: 1, data: 'x'.repeat(16 * 1024 * 1024 - envelope + 1) }), 'BACKUP_TOO_LARGE');

    const justFits: BackupRecord = { table: 'notes', id: 'a', updatedAt: 1, data: 'x'.repeat(16 * 1024 * 1024 - envelope) };
    const fits = await createBackupWriter({ path: join(folder, 'fits'), ...options });
    await fits.append(justFits);
    await fits.finish();
    expect(await readAll(join(folder, 'fits'))).toEqual([justFits]);
    expect(await readdir(folder)).toEqual(['fits']);
  }, 30_000);

  it('a short passphrase, a bad manifest or a weak or huge KDF cost are refused before any file is made', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'b');
    await expectBackupError(startWriter(path, { passphrase: 'short' }), 'BACKUP_PASSPHRASE_TOO_SHORT');
    await expectBackupError(startWriter(path, { manifest: { appVersion: '', createdAt: 0, counts: {} } }), 'BACKUP_BAD_ARGUMENT');
    await expectBackupError(startWriter(path, { manifest: { appVersion: '1', createdAt: 0, counts: { notes: -1 } } }), 'BACKUP_BAD_ARGUMENT');
    await expectBackupError(startWriter(path, { testOnlyScryptLogN: undefined, kdf: { N: 2 ** 14, r: 8, p: 1 } }), 'BACKUP_BAD_ARGUMENT');
    await expectBackupError(startWriter(path, { testOnlyScryptLogN: undefined, kdf: { N: 2 ** 16, r: 8, p: 16 } }), 'BACKUP_BAD_ARGUMENT');
    await expectBackupError(startWriter(path, { testOnlyScryptLogN: undefined, kdf: { N: 2 ** 18, r: 16, p: 1 } }), 'BACKUP_BAD_ARGUMENT');
    await expectBackupError(startWriter(path, { testOnlyScryptLogN: 30 }), 'BACKUP_BAD_ARGUMENT');
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('writer life cycle', () => {
  it('appends need not be awaited: they are written in call order', async () => {
    const path = join(await tempFolder(), 'b');
    const writer = await startWriter(path);
    const appends = records.map((record) => writer.append(record));
    const finished = writer.finish();
    await Promise.all(appends);
    expect((await finished).records).toBe(records.length);
    expect(await readAll(path)).toEqual(records);
  });

  it('after finish: append -> BAD_ARGUMENT, abort leaves the finished file', async () => {
    const path = join(await tempFolder(), 'b');
    await writeBackup(path, records.slice(0, 3));
    const writer = await createBackupWriter({ path, passphrase: PASSPHRASE, manifest: manifestFor([]), testOnlyScryptLogN: TEST_LOG_N });
    await writer.finish();
    await expectBackupError(writer.append(records[0]!), 'BACKUP_BAD_ARGUMENT');
    await writer.abort();
    expect((await verifyBackup({ path, passphrase: PASSPHRASE })).records).toBe(0);
  });

  it('the file is readable by its owner only', async () => {
    const path = join(await tempFolder(), 'b');
    await writeBackup(path, records.slice(0, 3));
    const expected = process.platform === 'win32' ? (await stat(path)).mode & 0o777 : 0o600;
    expect((await stat(path)).mode & 0o777).toBe(expected);
  });

  it('without a cost, calibrates to at least the production floor of 2^17', async () => {
    const path = join(await tempFolder(), 'b');
    await writeBackup(path, records.slice(0, 1), { testOnlyScryptLogN: undefined });
    const { header } = await verifyBackup({ path, passphrase: PASSPHRASE });
    expect(header.kdf.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(header.kdf.r).toBe(8);
  }, 60_000);
});
