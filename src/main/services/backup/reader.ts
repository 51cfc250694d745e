import { open, type FileHandle } from 'node:fs/promises';
import { BackupError } from './errors';
import {
  FRAME_LENGTH_BYTES,
  MAX_CHUNKS,
  MAX_HEADER_LENGTH,
  MAX_MANIFEST_BYTES,
  MAX_RECORD_BYTES,
  SEALED_CHUNK_SIZE,
  chunkAssociatedData,
  deriveFileKeys,
  keyCheckMatches,
  manifestSchema,
  openChunk,
  parseHeader,
  recordProblem,
  type BackupHeader,
  type BackupManifest,
  type BackupRecord,
  type ChunkContext,
} from './format';

export interface OpenBackupOptions {
  path: string;
  passphrase: string;
}

export interface BackupSummary {
  header: BackupHeader;
  manifest: BackupManifest;
  records: number;
}

export interface BackupReader {
  readonly header: BackupHeader;
  /** Read and authenticated at open, before any record: what the file holds. */
  readonly manifest: BackupManifest;
  /**
   * Reads the records from the start of the body, in the order written. Each chunk is authenticated
   * before its records are yielded, but a cut or a change further on is only found when the pass
   * gets there: run `verify` first and import only after it resolves. May be called again for a new pass.
   */
  records(): AsyncIterable<BackupRecord>;
  /** Reads the whole file and checks every chunk, the end of the file and the counts in the manifest. */
  verify(): Promise<BackupSummary>;
  /** Closes the file and forgets the key. */
  close(): Promise<void>;
}

/**
 * Opens a backup: checks the header, derives the key (the KDF runs once here), tells a wrong
 * passphrase apart by the key check, and reads the manifest. Rejects only with a BackupError.
 */
export async function openBackup(options: OpenBackupOptions): Promise<BackupReader> {
  let handle: FileHandle;
  try {
    handle = await open(options.path, 'r');
  } catch (error) {
    throw readFailed(error);
  }
  let context: ChunkContext | null = null;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new BackupError('BACKUP_READ_FAILED', 'the path is not a file');
    const header = parseHeader(await readAt(handle, Math.min(stats.size, MAX_HEADER_LENGTH), 0), stats.size);
    const keys = await deriveFileKeys(options.passphrase, header.info.kdf, header.salt, header.prefix);
    context = { bodyKey: keys.bodyKey, noncePrefix: header.noncePrefix, associatedData: chunkAssociatedData(header.bytes) };
    if (!keyCheckMatches(keys, header)) {
      throw new BackupError('BACKUP_WRONG_PASSPHRASE', 'the passphrase does not open this backup');
    }
    const manifest = await readManifest(handle, header.bytes.length, context);
    return createReader(handle, header.info, header.bytes.length, context, manifest);
  } catch (error) {
    context?.bodyKey.fill(0);
    await handle.close().catch(() => undefined);
    throw toReadError(error);
  }
}

/** Opens, reads everything, closes: the check to run before a restore writes anything. */
export async function verifyBackup(options: OpenBackupOptions): Promise<BackupSummary> {
  const reader = await openBackup(options);
  try {
    return await reader.verify();
  } finally {
    await reader.close();
  }
}

function createReader(handle: FileHandle, header: BackupHeader, bodyStart: number, context: ChunkContext, manifest: BackupManifest): BackupReader {
  let closed = false;

  async function* records(): AsyncGenerator<BackupRecord> {
    if (closed) throw new BackupError('BACKUP_BAD_ARGUMENT', 'the backup reader is closed');
    const remaining = new Map(Object.entries(manifest.counts));
    let isManifest = true;
    try {
      for await (const frame of frames(handle, bodyStart, context)) {
        if (isManifest) {
          isManifest = false;
          continue;
        }
        const record = parseRecord(frame);
        const left = remaining.get(record.table);
        if (left === undefined || left === 0) throw new BackupError('BACKUP_TAMPERED', `more "${record.table}" records than the manifest counts`);
        remaining.set(record.table, left - 1);
        yield record;
      }
    } catch (error) {
      throw toReadError(error);
    }
    if ([...remaining.values()].some((left) => left > 0)) {
      throw new BackupError('BACKUP_TAMPERED', 'fewer records than the manifest counts');
    }
  }

  return {
    header,
    manifest,
    records,
    async verify() {
      let count = 0;
      for await (const _record of records()) count += 1;
      return { header, manifest, records: count };
    },
    async close() {
      if (closed) return;
      closed = true;
      context.bodyKey.fill(0);
      await handle.close().catch(() => undefined);
    },
  };
}

