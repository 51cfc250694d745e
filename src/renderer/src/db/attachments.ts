/**
 * Attached files (docs/attachments-format.md): each file's bytes in 1 MiB chunks, AES-256-GCM under a
 * random key of its own, which is kept wrapped under the attachments key inside the file's encrypted
 * record. The chunks are rows of their own (`attachmentChunks`), written a few at a time as the file is
 * read, so a file over `wholeReadBytes` is never held whole; the record is written last, by the caller,
 * and chunks without a record are removed (on failure at once, after a crash at the next unlock).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Table } from 'dexie';
import type { AttachmentBlob } from '@shared/attachments';
import type { DecryptedRecord } from './schema';
import { attachmentChunksTable, attachmentsTable } from './schema';
import { rawTable, type RecordStore, type RecordTypes } from './store';
import { fromBase64, toBase64 } from '@shared/base64';

/** Plaintext bytes per chunk; the last chunk holds the rest (0 bytes only for an empty file). */
export const attachmentChunkBytes = 1024 * 1024;

/**
 * One stored chunk: the blob's random id, its index, and AES-256-GCM ciphertext with its tag. Nothing else.
 * The ciphertext is written as a Blob, which IndexedDB keeps as it is, without the copy and the wrapping it makes
 * of a large ArrayBuffer (docs/performance.md); rows written before 2026-12-08 hold an ArrayBuffer, read alike.
 */
export interface ChunkRow {
  readonly blob: string;
  readonly n: number;
  readonly data: Blob | ArrayBuffer;
}

/** A stored chunk's ciphertext and tag, whichever way the row holds it. */
export async function chunkCiphertext(row: ChunkRow): Promise<ArrayBuffer> {
  return row.data instanceof Blob ? row.data.arrayBuffer() : row.data;
}

export type AttachmentErrorReason = 'tooLarge' | 'noSpace' | 'diskFull' | 'damaged' | 'readFailed';

export class AttachmentError extends Error {
  override readonly name = 'AttachmentError';
  constructor(
    readonly reason: AttachmentErrorReason,
    message: string,
  ) {
    super(message);
  }
}

const encoder = new TextEncoder();
const formatLabel = 'waypoint attachment v1';
const ivBytes = 12;

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The wrap of a file key is bound to its blob: a wrapped key copied into another record does not open. */
function wrapParams(blobId: string, iv: Uint8Array<ArrayBuffer>): AesGcmParams {
  return { name: 'AES-GCM', iv, additionalData: encoder.encode(JSON.stringify([formatLabel, 'key', blobId])) };
}

/**
 * STREAM, as the backup format does: the nonce counts the chunks and flags the last one, and the
 * associated data names the blob, so a chunk moved, dropped, repeated, taken from another file or left
 * as the last one of a cut file does not open. A file key encrypts one file once, so the counter nonce
 * never repeats under a key.
 */
function chunkParams(blobId: string, n: number, final: boolean): AesGcmParams {
  const iv = new Uint8Array(ivBytes);
  new DataView(iv.buffer).setUint32(7, n);
  iv[11] = final ? 1 : 0;
  return { name: 'AES-GCM', iv, additionalData: encoder.encode(JSON.stringify([formatLabel, 'chunk', blobId, n, final])) };
}

