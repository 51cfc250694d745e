import { hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSubkey, rendererKeys, subkeyPurposes } from '../../../src/main/services/vault/subkeys';
import { VaultSession } from '../../../src/main/services/session';
import { createDispatch, type Handlers } from '../../../src/main/ipc/dispatch';
import { unlockedSchema } from '../../../src/shared/vault';
import { parseWithBytes, stringifyWithBytes } from '../../../src/preview/bytes-json';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('subkeys', () => {
  it('derives one distinct HKDF-SHA-256 key per purpose, none equal to the data key', () => {
    const dataKey = randomBytes(32);
    const keys = (Object.keys(subkeyPurposes) as (keyof typeof subkeyPurposes)[]).map((purpose) => deriveSubkey(dataKey, purpose));
    expect(new Set([...keys, dataKey].map(hex)).size).toBe(keys.length + 1);
    expect(hex(deriveSubkey(dataKey, 'records'))).toBe(hex(new Uint8Array(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'waypoint records v2', 32))));
    expect(hex(deriveSubkey(dataKey, 'records'))).toBe(hex(deriveSubkey(dataKey, 'records')));
  });

  it('keeps the header MAC key headers were sealed with before, so they still verify', () => {
    const dataKey = randomBytes(32);
    // The MAC key as header.ts derived it before subkeys.ts existed.
    const before = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'waypoint-vault header mac v1', 32));
    expect(hex(deriveSubkey(dataKey, 'headerMac'))).toBe(hex(before));
  });

  it('hands the renderer the records, index and attachments keys only, and the data key only when asked for the migration', () => {
    const dataKey = randomBytes(32);
    const keys = rendererKeys(dataKey, false);
    expect(Object.keys(keys).sort()).toEqual(['attachments', 'index', 'records']);
    expect(hex(keys.attachments)).toBe(hex(deriveSubkey(dataKey, 'attachments')));
    expect(keys.records).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(keys.records)).toBe(false); // a Buffer would cross JSON as an array of numbers
    expect(hex(keys.records)).toBe(hex(deriveSubkey(dataKey, 'records')));
    expect(hex(keys.index)).toBe(hex(deriveSubkey(dataKey, 'index')));
    expect(hex(rendererKeys(dataKey, true).legacy!)).toBe(hex(dataKey));
  });
});

describe('VaultSession', () => {
  it('keeps no key: it zeroes the data key and returns the renderer keys once, as bytes', () => {
    const session = new VaultSession();
    const dataKey = randomBytes(32);
    const expected = rendererKeys(dataKey, false);
    const { keys } = session.open(dataKey);
    expect(dataKey.every((byte) => byte === 0)).toBe(true);
    expect(session.unlocked).toBe(true);
    expect(hex(keys.records)).toBe(hex(expected.records));
    expect(unlockedSchema.safeParse({ keys }).success).toBe(true);
    // Nothing on the session holds key material.
    expect(JSON.stringify(Object.entries(session))).not.toContain(hex(expected.records));
    session.lock();
    expect(session.unlocked).toBe(false);
  });

  it('the unlock answer refuses a key as a string, and the preview transport turns bytes into bytes again', async () => {
    expect(unlockedSchema.safeParse({ keys: { records: 'a'.repeat(44), index: new Uint8Array(32) } }).success).toBe(false);
    expect(unlockedSchema.safeParse({ keys: { records: new Uint8Array(31), index: new Uint8Array(32) } }).success).toBe(false);
    const session = new VaultSession();
    const dispatch = createDispatch({ 'vault.unlock': async () => session.open(randomBytes(32)) } as unknown as Handlers);
    const result = await dispatch('vault.unlock', { passphrase: 'x' });
    const overJson = parseWithBytes(stringifyWithBytes(result)) as { value: { keys: { records: unknown; index: unknown } } };
    expect(overJson.value.keys.records).toBeInstanceOf(Uint8Array);
    expect(hex(overJson.value.keys.index as Uint8Array)).toBe(hex((result as { value: { keys: { index: Uint8Array } } }).value.keys.index));
    expect(stringifyWithBytes(result)).toContain('"$bytes"');
  });
});
