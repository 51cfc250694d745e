import { createCipheriv, createDecipheriv, createHash, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { deriveKey, type ScryptCost } from '../vault/kdf';
import { BackupError } from './errors';

/** The byte layout, key schedule and chunk sealing of docs/backup-format.md, version 1. */

export const FORMAT_VERSION = 1;
export const MAGIC = Buffer.from('WAYPOINT-BACKUP\n', 'latin1');
/** Plaintext bytes per chunk; every chunk but the last holds exactly this many. */
export const CHUNK_SIZE = 64 * 1024;
export const TAG_LENGTH = 16;
export const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_LENGTH;
/** The chunk counter is 32 bits. */
export const MAX_CHUNKS = 2 ** 32;
export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
export const FRAME_LENGTH_BYTES = 4;
export const SALT_LENGTH = 16;
export const NONCE_PREFIX_LENGTH = 7;
const KEY_LENGTH = 32;
const KEY_CHECK_LENGTH = 32;
const CHECKSUM_LENGTH = 32;
const KDF_SCRYPT = 1;

/** Every format version starts with magic, version and header length, and ends its header with a checksum. */
const STABLE_PREFIX_LENGTH = MAGIC.length + 2 + 2;
/** The header length field is 16 bits, so even a hostile header costs at most 64 KiB to read. */
export const MAX_HEADER_LENGTH = 0xffff;

/** Version 1 header offsets. */
const VERSION_AT = 16;
const HEADER_LENGTH_AT = 18;
const KDF_AT = 20;
const LOG_N_AT = 21;
const R_AT = 22;
const P_AT = 23;
const SALT_AT = 24;
const NONCE_PREFIX_AT = SALT_AT + SALT_LENGTH;
const KEY_CHECK_AT = NONCE_PREFIX_AT + NONCE_PREFIX_LENGTH;
const CHECKSUM_AT = KEY_CHECK_AT + KEY_CHECK_LENGTH;
export const HEADER_V1_LENGTH = CHECKSUM_AT + CHECKSUM_LENGTH;

/**
 * scrypt bounds a header may carry. 2^10 is below the production floor and only written by tests.
 * The memory cap (256 MiB, what calibration can reach) stops a hostile header from making the
 * reader allocate gigabytes; p costs time only, and at most 16 times one derivation.
 */
const MIN_LOG_N = 10;
const MAX_LOG_N = 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_SCRYPT_BYTES = 256 * 1024 * 1024;

export interface BackupKdf extends ScryptCost {
  name: 'scrypt';
}

/** What the plain header says, for display; nothing in it is about the user. */
export interface BackupHeader {
  formatVersion: number;
  kdf: BackupKdf;
}

export interface ParsedHeader {
  info: BackupHeader;
  /** The header as stored, bound into every chunk. */
  bytes: Buffer;
  /** Everything before the key check: the HKDF salt. */
  prefix: Buffer;
  salt: Buffer;
  noncePrefix: Buffer;
  keyCheck: Buffer;
}

export interface FileKeys {
  bodyKey: Buffer;
  keyCheck: Buffer;
}

const MAX_TABLE_NAME_LENGTH = 100;
const MAX_ID_LENGTH = 1024;
const tableName = z.string().min(1).max(MAX_TABLE_NAME_LENGTH);

export const manifestSchema = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string().min(1).max(100),
  /** ms since the epoch */
  createdAt: z.int().min(0),
  /** How many records of each table follow; the reader checks them. */
  counts: z.record(tableName, z.int().min(0)),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** One record the user made, already decrypted by the renderer. `data` must survive JSON.stringify. */
export interface BackupRecord {
  table: string;
  id: string;
  updatedAt: number;
  data: unknown;
}

const RECORD_KEYS = ['table', 'id', 'updatedAt', 'data'];

/**
 * Returns why a value is not a well-formed record, or null. Written out by hand rather than as a zod
 * schema: it runs for every record on export and on restore, and costs a tenth as much.
 */
export function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a record must be an object';
  const keys = Object.keys(value);
  if (keys.length !== RECORD_KEYS.length || !RECORD_KEYS.every((key) => keys.includes(key))) {
    return `a record has exactly the fields ${RECORD_KEYS.join(', ')}`;
  }
  const { table, id, updatedAt, data } = value as Record<string, unknown>;
  if (typeof table !== 'string' || table.length === 0 || table.length > MAX_TABLE_NAME_LENGTH) return `table must be 1 to ${MAX_TABLE_NAME_LENGTH} characters`;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return `id must be 1 to ${MAX_ID_LENGTH} characters`;
  if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) return 'updatedAt must be a finite number';
  if (data === undefined) return 'data is required';
  return null;
}

