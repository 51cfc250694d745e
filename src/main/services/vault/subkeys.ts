import { hkdfSync } from 'node:crypto';

/**
 * Every key Waypoint uses is derived from the vault's data key with HKDF-SHA-256 under a purpose of
 * its own, so no key serves two uses: knowing one (the renderer knows the records and index keys)
 * gives no other, and the data key itself never leaves main. See docs/vault-format.md.
 */
export const subkeyPurposes = {
  /** AES-256-GCM of every record row (renderer). */
  records: 'waypoint records v2',
  /** HMAC-SHA-256 equality tags of the rows' lookup fields (renderer). */
  index: 'waypoint index tags v2',
  /** HMAC-SHA-256 over the vault header (main). The info string predates this module: headers already sealed stay valid. */
  headerMac: 'waypoint-vault header mac v1',
  /** Encrypts the next data key in the header while keys are being changed (main). */
  nextDataKey: 'waypoint-vault next data key v1',
  /** AES-256-GCM wrapping of each attachment's own file key (renderer; docs/attachments-format.md). */
  attachments: 'waypoint attachments v1',
} as const;

export type SubkeyPurpose = keyof typeof subkeyPurposes;

export const SUBKEY_LENGTH = 32;

/** A fresh buffer the caller zeroes when done; `dataKey` is left as it is. */
export function deriveSubkey(dataKey: Buffer, purpose: SubkeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), subkeyPurposes[purpose], SUBKEY_LENGTH));
}

/**
 * What the renderer receives at unlock: only the keys it uses, as plain bytes (a Buffer would cross
 * the preview's JSON as an array of numbers). `legacy` is the data key itself, given only when the
 * renderer says its database still holds version 1 rows, which were encrypted under it; once they
 * are migrated the renderer stops asking.
 */
export interface RendererKeys {
  records: Uint8Array<ArrayBuffer>;
  index: Uint8Array<ArrayBuffer>;
  attachments: Uint8Array<ArrayBuffer>;
  legacy?: Uint8Array<ArrayBuffer>;
}

export function rendererKeys(dataKey: Buffer, withLegacy: boolean): RendererKeys {
  const bytes = (purpose: SubkeyPurpose) => new Uint8Array(hkdfSync('sha256', dataKey, Buffer.alloc(0), subkeyPurposes[purpose], SUBKEY_LENGTH));
  return { records: bytes('records'), index: bytes('index'), attachments: bytes('attachments'), ...(withLegacy ? { legacy: Uint8Array.from(dataKey) } : {}) };
}