/** A new random file key for `blobId`: usable for encrypt and decrypt, not extractable, and its wrap under `wrappingKey`. */
export async function newFileKey(wrappingKey: CryptoKey, blobId: string): Promise<{ key: CryptoKey; wrapped: string }> {
  const raw = (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt'])) as CryptoKey;
  const wrapped = await wrapFileKey(wrappingKey, blobId, raw);
  // Used from its unwrapped, non-extractable copy: the extractable one is dropped here.
  return { key: await unwrapFileKey(wrappingKey, blobId, wrapped), wrapped };
}

/** An extractable file key wrapped under `wrappingKey` for `blobId`: base64 of the IV and the wrap. */
export async function wrapFileKey(wrappingKey: CryptoKey, blobId: string, key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
  const wrap = new Uint8Array(await crypto.subtle.wrapKey('raw', key, wrappingKey, wrapParams(blobId, iv)));
  const sealed = new Uint8Array(ivBytes + wrap.length);
  sealed.set(iv);
  sealed.set(wrap, ivBytes);
  return toBase64(sealed);
}

/** The file key of `blobId`; AttachmentError('damaged') when the wrap is not this blob's under this key. */
export async function unwrapFileKey(wrappingKey: CryptoKey, blobId: string, wrapped: string, extractable = false): Promise<CryptoKey> {
  try {
    const sealed = fromBase64(wrapped);
    return await crypto.subtle.unwrapKey('raw', sealed.subarray(ivBytes), wrappingKey, wrapParams(blobId, sealed.slice(0, ivBytes)), { name: 'AES-GCM' }, extractable, [
      'encrypt',
      'decrypt',
    ]);
  } catch {
    throw new AttachmentError('damaged', `The key of attachment ${blobId} does not open.`);
  }
}

/** For a change of keys: the same file key wrapped under the next attachments key; the chunks stay as they are. */
export async function rewrapFileKey(current: CryptoKey, next: CryptoKey, blobId: string, wrapped: string): Promise<string> {
  return wrapFileKey(next, blobId, await unwrapFileKey(current, blobId, wrapped, true));
}

/**
 * An attachment's record with its file key wrapped under `next` instead of `current`, for a change of
 * keys; null when its wrap does not open under `current` (the row is then left as it is).
 */
export async function rewrapAttachmentRecord(current: CryptoKey, next: CryptoKey, record: DecryptedRecord<unknown>): Promise<DecryptedRecord<unknown> | null> {
  const data = record.data as { blob?: Partial<AttachmentBlob> } | null;
  const blob = data?.blob;
  if (typeof blob?.id !== 'string' || typeof blob.key !== 'string') return null;
  try {
    return { ...record, data: { ...data, blob: { ...blob, key: await rewrapFileKey(current, next, blob.id, blob.key) } } };
  } catch {
    return null;
  }
}

export function encryptChunk(key: CryptoKey, blobId: string, n: number, final: boolean, plaintext: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  return crypto.subtle.encrypt(chunkParams(blobId, n, final), key, plaintext);
}

/** The plaintext of chunk `n`; AttachmentError('damaged') for a chunk changed, moved, swapped or cut. */
export async function decryptChunk(key: CryptoKey, blobId: string, n: number, final: boolean, ciphertext: ArrayBuffer): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt(chunkParams(blobId, n, final), key, ciphertext));
  } catch {
    throw new AttachmentError('damaged', `Chunk ${n} of attachment ${blobId} does not open.`);
  }
}

/**
 * Chunks per IndexedDB transaction, and encrypted or decrypted at once: enough to keep WebCrypto and IndexedDB
 * busy while the main thread reads and hashes, few enough that a file of any size holds a few MiB at a time.
 */
export const chunksPerBatch = 4;

export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / attachmentChunkBytes));
}

/** The table of a store's chunk rows. */
export function chunkTable(store: RecordStore<RecordTypes>): Table<ChunkRow, [string, number]> {
  return rawTable<ChunkRow, [string, number]>(store, attachmentChunksTable);
}

export interface WriteAttachmentOptions {
  /** Bytes; larger files are refused before anything is read. */
  limitBytes: number;
  /** `navigator.storage.estimate` (tests pass their own). */
  estimate?: () => Promise<StorageEstimate>;
}

export interface WrittenAttachment {
  blob: AttachmentBlob;
  size: number;
  /** SHA-256 of the bytes stored, lowercase hex. */
  sha256: string;
}

/** Room the write may need beyond the file itself: each chunk's tag and the rows' own bytes, and a margin for the record. */
function spaceNeeded(size: number): number {
  return size + chunkCount(size) * 1024 + 1024 * 1024;
}

function isQuotaError(error: unknown): boolean {
  const found = error as { name?: unknown; inner?: { name?: unknown }; failures?: readonly { name?: unknown }[] } | null;
  // Dexie reports a failed bulkPut as a BulkError listing each row's failure.
  const names = [found?.name, found?.inner?.name, ...(found?.failures ?? []).map((failure) => failure?.name)];
  return names.includes('QuotaExceededError');
}

/** Chunk `n` of the file, read from its own slice, for a file too large to read whole. */
async function readChunk(file: Blob, n: number): Promise<Uint8Array<ArrayBuffer>> {
  return readBytes(() => file.slice(n * attachmentChunkBytes, (n + 1) * attachmentChunkBytes).arrayBuffer());
}

