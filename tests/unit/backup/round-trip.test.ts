import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackup, verifyBackup, type BackupRecord } from '../../../src/main/services/backup';
import { sampleRecords } from '../../support/backup-records';
import { CREATED_AT, PASSPHRASE, TEST_LOG_N, expectBackupError, frame, manifestFor, readAll, spec, specBackup, specManifest, tempFolder, writeBackup } from './helpers';

describe('round trip', () => {
  it('10,000 case-like records (about 1 KB each, Arabic and Thai) come back deep-equal and in order', async () => {
    const path = join(await tempFolder(), 'cases.waypoint-backup');
    const records = sampleRecords(10_000);
    const sizes = records.map((record) => Buffer.byteLength(JSON.stringify(record)));
    expect(Math.min(...sizes)).toBeGreaterThan(900);
    expect(records.some((record) => JSON.stringify(record).includes('الضحية'))).toBe(true);
    expect(records.some((record) => JSON.stringify(record).includes('ผู้เสียหาย'))).toBe(true);

    const written = await writeBackup(path, records);
    expect(written.records).toBe(10_000);
    expect(written.bytes).toBe((await stat(path)).size);

    const summary = await verifyBackup({ path, passphrase: PASSPHRASE });
    expect(summary.records).toBe(10_000);
    expect(await readAll(path)).toEqual(records);
  }, 60_000);

  it('the file holds no plaintext: neither record text, ids nor table names', async () => {
    const path = join(await tempFolder(), 'b.waypoint-backup');
    const records = sampleRecords(50);
    await writeBackup(path, records);
    const file = await readFile(path);
    for (const needle of ['cases', 'Bangkok', records[0]!.id, 'الضحية', '0.1.0-test']) {
      expect(file.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
  });

  it('openBackup shows the manifest before any record is read, even when a later chunk is damaged', async () => {
    const path = join(await tempFolder(), 'b.waypoint-backup');
    const records = sampleRecords(300);
    await writeBackup(path, records);
    const file = await readFile(path);
    expect(file.length).toBeGreaterThan(spec.headerLength + 3 * spec.sealedChunkSize);
    file[spec.headerLength + 2 * spec.sealedChunkSize + 5]! ^= 1;
    await writeFile(path, file);

    const reader = await openBackup({ path, passphrase: PASSPHRASE });
    try {
      expect(reader.manifest).toEqual({ formatVersion: 1, appVersion: '0.1.0-test', createdAt: CREATED_AT, counts: { cases: 100, notes: 100, checklistInstances: 100 } });
      expect(reader.header).toEqual({ formatVersion: 1, kdf: { name: 'scrypt', N: 2 ** TEST_LOG_N, r: 8, p: 1 } });
      await expectBackupError(reader.verify(), 'BACKUP_TAMPERED');
    } finally {
      await reader.close();
    }
  });

  it('an empty backup (no records) round-trips', async () => {
    const path = join(await tempFolder(), 'empty.waypoint-backup');
    await writeBackup(path, []);
    const summary = await verifyBackup({ path, passphrase: PASSPHRASE });
    expect(summary).toMatchObject({ records: 0, manifest: { counts: {} } });
  });

  it('a plaintext stream of exactly one or two chunks, or one byte off, is read back', async () => {
    const folder = await tempFolder();
    const record = (padding: number): BackupRecord => ({ table: 'notes', id: 'n1', updatedAt: 1, data: 'x'.repeat(padding) });
    // One chunk of plaintext P gives header + P + tag bytes; the stream grows by one byte per padding byte.
    const probe = await writeBackup(join(folder, 'probe'), [record(0)]);
    const baseStream = probe.bytes - spec.headerLength - 16;
    for (const streamLength of [spec.chunkSize - 1, spec.chunkSize, spec.chunkSize + 1, 2 * spec.chunkSize]) {
      const path = join(folder, `stream-${streamLength}`);
      const written = await writeBackup(path, [record(streamLength - baseStream)]);
      const chunks = Math.ceil(streamLength / spec.chunkSize);
      expect(written.bytes).toBe(spec.headerLength + streamLength + 16 * chunks);
      expect(await readAll(path)).toEqual([record(streamLength - baseStream)]);
    }
  });

  it('records of many sizes and scripts, framed in place or across chunks, are read back byte for byte', async () => {
    const path = join(await tempFolder(), 'sizes.waypoint-backup');
    const pieces = ['a', 'é', 'ع', 'ไ', '🩺', '"\\'];
    // Sizes up to 3,000 characters, mostly ending a chunk at a different place each time, and one record larger than two chunks.
    const records: BackupRecord[] = Array.from({ length: 400 }, (_, i) => ({
      table: 'notes',
      id: `n${i}`,
      updatedAt: i,
      data: { text: pieces[i % pieces.length]!.repeat((i * 7_919) % 3_000) },
    }));
    records.splice(200, 0, { table: 'notes', id: 'big', updatedAt: 0, data: 'x'.repeat(3 * spec.chunkSize) });
    const written = await writeBackup(path, records);
    expect(written.bytes).toBeGreaterThan(10 * spec.chunkSize);
    expect(await readAll(path)).toEqual(records);
  });

  it('honours the KDF cost stored in the header', async () => {
    const path = join(await tempFolder(), 'b.waypoint-backup');
    await writeBackup(path, sampleRecords(3), { testOnlyScryptLogN: undefined, kdf: { N: 2 ** 18, r: 4, p: 1 } });
    const file = await readFile(path);
    expect([file[spec.logNAt], file[spec.rAt], file[spec.pAt]]).toEqual([18, 4, 1]);
    const summary = await verifyBackup({ path, passphrase: PASSPHRASE });
    expect(summary.header.kdf).toEqual({ name: 'scrypt', N: 2 ** 18, r: 4, p: 1 });
  }, 60_000);

  it('the passphrase is compared after NFC normalisation', async () => {
    const path = join(await tempFolder(), 'b.waypoint-backup');
    const records = sampleRecords(2);
    await writeBackup(path, records, { passphrase: 'caf\u00e9 crème brûlée' });
    expect(await readAll(path, 'cafe\u0301 cre\u0300me bru\u0302le\u0301e')).toEqual(records);
  });

  it('records() can be read twice from one reader, and not after close', async () => {
    const path = join(await tempFolder(), 'b.waypoint-backup');
    const records = sampleRecords(20);
    await writeBackup(path, records);
    const reader = await openBackup({ path, passphrase: PASSPHRASE });
    const passes: BackupRecord[][] = [[], []];
    for (const pass of passes) for await (const record of reader.records()) pass.push(record);
    expect(passes).toEqual([records, records]);
    await reader.close();
    await expectBackupError(reader.verify(), 'BACKUP_BAD_ARGUMENT');
  });

  it('reads a file built from docs/backup-format.md alone', async () => {
    const path = join(await tempFolder(), 'spec.waypoint-backup');
    const records = sampleRecords(200);
    const body = Buffer.concat([frame(specManifest(manifestFor(records).counts)), ...records.map(frame)]);
    expect(body.length).toBeGreaterThan(2 * spec.chunkSize);
    await writeFile(path, specBackup(PASSPHRASE, body));
    expect(await readAll(path)).toEqual(records);
  });
});
