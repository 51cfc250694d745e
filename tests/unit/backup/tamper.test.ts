import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup, verifyBackup, type BackupErrorCode, type BackupRecord } from '../../../src/main/services/backup';
import { sampleRecords } from '../../support/backup-records';
import { PASSPHRASE, backupErrorCode, expectBackupError, frame, sha256, spec, specBackup, specManifest, tempFolder, withRecomputedChecksum, writeBackup } from './helpers';

const records = sampleRecords(220);
/** A valid backup of `records`, four chunks long. */
let original: Buffer;
let fixtureFolder: string;

beforeAll(async () => {
  fixtureFolder = await mkdtemp(join(tmpdir(), 'waypoint-backup-fixture-'));
  const path = join(fixtureFolder, 'original');
  await writeBackup(path, records);
  original = await readFile(path);
});
afterAll(async () => {
  await rm(fixtureFolder, { recursive: true, force: true });
});

function chunkCount(file: Buffer): number {
  return Math.ceil((file.length - spec.headerLength) / spec.sealedChunkSize);
}

function chunkStart(index: number): number {
  return spec.headerLength + index * spec.sealedChunkSize;
}

function flipped(file: Buffer, offset: number, mask = 0x01): Buffer {
  const copy = Buffer.from(file);
  copy[offset] = copy[offset]! ^ mask;
  return copy;
}

async function verifyBytes(bytes: Buffer, passphrase = PASSPHRASE): Promise<BackupErrorCode> {
  const path = join(await tempFolder(), 'changed.waypoint-backup');
  await writeFile(path, bytes);
  return backupErrorCode(verifyBackup({ path, passphrase }));
}

describe('the fixture', () => {
  it('has several chunks and verifies', async () => {
    expect(chunkCount(original)).toBe(4);
    const path = join(await tempFolder(), 'b');
    await writeFile(path, original);
    expect((await verifyBackup({ path, passphrase: PASSPHRASE })).records).toBe(220);
  });
});

describe('a flipped byte', () => {
  it('in the magic -> NOT_A_BACKUP; anywhere else in the header (version, length, KDF, salt, nonce prefix, key check, checksum) -> TAMPERED', async () => {
    for (let offset = 0; offset < spec.headerLength; offset++) {
      for (const mask of [0x01, 0x80]) {
        const expected = offset < spec.magic.length ? 'BACKUP_NOT_A_BACKUP' : 'BACKUP_TAMPERED';
        expect(await verifyBytes(flipped(original, offset, mask)), `offset ${offset} mask ${mask}`).toBe(expected);
      }
    }
  });

  it("in any chunk's ciphertext or tag, including the final chunk -> TAMPERED", async () => {
    for (let index = 0; index < chunkCount(original); index++) {
      const start = chunkStart(index);
      const end = Math.min(start + spec.sealedChunkSize, original.length);
      const tagAt = end - 16;
      for (const offset of [start, Math.floor((start + tagAt) / 2), tagAt - 1, tagAt, end - 1]) {
        expect(await verifyBytes(flipped(original, offset)), `chunk ${index} offset ${offset}`).toBe('BACKUP_TAMPERED');
      }
    }
  });
});

describe('truncation', () => {
  it('inside the header -> TRUNCATED (an empty file -> NOT_A_BACKUP)', async () => {
    const path = join(await tempFolder(), 'b');
    await writeFile(path, original.subarray(0, spec.headerLength));
    for (let length = spec.headerLength; length >= 0; length--) {
      await truncate(path, length);
      const expected = length === 0 ? 'BACKUP_NOT_A_BACKUP' : 'BACKUP_TRUNCATED';
      expect(await backupErrorCode(verifyBackup({ path, passphrase: PASSPHRASE })), `length ${length}`).toBe(expected);
    }
  });

  it('at every chunk boundary -> TRUNCATED; inside any chunk -> TAMPERED (a cut and a change look alike there)', async () => {
    // A longer backup too, so the cut lands after many different chunks.
    const long = join(await tempFolder(), 'long');
    await writeBackup(long, sampleRecords(2_000));
    for (const source of [original, await readFile(long)]) {
      const path = join(await tempFolder(), 'b');
      await writeFile(path, source);
      const chunks = chunkCount(source);
      expect(chunks).toBeGreaterThanOrEqual(4);
      // Cut from the end towards the start, in place, so no copy is needed per length.
      for (let index = chunks - 1; index >= 0; index--) {
        for (const [length, expected] of [
          [chunkStart(index) + 1000, 'BACKUP_TAMPERED'],
          [chunkStart(index) + 16, 'BACKUP_TAMPERED'],
          [chunkStart(index) + 1, 'BACKUP_TAMPERED'],
          [chunkStart(index), 'BACKUP_TRUNCATED'],
        ] as const) {
          await truncate(path, length);
          expect(await backupErrorCode(verifyBackup({ path, passphrase: PASSPHRASE })), `length ${length}`).toBe(expected);
        }
      }
    }
  }, 60_000);

  it('records() yields only records before the cut, then fails', async () => {
    const path = join(await tempFolder(), 'b');
    await writeFile(path, original.subarray(0, chunkStart(2)));
    const reader = await openBackup({ path, passphrase: PASSPHRASE });
    const seen: BackupRecord[] = [];
    const failure = (async () => {
      for await (const record of reader.records()) seen.push(record);
    })();
    await expectBackupError(failure, 'BACKUP_TRUNCATED');
    await reader.close();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual(records.slice(0, seen.length));
  });
});

