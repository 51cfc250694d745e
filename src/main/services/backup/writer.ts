import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { calibrateScrypt, FLOOR_LOG_N, meetsFloor, type ScryptCost } from '../vault/kdf';
import { BackupError } from './errors';
import {
  CHUNK_SIZE,
  FORMAT_VERSION,
  FRAME_LENGTH_BYTES,
  MAX_CHUNKS,
  MAX_RECORD_BYTES,
  NONCE_PREFIX_LENGTH,
  SEALED_CHUNK_SIZE,
  SALT_LENGTH,
  chunkAssociatedData,
  deriveFileKeys,
  encodeFrame,
  encodeHeader,
  encodeHeaderPrefix,
  manifestSchema,
  recordProblem,
  scryptCostProblem,
  sealChunk,
  type BackupManifest,
  type BackupRecord,
  type ChunkContext,
} from './format';

/**
 * Lower than the vault's minimum for a new passphrase (10): a backup can be encrypted under the vault
 * passphrase, and one chosen before that minimum rose from 8 must still work.
 */
const MIN_PASSPHRASE_LENGTH = 8;

export type BackupManifestInput = Omit<BackupManifest, 'formatVersion'>;

export interface BackupWriterOptions {
  /** Where the finished backup goes. Nothing appears under this name until `finish` succeeds. */
  path: string;
  passphrase: string;
  /** Written first; `counts` must equal the records appended, table by table. */
  manifest: BackupManifestInput;
  /**
   * scrypt cost. By default calibrated on this machine to 0.5–1 s, like the vault; pass the vault's
   * stored cost to skip the 1–2 s calibration.
   */
  kdf?: ScryptCost;
  /**
   * TEST ONLY. Uses scrypt N = 2^testOnlyScryptLogN, r = 8, p = 1, which allows costs below the
   * production floor. Never set in the app.
   */
  testOnlyScryptLogN?: number;
}

export interface BackupWriter {
  /** Resolves once the record is buffered or written, so awaiting it keeps memory bounded. */
  append(record: BackupRecord): Promise<void>;
  /** Writes the last chunk, syncs, and renames the file into place. */
  finish(): Promise<{ bytes: number; records: number }>;
  /** Stops the export and removes the partial file. Does nothing once `finish` has renamed the file. */
  abort(): Promise<void>;
}

/**
 * Starts an encrypted backup. Records are encrypted in 64 KiB chunks as they arrive and written to a
 * temporary file next to `path`; any failure or `abort` removes it, so a half backup never carries
 * the chosen name. Any error ends the writer: later calls reject with the same error.
 */