/** Returns why a cost cannot be stored or honoured, or null when it can. */
export function scryptCostProblem({ N, r, p }: ScryptCost): string | null {
  const logN = Math.log2(N);
  if (!Number.isInteger(logN) || logN < MIN_LOG_N || logN > MAX_LOG_N) return `N must be a power of two from 2^${MIN_LOG_N} to 2^${MAX_LOG_N}`;
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) return `r must be an integer from 1 to ${MAX_R}`;
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) return `p must be an integer from 1 to ${MAX_P}`;
  if (128 * r * N > MAX_SCRYPT_BYTES) return 'scrypt would need more than 256 MiB';
  return null;
}

/** The header fields the key check and the body key depend on: everything before the key check. */
export function encodeHeaderPrefix(cost: ScryptCost, salt: Buffer, noncePrefix: Buffer): Buffer {
  const prefix = Buffer.alloc(KEY_CHECK_AT);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, VERSION_AT);
  prefix.writeUInt16BE(HEADER_V1_LENGTH, HEADER_LENGTH_AT);
  prefix.writeUInt8(KDF_SCRYPT, KDF_AT);
  prefix.writeUInt8(Math.log2(cost.N), LOG_N_AT);
  prefix.writeUInt8(cost.r, R_AT);
  prefix.writeUInt8(cost.p, P_AT);
  salt.copy(prefix, SALT_AT);
  noncePrefix.copy(prefix, NONCE_PREFIX_AT);
  return prefix;
}

export function encodeHeader(prefix: Buffer, keyCheck: Buffer): Buffer {
  const unchecked = Buffer.concat([prefix, keyCheck]);
  return Buffer.concat([unchecked, sha256(unchecked)]);
}

/**
 * Reads the header from the first bytes of the file (up to MAX_HEADER_LENGTH of them). The checksum
 * is checked before the version, so a damaged version byte reads as tampering, not as a newer file.
 */
