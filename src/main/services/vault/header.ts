import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { VaultError } from './errors';
import { KEY_LENGTH, SALT_LENGTH, type ScryptParams } from './kdf';
import { deriveSubkey } from './subkeys';

/** The header's file name in the data folder. */
export const HEADER_FILE = 'vault.json';
export const HEADER_FORMAT = 'waypoint-vault';
export const HEADER_VERSION = 1;
export const MIN_ERASE_AFTER = 3;
export const MAX_ERASE_AFTER = 100;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const MAC_LENGTH = 32;
const CHECKSUM_LENGTH = 32;

export type WrapId = 'passphrase' | 'recovery';

function base64Bytes(length: number) {
  return z.base64().refine((text) => Buffer.from(text, 'base64').length === length, `must be ${length} bytes of base64`);
}

const kdfSchema = z.strictObject({
  name: z.literal('scrypt'),
  // 2^10 is below the production floor; only tests create such headers, and weak stored parameters
  // cannot help an attacker who could write the header, since a wrap needs the data key to make.
  N: z
    .int()
    .min(2 ** 10)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
  r: z.int().min(1).max(32),
  p: z.int().min(1).max(16),
  keyLength: z.literal(KEY_LENGTH),
  salt: base64Bytes(SALT_LENGTH),
});

const wrapSchema = z.strictObject({
  kdf: kdfSchema,
  cipher: z.literal('aes-256-gcm'),
  iv: base64Bytes(IV_LENGTH),
  ciphertext: base64Bytes(KEY_LENGTH),
  tag: base64Bytes(TAG_LENGTH),
});

/**
 * While keys are being changed: the next data key, encrypted under a key derived from the current one
 * (docs/vault-format.md, "Changing keys"). Whoever opens the header opens it too, so a change stopped
 * midway can always be finished.
 */
const nextKeySchema = z.strictObject({
  cipher: z.literal('aes-256-gcm'),
  iv: base64Bytes(IV_LENGTH),
  ciphertext: base64Bytes(KEY_LENGTH),
  tag: base64Bytes(TAG_LENGTH),
});

const headerSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  version: z.literal(HEADER_VERSION),
  eraseAfter: z.int().min(MIN_ERASE_AFTER).max(MAX_ERASE_AFTER).nullable(),
  wraps: z.strictObject({ passphrase: wrapSchema, recovery: wrapSchema }),
  nextKey: nextKeySchema.optional(),
  mac: base64Bytes(MAC_LENGTH),
  checksum: base64Bytes(CHECKSUM_LENGTH),
});

export type KeyWrap = z.infer<typeof wrapSchema>;
export type NextKey = z.infer<typeof nextKeySchema>;
export type VaultHeader = z.infer<typeof headerSchema>;
/**
 * The fields a caller chooses; `sealHeader` adds format, version, mac and checksum. `nextKey` is
 * required (undefined when there is none) so that no rewrite of the header can drop it by omission.
 */
export type HeaderContent = Pick<VaultHeader, 'eraseAfter' | 'wraps'> & { nextKey: NextKey | undefined };

/**
 * Reads the header text. Throws VAULT_UNSUPPORTED_VERSION for a newer version and VAULT_HEADER_CORRUPT
 * for anything that is not a well-formed version 1 header with a matching checksum.
 */
export function parseHeader(text: string): VaultHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new VaultError('VAULT_HEADER_CORRUPT', 'vault header is not JSON', { cause: error });
  }
  if (isNewerVersion(raw)) {
    throw new VaultError('VAULT_UNSUPPORTED_VERSION', 'vault header was written by a newer version of Waypoint');
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    throw new VaultError('VAULT_HEADER_CORRUPT', `vault header is malformed: ${z.prettifyError(parsed.error)}`);
  }
  if (!bytesEqual(checksumOf(parsed.data), parsed.data.checksum)) {
    throw new VaultError('VAULT_HEADER_CORRUPT', 'vault header checksum does not match: the file was changed or damaged');
  }
  return parsed.data;
}

function isNewerVersion(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const { format, version } = raw as Record<string, unknown>;
  return format === HEADER_FORMAT && typeof version === 'number' && Number.isInteger(version) && version > HEADER_VERSION;
}

export function serializeHeader(header: VaultHeader): string {
  return JSON.stringify(header, null, 2) + '\n';
}

/** Adds the MAC (keyed by the data key) and the checksum to the header's content. */
export function sealHeader({ nextKey, ...content }: HeaderContent, dataKey: Buffer): VaultHeader {
  const unsealed = { format: HEADER_FORMAT, version: HEADER_VERSION, ...content, ...(nextKey ? { nextKey } : {}) } as const;
  const mac = macOf(unsealed, dataKey);
  const withMac = { ...unsealed, mac };
  return { ...withMac, checksum: checksumOf(withMac) };
}