export async function createBackupWriter(options: BackupWriterOptions): Promise<BackupWriter> {
  const manifest = checkManifest(options.manifest);
  if (typeof options.passphrase !== 'string' || [...options.passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupError('BACKUP_PASSPHRASE_TOO_SHORT', `the backup passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  const cost = await chooseCost(options);

  const salt = randomBytes(SALT_LENGTH);
  const noncePrefix = randomBytes(NONCE_PREFIX_LENGTH);
  const headerPrefix = encodeHeaderPrefix(cost, salt, noncePrefix);
  const keys = await deriveFileKeys(options.passphrase, cost, salt, headerPrefix);
  const header = encodeHeader(headerPrefix, keys.keyCheck);
  const context: ChunkContext = { bodyKey: keys.bodyKey, noncePrefix, associatedData: chunkAssociatedData(header) };

  const target = options.path;
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  let handle: FileHandle | null = null;
  try {
    handle = await open(temporary, 'wx', 0o600);
    await writeAll(handle, header);
  } catch (error) {
    keys.bodyKey.fill(0);
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeFailed(error);
  }

  const remaining = new Map(Object.entries(manifest.counts));
  // Records are framed straight into the chunk being filled, and sealed chunks written a batch at a time:
  // per record, no buffer of its own and no copy beyond the one into the chunk.
  const chunk = Buffer.allocUnsafe(CHUNK_SIZE);
  let used = 0;
  let sealed: Buffer[] = [];
  let sealedBytes = 0;
  let chunkIndex = 0;
  let bytes = header.length;
  let records = 0;
  let state: 'open' | 'finished' | 'aborted' = 'open';
  let failure: BackupError | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Steps run one at a time, in call order, so callers need not await between appends. */
  function serial<T>(step: () => Promise<T>): Promise<T> {
    const result = queue.then(step);
    queue = result.catch(() => undefined);
    return result;
  }

  function ensureOpen(): void {
    if (failure) throw failure;
    if (state === 'aborted') throw new BackupError('BACKUP_CANCELLED', 'the backup was aborted');
    if (state === 'finished') throw new BackupError('BACKUP_BAD_ARGUMENT', 'the backup is already finished');
  }

  function sealCurrentChunk(final: boolean): void {
    if (chunkIndex >= MAX_CHUNKS) throw new BackupError('BACKUP_TOO_LARGE', 'the backup has more chunks than the format can count');
    const sealedChunk = sealChunk(context, chunkIndex, final, chunk.subarray(0, used));
    chunkIndex += 1;
    used = 0;
    sealed.push(sealedChunk);
    sealedBytes += sealedChunk.length;
  }

  /** Copies bytes into the chunk; a full chunk is sealed only once more bytes come, so the last chunk is never empty. */
  function put(data: Buffer): void {
    for (let offset = 0; offset < data.length;) {
      if (used === CHUNK_SIZE) sealCurrentChunk(false);
      const copied = data.copy(chunk, used, offset);
      used += copied;
      offset += copied;
    }
  }

  /** A frame of JSON: written in place when it fits in the chunk, else across chunks. */
  function putFrame(json: string): void {
    const length = Buffer.byteLength(json, 'utf8');
    if (FRAME_LENGTH_BYTES + length > CHUNK_SIZE - used) return put(encodeFrame(json));
    chunk.writeUInt32BE(length, used);
    used += FRAME_LENGTH_BYTES + chunk.write(json, used + FRAME_LENGTH_BYTES, 'utf8');
  }

  async function writeSealed(): Promise<void> {
    if (sealed.length === 0) return;
    // Checked before each write so an abort stops a long append between writes.
    if (state === 'aborted') throw new BackupError('BACKUP_CANCELLED', 'the backup was aborted');
    const data = sealed.length === 1 ? sealed[0]! : Buffer.concat(sealed, sealedBytes);
    sealed = [];
    sealedBytes = 0;
    await writeAll(handle!, data);
    bytes += data.length;
  }

  putFrame(JSON.stringify(manifest));

  async function removePartialFile(): Promise<void> {
    keys.bodyKey.fill(0);
    chunk.fill(0); // the plaintext of the last records
    const current = handle;
    handle = null;
    await current?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
  }

  async function fail(error: unknown): Promise<never> {
    failure = error instanceof BackupError ? error : writeFailed(error);
    await removePartialFile();
    throw failure;
  }

  return {
    append: (record) =>
      serial(async () => {
        ensureOpen();
        try {
          const json = encodeRecord(record);
          const left = remaining.get(record.table);
          if (left === undefined || left === 0) {
            throw new BackupError('BACKUP_BAD_ARGUMENT', `more "${record.table}" records than the manifest counts`);
          }
          remaining.set(record.table, left - 1);
          records += 1;
          putFrame(json);
          if (sealedBytes >= WRITE_BATCH_BYTES) await writeSealed();
        } catch (error) {
          return fail(error);
        }
      }),

    finish: () =>
      serial(async () => {
        ensureOpen();
        try {
          const short = [...remaining].filter(([, left]) => left > 0).map(([table]) => table);
          if (short.length > 0) throw new BackupError('BACKUP_BAD_ARGUMENT', `fewer records than the manifest counts for: ${short.join(', ')}`);
          sealCurrentChunk(true);
          await writeSealed();
          await handle!.sync();
          await handle!.close();
          handle = null;
          if (state === 'aborted') throw new BackupError('BACKUP_CANCELLED', 'the backup was aborted');
          await rename(temporary, target);
          state = 'finished';
          keys.bodyKey.fill(0);
          chunk.fill(0);
        } catch (error) {
          return fail(error);
        }
        await syncFolder(dirname(target));
        return { bytes, records };
      }),

    abort: () => {
      if (state === 'open') state = 'aborted';
      return serial(async () => {
        if (state === 'aborted') await removePartialFile();
      });
    },
  };
}

function checkManifest(input: BackupManifestInput): BackupManifest {
  const parsed = manifestSchema.safeParse({ formatVersion: FORMAT_VERSION, ...input });
  if (!parsed.success) throw new BackupError('BACKUP_BAD_ARGUMENT', `invalid manifest: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function chooseCost(options: BackupWriterOptions): Promise<ScryptCost> {
  if (options.testOnlyScryptLogN !== undefined) return checkCost({ N: 2 ** options.testOnlyScryptLogN, r: 8, p: 1 });
  if (options.kdf === undefined) return calibrateScrypt();
  // The vault's floor: a backup may travel on a stick, under the vault passphrase itself.
  if (!meetsFloor(options.kdf)) throw new BackupError('BACKUP_BAD_ARGUMENT', `scrypt must use at least the memory of N = 2^${FLOOR_LOG_N}, r = 8`);
  return checkCost(options.kdf);
}

function checkCost(cost: ScryptCost): ScryptCost {
  const problem = scryptCostProblem(cost);
  if (problem !== null) throw new BackupError('BACKUP_BAD_ARGUMENT', `invalid scrypt cost: ${problem}`);
  return { N: cost.N, r: cost.r, p: cost.p };
}

/** Sealed chunks written at once (four): a quarter of the writes, and the file still grows as records come. */
const WRITE_BATCH_BYTES = 4 * SEALED_CHUNK_SIZE;

/** The record as the JSON of its frame, checked. */
function encodeRecord(record: BackupRecord): string {
  const problem = recordProblem(record);
  if (problem !== null) throw new BackupError('BACKUP_BAD_ARGUMENT', `invalid record: ${problem}`);
  let json: string;
  try {
    json = JSON.stringify({ table: record.table, id: record.id, updatedAt: record.updatedAt, data: record.data });
  } catch (error) {
    throw new BackupError('BACKUP_BAD_ARGUMENT', `record ${record.table}/${record.id} is not JSON-serialisable`, { cause: error });
  }
  // A UTF-8 byte count is at most three times the UTF-16 length; this skips the count for small records.
  if (json.length * 3 > MAX_RECORD_BYTES && Buffer.byteLength(json, 'utf8') > MAX_RECORD_BYTES) {
    throw new BackupError('BACKUP_TOO_LARGE', `record ${record.table}/${record.id} is larger than 16 MiB`);
  }
  return json;
}

/** FileHandle.write may write less than asked. */
async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/** Makes the rename durable. Best effort: Windows cannot open a folder for syncing. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

function writeFailed(error: unknown): BackupError {
  const detail = error instanceof Error ? error.message : String(error);
  return new BackupError('BACKUP_WRITE_FAILED', `could not write the backup: ${detail}`, { cause: error });
}