describe('moved, repeated, dropped or added chunks', () => {
  const chunk = (file: Buffer, index: number) => file.subarray(chunkStart(index), Math.min(chunkStart(index + 1), file.length));
  const body = (file: Buffer, ...indices: number[]) => Buffer.concat([file.subarray(0, spec.headerLength), ...indices.map((index) => chunk(file, index))]);

  it.each([
    ['two chunks swapped', [1, 0, 2, 3], 'BACKUP_TAMPERED'],
    ['a chunk repeated', [0, 1, 1, 2, 3], 'BACKUP_TAMPERED'],
    ['a middle chunk dropped', [0, 2, 3], 'BACKUP_TAMPERED'],
    ['the final chunk dropped', [0, 1, 2], 'BACKUP_TRUNCATED'],
    ['the final chunk moved to the front', [3, 0, 1, 2], 'BACKUP_TAMPERED'],
    ['the first chunk repeated at the end', [0, 1, 2, 3, 0], 'BACKUP_TAMPERED'],
  ] as const)('%s -> %s', async (_name, indices, expected) => {
    expect(await verifyBytes(body(original, ...indices))).toBe(expected);
  });

  it('one byte appended -> TAMPERED', async () => {
    expect(await verifyBytes(Buffer.concat([original, Buffer.from([0])]))).toBe('BACKUP_TAMPERED');
  });

  it('a chunk from another backup with the same passphrase and records -> TAMPERED', async () => {
    const path = join(await tempFolder(), 'other');
    await writeBackup(path, records);
    const other = await readFile(path);
    const mixed = Buffer.concat([original.subarray(0, chunkStart(1)), chunk(other, 1), original.subarray(chunkStart(2))]);
    expect(await verifyBytes(mixed)).toBe('BACKUP_TAMPERED');
    const otherHeader = Buffer.concat([other.subarray(0, spec.headerLength), original.subarray(spec.headerLength)]);
    expect(await verifyBytes(otherHeader)).toBe('BACKUP_TAMPERED');
  });
});