async function readBytes(read: () => Promise<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await read());
  } catch {
    throw new AttachmentError('readFailed', 'The file could not be read to the end.');
  }
}

/**
 * Files up to this size are read whole, which the attach's memory budget (64 MB above what the page held)
 * allows: WebCrypto then hashes them in one call, off the main thread, in a tenth of the time the JavaScript
 * hash a larger file needs (a chunk at a time, on the main thread) takes. docs/performance.md.
 */
export const wholeReadBytes = 32 * 1024 * 1024;

/** The file's SHA-256: WebCrypto's in one call when it was read whole, else @noble/hashes' fed a chunk at a time. */
function fileHash(whole: Uint8Array<ArrayBuffer> | null): { update(chunk: Uint8Array): void; digest(): Promise<Uint8Array> } {
  if (!whole) {
    const hash = sha256.create();
    return { update: (chunk) => hash.update(chunk), digest: async () => hash.digest() };
  }
  const digest = crypto.subtle.digest('SHA-256', whole).then((bytes) => new Uint8Array(bytes));
  digest.catch(() => undefined); // awaited after the chunks, unless one fails first
  return { update: () => undefined, digest: () => digest };
}

/** The whole file when it is small enough to read whole (`wholeReadBytes`), else null: it is read a chunk at a time. */
async function readWhole(file: Blob): Promise<Uint8Array<ArrayBuffer> | null> {
  return file.size <= wholeReadBytes ? readBytes(() => file.arrayBuffer()) : null;
}

/**
 * SHA-256 of a Blob, lowercase hex (the file as received, when what is stored differs from it): read and hashed
 * as `writeAttachment` does, whole up to `wholeReadBytes`, beyond that a chunk at a time; each read zeroed after.
 */
export async function blobSha256(file: Blob): Promise<string> {
  const whole = await readWhole(file);
  const hash = fileHash(whole);
  try {
    if (!whole) {
      for (let n = 0; n < chunkCount(file.size); n += 1) {
        const chunk = await readChunk(file, n);
        hash.update(chunk);
        wipe(chunk);
      }
    }
    return toHex(await hash.digest());
  } finally {
    if (whole) wipe(whole);
  }
}

/** Zeroes a plaintext read from the file once it is encrypted and hashed, so the page's freed memory does not keep it. */
function wipe(plaintext: Uint8Array): void {
  plaintext.fill(0);
}

/**
 * Encrypts and stores a file's bytes, read whole up to `wholeReadBytes` and beyond that a chunk at a time
 * from `file.slice`, written a batch to a transaction, and answers what its record needs; the plaintext
 * read is zeroed once it is encrypted and hashed. Nothing is written for a file over the limit or when the disk has no room for it;
 * on any failure part-way the chunks written so far are deleted before the error is thrown.
 */
export async function writeAttachment(store: RecordStore<RecordTypes>, file: Blob, options: WriteAttachmentOptions): Promise<WrittenAttachment> {
  if (file.size > options.limitBytes) throw new AttachmentError('tooLarge', `The file has ${file.size} bytes, over the limit of ${options.limitBytes}.`);
  const estimate = await (options.estimate ?? (() => navigator.storage.estimate()))();
  if (estimate.quota !== undefined && estimate.quota - (estimate.usage ?? 0) < spaceNeeded(file.size)) {
    throw new AttachmentError('noSpace', `The file needs ${spaceNeeded(file.size)} bytes; ${estimate.quota - (estimate.usage ?? 0)} are free.`);
  }
  const table = chunkTable(store);
  const blobId = crypto.randomUUID();
  const { key, wrapped } = await newFileKey(store.handle().keys.attachments, blobId);
  const total = chunkCount(file.size);
  const whole = await readWhole(file);
  const hash = fileHash(whole);
  // One batch is being written while the next is read, hashed and encrypted: at most two batches in memory.
  let writing: Promise<unknown> = Promise.resolve();
  let digest: Uint8Array;
  try {
    for (let first = 0; first < total; first += chunksPerBatch) {
      const sealing: Promise<ChunkRow>[] = [];
      for (let n = first; n < Math.min(first + chunksPerBatch, total); n += 1) {
        const plaintext = whole ? whole.subarray(n * attachmentChunkBytes, (n + 1) * attachmentChunkBytes) : await readChunk(file, n);
        // WebCrypto copies its input when called, so a streamed chunk is hashed here while it is being encrypted.
        hash.update(plaintext);
        const sealed = encryptChunk(key, blobId, n, n === total - 1, plaintext)
          .finally(() => {
            if (!whole) wipe(plaintext);
          })
          .then((data): ChunkRow => ({ blob: blobId, n, data: new Blob([data]) }));
        sealed.catch(() => undefined); // awaited below, unless a later read fails first
        sealing.push(sealed);
      }
      const rows = await Promise.all(sealing);
      await writing;
      // Encrypted before the transaction opens: a WebCrypto promise inside one would let it commit early.
      writing = table.bulkPut(rows);
    }
    await writing;
    digest = await hash.digest();
  } catch (error) {
    await writing.catch(() => undefined);
    await deleteAttachmentChunks(store, [blobId]).catch(() => undefined); // the sweep at the next unlock takes what this leaves
    if (isQuotaError(error)) throw new AttachmentError('diskFull', 'The disk filled up while the file was being stored.');
    throw error;
  } finally {
    if (whole) {
      await hash.digest().catch(() => undefined); // WebCrypto may still be reading it
      wipe(whole);
    }
  }
  return { blob: { id: blobId, key: wrapped, chunks: total }, size: file.size, sha256: toHex(digest) };
}

