/**
 * AES-256-GCM for single records (format version 1, see docs/records-format.md).
 * Pure WebCrypto: nothing here touches IndexedDB, so callers can keep every await outside transactions.
 */
import { reservedFields, type DecryptedRecord, type IndexFields, type IndexValue } from './schema';

/** Stored in each row as `v`; bump it when the row layout or the associated data changes. */
export const recordFormatVersion = 1;

const ivBytes = 12;
const keyBytes = 32;

/** One encrypted row as IndexedDB holds it. */
export interface StoredRow {
  readonly id: string;
  readonly kind: string;
  readonly updatedAt: number;
  readonly iv: Uint8Array;
  readonly ciphertext: ArrayBuffer;
  readonly v: number;
  readonly [indexField: string]: IndexValue | Uint8Array | ArrayBuffer;
}

export interface UndecryptableRecord {
  readonly id: string;
  readonly error: 'undecryptable';
}

export type RecordResult<T> = (DecryptedRecord<T> & { readonly error?: undefined }) | UndecryptableRecord;

/**
 * Imports the data key main hands over at unlock as a non-extractable AES-GCM key,
 * then overwrites `bytes` so the raw key does not linger in the renderer's heap.
 */
export async function importDataKey(bytes: Uint8Array): Promise<CryptoKey> {
  try {
    if (bytes.length !== keyBytes) throw new RangeError(`The data key must be ${keyBytes} bytes, got ${bytes.length}.`);
    return await crypto.subtle.importKey('raw', bytes as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
  } finally {
    bytes.fill(0);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const reserved = new Set<string>(reservedFields);

/**
 * Binds the ciphertext to its place and to every plaintext field of the row: moving it to another
 * row or table, or editing kind, updatedAt or an index field on disk, makes decryption fail.
 */
function associatedData(table: string, id: string, kind: string, updatedAt: number, index: IndexFields): Uint8Array<ArrayBuffer> {
  const indexEntries = Object.keys(index)
    .sort()
    .map((field) => [field, index[field]]);
  return encoder.encode(JSON.stringify([recordFormatVersion, table, id, kind, updatedAt, indexEntries]));
}

export async function encryptRecord(
  key: CryptoKey,
  table: string,
  record: DecryptedRecord<unknown>,
): Promise<StoredRow> {
  const { id, kind, updatedAt, index, data } = record;
  const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(table, id, kind, updatedAt, index) },
    key,
    encoder.encode(JSON.stringify(data)),
  );
  return { ...index, id, kind, updatedAt, iv, ciphertext, v: recordFormatVersion };
}

function indexFieldsOf(row: StoredRow): IndexFields {
  const index: Record<string, IndexValue> = {};
  for (const field of Object.keys(row)) {
    const value = row[field];
    if (!reserved.has(field) && (typeof value === 'string' || typeof value === 'number')) index[field] = value;
  }
  return index;
}

/** Never throws: a row that is malformed, of an unknown format, tampered with or under another key comes back flagged. */
export async function decryptRow<T>(key: CryptoKey, table: string, row: StoredRow): Promise<RecordResult<T>> {
  try {
    if (row.v !== recordFormatVersion) throw new Error(`Unknown record format ${String(row.v)}`);
    const index = indexFieldsOf(row);
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: row.iv as Uint8Array<ArrayBuffer>, additionalData: associatedData(table, row.id, row.kind, row.updatedAt, index) },
      key,
      row.ciphertext,
    );
    return { id: row.id, kind: row.kind, updatedAt: row.updatedAt, index, data: JSON.parse(decoder.decode(plaintext)) as T };
  } catch {
    return { id: String(row.id), error: 'undecryptable' };
  }
}