async function readManifest(handle: FileHandle, bodyStart: number, context: ChunkContext): Promise<BackupManifest> {
  for await (const frame of frames(handle, bodyStart, context)) {
    const parsed = manifestSchema.safeParse(parseJson(frame));
    if (!parsed.success) throw new BackupError('BACKUP_TAMPERED', 'the manifest is malformed');
    return parsed.data;
  }
  throw new BackupError('BACKUP_TAMPERED', 'the backup has no manifest');
}

function parseRecord(frame: Buffer): BackupRecord {
  const value = parseJson(frame);
  const problem = recordProblem(value);
  if (problem !== null) throw new BackupError('BACKUP_TAMPERED', `a record is malformed: ${problem}`);
  return value as BackupRecord;
}

/** Frames come from authenticated chunks, so bad JSON means a writer bug or a forger with the key. */
function parseJson(frame: Buffer): unknown {
  try {
    return JSON.parse(frame.toString('utf8'));
  } catch (error) {
    throw new BackupError('BACKUP_TAMPERED', 'a frame is not JSON', { cause: error });
  }
}

/**
 * Yields the body's frames in order (the manifest first), opening one chunk at a time, so memory
 * stays at one chunk plus one frame. Only the chunk that ends the file may carry the final flag.
 */
async function* frames(handle: FileHandle, bodyStart: number, context: ChunkContext): AsyncGenerator<Buffer> {
  const size = (await handle.stat()).size;
  if (size <= bodyStart) throw new BackupError('BACKUP_TRUNCATED', 'the file ends after its header');
  const splitter = new FrameSplitter();
  let maxFrameBytes = MAX_MANIFEST_BYTES;
  for (let index = 0, position = bodyStart; position < size; index += 1, position += SEALED_CHUNK_SIZE) {
    if (index >= MAX_CHUNKS) throw new BackupError('BACKUP_TAMPERED', 'the file has more chunks than the format can count');
    const sealed = await readAt(handle, Math.min(SEALED_CHUNK_SIZE, size - position), position);
    const last = position + sealed.length === size;
    const plaintext = openChunk(context, index, last, sealed);
    if (plaintext === null) {
      // A complete chunk that authenticates as non-final, at the end of the file: the rest was cut off.
      if (last && sealed.length === SEALED_CHUNK_SIZE && openChunk(context, index, false, sealed) !== null) {
        throw new BackupError('BACKUP_TRUNCATED', `the file ends after chunk ${index}, which is not the last one`);
      }
      throw new BackupError('BACKUP_TAMPERED', `chunk ${index} failed authentication: the file was changed or damaged`);
    }
    splitter.push(plaintext);
    for (let frame = splitter.next(maxFrameBytes); frame !== null; frame = splitter.next(maxFrameBytes)) {
      maxFrameBytes = MAX_RECORD_BYTES;
      yield frame;
    }
  }
  if (splitter.buffered > 0) throw new BackupError('BACKUP_TAMPERED', 'the body ends inside a record');
}

/** Cuts the decrypted byte stream into frames; copies each byte about once, even for a 16 MiB frame. */
class FrameSplitter {
  private parts: Buffer[] = [];
  buffered = 0;

  push(part: Buffer): void {
    if (part.length === 0) return;
    this.parts.push(part);
    this.buffered += part.length;
  }

  /** The next whole frame, or null until more bytes arrive. A length above maxBytes is refused before anything is allocated. */
  next(maxBytes: number): Buffer | null {
    if (this.buffered < FRAME_LENGTH_BYTES) return null;
    while (this.parts[0]!.length < FRAME_LENGTH_BYTES) {
      this.parts.splice(0, 2, Buffer.concat(this.parts.slice(0, 2)));
    }
    const length = this.parts[0]!.readUInt32BE(0);
    if (length > maxBytes) throw new BackupError('BACKUP_TAMPERED', `a frame claims ${length} bytes, more than the ${maxBytes} allowed`);
    const frameBytes = FRAME_LENGTH_BYTES + length;
    if (this.buffered < frameBytes) return null;
    const joined = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = joined.length > frameBytes ? [joined.subarray(frameBytes)] : [];
    this.buffered -= frameBytes;
    return joined.subarray(FRAME_LENGTH_BYTES, frameBytes);
  }
}

/** Reads exactly `length` bytes; a short read means the file shrank while it was read. */
async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) throw new BackupError('BACKUP_TRUNCATED', 'the file got shorter while it was read');
    filled += bytesRead;
  }
  return buffer;
}

function readFailed(error: unknown): BackupError {
  const detail = error instanceof Error ? error.message : String(error);
  return new BackupError('BACKUP_READ_FAILED', `could not read the backup: ${detail}`, { cause: error });
}

/** Bad input always ends as a BackupError; anything else (an I/O error, a bug) is reported as a failed read. */
function toReadError(error: unknown): BackupError {
  return error instanceof BackupError ? error : readFailed(error);
}