export function parseHeader(start: Buffer, fileSize: number): ParsedHeader {
  if (fileSize === 0) throw new BackupError('BACKUP_NOT_A_BACKUP', 'the file is empty');
  const magicSeen = start.subarray(0, MAGIC.length);
  if (!magicSeen.equals(MAGIC.subarray(0, magicSeen.length))) {
    throw new BackupError('BACKUP_NOT_A_BACKUP', 'the file does not start with the Waypoint backup magic bytes');
  }
  if (fileSize < STABLE_PREFIX_LENGTH) throw new BackupError('BACKUP_TRUNCATED', 'the file ends inside the header');

  const version = start.readUInt16BE(VERSION_AT);
  const headerLength = start.readUInt16BE(HEADER_LENGTH_AT);
  if (version === 0 || headerLength < STABLE_PREFIX_LENGTH + CHECKSUM_LENGTH || (version === FORMAT_VERSION && headerLength !== HEADER_V1_LENGTH)) {
    throw new BackupError('BACKUP_TAMPERED', 'the header has an impossible version or length');
  }
  if (fileSize < headerLength) throw new BackupError('BACKUP_TRUNCATED', 'the file ends inside the header');

  const bytes = Buffer.from(start.subarray(0, headerLength));
  const checksumAt = headerLength - CHECKSUM_LENGTH;
  if (!timingSafeEqual(sha256(bytes.subarray(0, checksumAt)), bytes.subarray(checksumAt))) {
    throw new BackupError('BACKUP_TAMPERED', 'the header checksum does not match: the file was changed or damaged');
  }
  if (version > FORMAT_VERSION) {
    throw new BackupError('BACKUP_NEWER_VERSION', `the backup has format version ${version}; this Waypoint reads up to ${FORMAT_VERSION}`);
  }

  if (bytes.readUInt8(KDF_AT) !== KDF_SCRYPT) throw new BackupError('BACKUP_TAMPERED', 'the header names an unknown KDF');
  const logN = bytes.readUInt8(LOG_N_AT);
  const kdf: BackupKdf = { name: 'scrypt', N: 2 ** logN, r: bytes.readUInt8(R_AT), p: bytes.readUInt8(P_AT) };
  const problem = scryptCostProblem(kdf);
  if (problem !== null) throw new BackupError('BACKUP_TAMPERED', `the header's KDF parameters are out of bounds: ${problem}`);

  return {
    info: { formatVersion: version, kdf },
    bytes,
    prefix: bytes.subarray(0, KEY_CHECK_AT),
    salt: bytes.subarray(SALT_AT, NONCE_PREFIX_AT),
    noncePrefix: bytes.subarray(NONCE_PREFIX_AT, KEY_CHECK_AT),
    keyCheck: bytes.subarray(KEY_CHECK_AT, CHECKSUM_AT),
  };
}

/**
 * scrypt turns the passphrase into a master key; HKDF, salted with the header prefix, splits it into
 * the body key and the key check, so the check reveals nothing about the body key and both depend
 * on every KDF parameter, the salt and the nonce prefix.
 */
export async function deriveFileKeys(passphrase: string, cost: ScryptCost, salt: Buffer, headerPrefix: Buffer): Promise<FileKeys> {
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const master = await deriveKey(secret, { N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64') });
  secret.fill(0);
  const expand = (info: string, length: number) => Buffer.from(hkdfSync('sha256', master, headerPrefix, info, length));
  const keys = { bodyKey: expand('waypoint-backup v1 body key', KEY_LENGTH), keyCheck: expand('waypoint-backup v1 key check', KEY_CHECK_LENGTH) };
  master.fill(0);
  return keys;
}

export function keyCheckMatches(keys: FileKeys, header: ParsedHeader): boolean {
  return timingSafeEqual(keys.keyCheck, header.keyCheck);
}

/** What binds a chunk to its file: any header change makes every chunk fail. */
export function chunkAssociatedData(headerBytes: Buffer): Buffer {
  return sha256(headerBytes);
}

/** STREAM nonce: the file's random prefix, the chunk's index, and whether it is the last chunk. */
function chunkNonce(noncePrefix: Buffer, index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  noncePrefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_LENGTH);
  nonce.writeUInt8(final ? 1 : 0, 11);
  return nonce;
}

export interface ChunkContext {
  bodyKey: Buffer;
  noncePrefix: Buffer;
  associatedData: Buffer;
}

/** Returns ciphertext followed by the 16-byte tag. */
export function sealChunk(context: ChunkContext, index: number, final: boolean, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', context.bodyKey, chunkNonce(context.noncePrefix, index, final));
  cipher.setAAD(context.associatedData);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Returns the plaintext, or null when the chunk is not the authentic chunk `index` with this final flag. */
export function openChunk(context: ChunkContext, index: number, final: boolean, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG_LENGTH) return null;
  const decipher = createDecipheriv('aes-256-gcm', context.bodyKey, chunkNonce(context.noncePrefix, index, final));
  decipher.setAAD(context.associatedData);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
  const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_LENGTH));
  try {
    decipher.final();
    return plaintext;
  } catch {
    return null;
  }
}

/** A frame is a 32-bit big-endian length and that many bytes of UTF-8 JSON. */
export function encodeFrame(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const frame = Buffer.alloc(FRAME_LENGTH_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, FRAME_LENGTH_BYTES);
  return frame;
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
