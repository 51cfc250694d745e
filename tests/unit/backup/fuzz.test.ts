import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, openBackup, verifyBackup, type BackupErrorCode, type BackupRecord } from '../../../src/main/services/backup';
import { sampleRecords } from '../../support/backup-records';
import { PASSPHRASE, spec, writeBackup } from './helpers';

const records = sampleRecords(150);
let original: Buffer;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'waypoint-backup-fuzz-'));
  await writeBackup(join(folder, 'original'), records);
  original = await readFile(join(folder, 'original'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** What a changed file may be reported as. A random change cannot fake a checksum, so never NEWER_VERSION or WRONG_PASSPHRASE. */
const refusals: BackupErrorCode[] = ['BACKUP_NOT_A_BACKUP', 'BACKUP_TRUNCATED', 'BACKUP_TAMPERED'];

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array };

/** Positions are fractions of the length, so they land everywhere in a file that changes size. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), count: fc.integer({ min: 1, max: 70_000 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
);

function apply(file: Buffer, change: Mutation): Buffer {
  const at = Math.floor(change.at * file.length);
  switch (change.kind) {
    case 'flip': {
      const copy = Buffer.from(file);
      if (copy.length > 0) copy[at] = copy[at]! ^ change.mask;
      return copy;
    }
    case 'truncate':
      return file.subarray(0, at);
    case 'insert':
      return Buffer.concat([file.subarray(0, at), change.bytes, file.subarray(at)]);
    case 'delete':
      return Buffer.concat([file.subarray(0, at), file.subarray(at + change.count)]);
    case 'overwrite':
      return Buffer.concat([file.subarray(0, at), change.bytes, file.subarray(at + change.bytes.length)]);
  }
}

/** Runs are sequential, so one file serves them all. */
async function saved(bytes: Uint8Array): Promise<string> {
  const path = join(folder, 'run');
  await writeFile(path, bytes);
  return path;
}

/** The code the promise rejects with; the property fails on success or on anything but a BackupError. */
async function refusal(promise: Promise<unknown>): Promise<BackupErrorCode> {
  const outcome = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  if (!(outcome instanceof BackupError)) throw new Error(`expected a BackupError, got ${String(outcome)}`);
  return outcome.code;
}

/** Reads with records(): whatever comes out before the refusal must be a prefix of the original records. */
async function recordsBeforeRefusal(path: string): Promise<{ seen: BackupRecord[]; code: BackupErrorCode }> {
  const seen: BackupRecord[] = [];
  const code = await refusal(
    (async () => {
      const reader = await openBackup({ path, passphrase: PASSPHRASE });
      try {
        for await (const record of reader.records()) seen.push(record);
      } finally {
        await reader.close();
      }
    })(),
  );
  return { seen, code };
}

describe('the reader under random input', () => {
  it('random bytes -> NOT_A_BACKUP; after the magic -> TRUNCATED or TAMPERED; never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), async (bytes, withMagic) => {
        const file = withMagic ? Buffer.concat([spec.magic, bytes]) : Buffer.from(bytes);
        const startsLikeABackup = file.length > 0 && file.subarray(0, spec.magic.length).equals(spec.magic.subarray(0, Math.min(file.length, spec.magic.length)));
        const code = await refusal(verifyBackup({ path: await saved(file), passphrase: PASSPHRASE }));
        expect(startsLikeABackup ? ['BACKUP_TRUNCATED', 'BACKUP_TAMPERED'] : ['BACKUP_NOT_A_BACKUP']).toContain(code);
      }),
      { numRuns: 300 },
    );
  });

  it('a genuine header followed by random chunks -> TRUNCATED or TAMPERED, and no record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 3 * spec.sealedChunkSize }), async (body) => {
        const path = await saved(Buffer.concat([original.subarray(0, spec.headerLength), body]));
        const { seen, code } = await recordsBeforeRefusal(path);
        expect(['BACKUP_TRUNCATED', 'BACKUP_TAMPERED']).toContain(code);
        expect(seen).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('a valid backup changed in one to three places is refused as a whole, and records() yields only genuine records, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (changes) => {
        const changed = changes.reduce(apply, original);
        const path = await saved(changed);
        if (changed.equals(original)) {
          // A change can undo itself (a flip back, an overwrite with the same bytes): then the file must still verify.
          expect((await verifyBackup({ path, passphrase: PASSPHRASE })).records).toBe(records.length);
          return;
        }
        expect(refusals).toContain(await refusal(verifyBackup({ path, passphrase: PASSPHRASE })));
        const { seen, code } = await recordsBeforeRefusal(path);
        expect(refusals).toContain(code);
        expect(seen).toEqual(records.slice(0, seen.length));
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