/**
 * The file's bytes, chunk by chunk, each authenticated before it is given out. A chunk missing, changed,
 * moved or swapped from another file throws AttachmentError('damaged').
 */
export async function* readAttachment(store: RecordStore<RecordTypes>, blob: AttachmentBlob): AsyncGenerator<Uint8Array<ArrayBuffer>, void, undefined> {
  const table = chunkTable(store);
  const key = await unwrapFileKey(store.handle().keys.attachments, blob.id, blob.key);
  const batch = (first: number) => table.bulkGet(Array.from({ length: Math.min(chunksPerBatch, blob.chunks - first) }, (_, i): [string, number] => [blob.id, first + i]));
  // The next batch is read while this one is decrypted (its chunks all at once) and used.
  let reading = batch(0);
  for (let first = 0; first < blob.chunks; first += chunksPerBatch) {
    const rows = await reading;
    if (first + chunksPerBatch < blob.chunks) {
      reading = batch(first + chunksPerBatch);
      reading.catch(() => undefined); // a reader that stops early leaves it unawaited
    }
    const opening = rows.map((row, i) => {
      const n = first + i;
      if (!row) return Promise.reject(new AttachmentError('damaged', `Chunk ${n} of attachment ${blob.id} is missing.`));
      return chunkCiphertext(row).then((data) => decryptChunk(key, blob.id, n, n === blob.chunks - 1, data));
    });
    for (const opened of opening) opened.catch(() => undefined); // each is awaited in order below, unless one before it fails
    for (const opened of opening) yield await opened;
  }
}

/** Deletes every chunk of these blobs (after their records went, or a write that failed). */
export async function deleteAttachmentChunks(store: RecordStore<RecordTypes>, blobIds: readonly string[]): Promise<void> {
  if (blobIds.length > 0) await chunkTable(store).where('blob').anyOf(blobIds).delete();
}

/**
 * Deletes the chunks of every blob no record names: what an attach stopped part-way (a crash, a
 * closed window) or a deletion cut short left behind. Returns how many blobs went.
 */
export async function sweepOrphanChunks(store: RecordStore<RecordTypes>, liveBlobIds: ReadonlySet<string>): Promise<number> {
  const stored = (await chunkTable(store).orderBy('blob').uniqueKeys()) as string[];
  const orphans = stored.filter((blob) => !liveBlobIds.has(blob));
  await deleteAttachmentChunks(store, orphans);
  return orphans.length;
}

/**
 * At unlock, before anything is attached: deletes the chunks no attachment record names. Skipped when
 * an attachment record cannot be decrypted, since its chunks could not be told from an orphan's.
 */
export async function sweepAttachmentChunks(store: RecordStore<RecordTypes>): Promise<number> {
  const live = new Set<string>();
  for await (const batch of store.listInBatches(attachmentsTable, 1_000)) {
    for (const record of batch) {
      const blobId = record.error === undefined ? (record.data as { blob?: { id?: unknown } } | null)?.blob?.id : undefined;
      if (typeof blobId !== 'string') return 0;
      live.add(blobId);
    }
  }
  return sweepOrphanChunks(store, live);
}