describe('header edits with a recomputed checksum (deliberate, not damage)', () => {
  it('salt, nonce prefix or key check changed -> WRONG_PASSPHRASE: without the checksum to tell, this is what it looks like', async () => {
    for (const offset of [spec.saltAt, spec.noncePrefixAt, spec.keyCheckAt]) {
      expect(await verifyBytes(withRecomputedChecksum(flipped(original, offset))), `offset ${offset}`).toBe('BACKUP_WRONG_PASSPHRASE');
    }
  });

  it('KDF parameters out of bounds -> TAMPERED before any derivation (no 2^30 scrypt, no huge allocation)', async () => {
    const edits: [number, number][] = [
      [spec.kdfAt, 2],
      [spec.logNAt, 30],
      [spec.logNAt, 9],
      [spec.rAt, 0],
      [spec.rAt, 255],
      [spec.pAt, 0],
      [spec.pAt, 17],
    ];
    for (const [offset, value] of edits) {
      const copy = Buffer.from(original);
      copy[offset] = value;
      const started = performance.now();
      expect(await verifyBytes(withRecomputedChecksum(copy)), `offset ${offset} = ${value}`).toBe('BACKUP_TAMPERED');
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('N = 2^18 with r = 32 (1 GiB of scrypt memory) -> TAMPERED', async () => {
    const copy = Buffer.from(original);
    copy[spec.logNAt] = 18;
    copy[spec.rAt] = 32;
    expect(await verifyBytes(withRecomputedChecksum(copy))).toBe('BACKUP_TAMPERED');
  });

  it('version 1 with another header length -> TAMPERED; version 0 -> TAMPERED', async () => {
    const longer = Buffer.from(original);
    longer.writeUInt16BE(spec.headerLength + 1, spec.headerLengthAt);
    expect(await verifyBytes(withRecomputedChecksum(longer))).toBe('BACKUP_TAMPERED');
    const zero = Buffer.from(original);
    zero.writeUInt16BE(0, spec.versionAt);
    expect(await verifyBytes(withRecomputedChecksum(zero))).toBe('BACKUP_TAMPERED');
  });
});

describe('format versions', () => {
  it('a newer version with an intact header -> NEWER_VERSION, whatever its header length', async () => {
    const same = Buffer.from(original);
    same.writeUInt16BE(2, spec.versionAt);
    expect(await verifyBytes(withRecomputedChecksum(same))).toBe('BACKUP_NEWER_VERSION');

    // A future header of 300 bytes: only magic, version, length and the closing checksum are fixed.
    const future = Buffer.alloc(300 + 1000, 7);
    spec.magic.copy(future, 0);
    future.writeUInt16BE(9, spec.versionAt);
    future.writeUInt16BE(300, spec.headerLengthAt);
    sha256(future.subarray(0, 268)).copy(future, 268);
    expect(await verifyBytes(future)).toBe('BACKUP_NEWER_VERSION');
    expect(await verifyBytes(future.subarray(0, 299))).toBe('BACKUP_TRUNCATED');
    expect(await verifyBytes(flipped(future, 100))).toBe('BACKUP_TAMPERED');
  });
});

describe('not a backup, or not readable', () => {
  it('an empty file, random bytes, a text file -> NOT_A_BACKUP', async () => {
    for (const bytes of [Buffer.alloc(0), randomBytes(4096), randomBytes(3), Buffer.from('{"cases": []}\n')]) {
      expect(await verifyBytes(bytes)).toBe('BACKUP_NOT_A_BACKUP');
    }
  });

  it('a missing file or a folder -> READ_FAILED', async () => {
    const folder = await tempFolder();
    await expectBackupError(verifyBackup({ path: join(folder, 'missing'), passphrase: PASSPHRASE }), 'BACKUP_READ_FAILED');
    await mkdir(join(folder, 'sub'));
    await expectBackupError(verifyBackup({ path: join(folder, 'sub'), passphrase: PASSPHRASE }), 'BACKUP_READ_FAILED');
  });
});

describe('wrong passphrase', () => {
  it('-> WRONG_PASSPHRASE, for a near miss and an empty one', async () => {
    for (const passphrase of ['correct horse battery stapl', 'Correct horse battery staple', '']) {
      expect(await verifyBytes(original, passphrase)).toBe('BACKUP_WRONG_PASSPHRASE');
    }
  });
});

/** Files a correct writer never makes, built from the spec with the right key: the reader still refuses them. */
describe('an authentic body with bad content', () => {
  const manifest = specManifest({ notes: 2 });
  const note = (id: string) => ({ table: 'notes', id, updatedAt: 1, data: { text: 'x' } });
  const lengthOnly = (length: number) => {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(length);
    return bytes;
  };

  it.each([
    ['a manifest frame claiming 4 GiB', [lengthOnly(0xffffffff), Buffer.alloc(100)]],
    ['a record frame claiming 4 GiB', [frame(manifest), frame(note('a')), lengthOnly(0xffffffff), Buffer.alloc(100)]],
    ['a record frame claiming 16 MiB + 1', [frame(manifest), frame(note('a')), lengthOnly(16 * 1024 * 1024 + 1)]],
    ['fewer records than counted', [frame(manifest), frame(note('a'))]],
    ['more records than counted', [frame(manifest), frame(note('a')), frame(note('b')), frame(note('c'))]],
    ['a table the manifest does not count', [frame(manifest), frame(note('a')), frame({ ...note('b'), table: 'cases' })]],
    ['a record without data', [frame(manifest), frame(note('a')), frame({ table: 'notes', id: 'b', updatedAt: 1 })]],
    ['a record with an extra field', [frame(manifest), frame(note('a')), frame({ ...note('b'), secret: 1 })]],
    ['a record that is not JSON', [frame(manifest), frame(note('a')), lengthOnly(3), Buffer.from('{{{')]],
    ['bytes after the last record', [frame(manifest), frame(note('a')), frame(note('b')), Buffer.from([0, 0])]],
    ['a manifest of a newer format version', [frame({ ...manifest, formatVersion: 2 }), frame(note('a')), frame(note('b'))]],
    ['no manifest at all', [Buffer.alloc(0)]],
  ])('%s -> TAMPERED', async (_name, parts) => {
    expect(await verifyBytes(specBackup(PASSPHRASE, Buffer.concat(parts)))).toBe('BACKUP_TAMPERED');
  });

  it('the same files, well formed, verify (so the cases above fail for the reason named)', async () => {
    const good = specBackup(PASSPHRASE, Buffer.concat([frame(manifest), frame(note('a')), frame(note('b'))]));
    const path = join(await tempFolder(), 'good');
    await writeFile(path, good);
    expect((await verifyBackup({ path, passphrase: PASSPHRASE })).records).toBe(2);
  });
});