/**
 * True when the header is exactly what someone holding the data key wrote. This covers the fields
 * that no single wrap's associated data covers: the erase setting and the other wrap.
 */
export function headerMacMatches(header: VaultHeader, dataKey: Buffer): boolean {
  return bytesEqual(macOf(header, dataKey), header.mac);
}

/** Encrypts the data key under a key-encryption key. */
export function wrapKey(dataKey: Buffer, kek: Buffer, id: WrapId, kdf: ScryptParams): KeyWrap {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(associatedData(id, kdf));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or null when the key-encryption key is wrong or the wrap was changed. */
export function unwrapKey(wrap: KeyWrap, kek: Buffer, id: WrapId): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
  decipher.setAAD(associatedData(id, wrap.kdf));
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  const plain = decipher.update(Buffer.from(wrap.ciphertext, 'base64'));
  try {
    decipher.final();
    return plain;
  } catch {
    plain.fill(0);
    return null;
  }
}

/** Encrypts the next data key under a key derived from the current one. */
export function sealNextKey(nextKey: Buffer, dataKey: Buffer): NextKey {
  const key = deriveSubkey(dataKey, 'nextDataKey');
  try {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(nextKeyAssociatedData);
    const ciphertext = Buffer.concat([cipher.update(nextKey), cipher.final()]);
    return { cipher: 'aes-256-gcm', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  } finally {
    key.fill(0);
  }
}

/** The next data key, or null when it does not open under this data key. */
export function openNextKey(next: NextKey, dataKey: Buffer): Buffer | null {
  const key = deriveSubkey(dataKey, 'nextDataKey');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(next.iv, 'base64'));
  key.fill(0);
  decipher.setAAD(nextKeyAssociatedData);
  decipher.setAuthTag(Buffer.from(next.tag, 'base64'));
  const plain = decipher.update(Buffer.from(next.ciphertext, 'base64'));
  try {
    decipher.final();
    return plain;
  } catch {
    plain.fill(0);
    return null;
  }
}

const nextKeyAssociatedData = Buffer.from(JSON.stringify([HEADER_FORMAT, HEADER_VERSION, 'nextKey', 'aes-256-gcm']));

/**
 * A wrap's associated data binds it to its role and KDF parameters: a wrap moved to the other slot,
 * or stored with changed parameters, fails to open.
 */
function associatedData(id: WrapId, kdf: ScryptParams): Buffer {
  return Buffer.from(JSON.stringify([HEADER_FORMAT, HEADER_VERSION, id, kdf.name, kdf.N, kdf.r, kdf.p, kdf.keyLength, kdf.salt, 'aes-256-gcm']));
}

/** A fixed-order encoding of every header field, so the same header always gives the same bytes. */
function canonical(header: Omit<VaultHeader, 'mac' | 'checksum'> & { mac?: string }): Buffer {
  const wrap = (w: KeyWrap) => [w.kdf.name, w.kdf.N, w.kdf.r, w.kdf.p, w.kdf.keyLength, w.kdf.salt, w.cipher, w.iv, w.ciphertext, w.tag];
  const { nextKey } = header;
  return Buffer.from(
    JSON.stringify([
      header.format,
      header.version,
      header.eraseAfter,
      wrap(header.wraps.passphrase),
      wrap(header.wraps.recovery),
      // Only while keys are being changed, so headers without it encode as they always did.
      ...(nextKey ? [[nextKey.cipher, nextKey.iv, nextKey.ciphertext, nextKey.tag]] : []),
      header.mac ?? null,
    ]),
  );
}

function macOf(header: Omit<VaultHeader, 'mac' | 'checksum'>, dataKey: Buffer): string {
  const macKey = deriveSubkey(dataKey, 'headerMac');
  const unsealed = {
    format: header.format,
    version: header.version,
    eraseAfter: header.eraseAfter,
    wraps: header.wraps,
    ...(header.nextKey ? { nextKey: header.nextKey } : {}),
  };
  const mac = createHmac('sha256', macKey).update(canonical(unsealed)).digest('base64');
  macKey.fill(0);
  return mac;
}

/**
 * Not a security measure (anyone can recompute it): it tells accidental damage or a hand edit apart
 * from a wrong passphrase before the KDF runs and before a failed attempt is counted.
 */
function checksumOf(header: Omit<VaultHeader, 'checksum'>): string {
  return createHash('sha256').update(canonical(header)).digest('base64');
}

function bytesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64');
  const right = Buffer.from(b, 'base64');
  return left.length === right.length && timingSafeEqual(left, right);
}
