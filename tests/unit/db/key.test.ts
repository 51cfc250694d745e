import { describe, expect, it } from 'vitest';
import { importLegacyKey, importRecordKeys } from '@renderer/db';

const zeroed = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);

describe('importRecordKeys', () => {
  it('imports a non-extractable AES-256-GCM records key, HMAC-SHA-256 index key and AES-256-GCM attachments wrapping key, and zeroes the bytes it was given', async () => {
    const records = crypto.getRandomValues(new Uint8Array(32));
    const index = crypto.getRandomValues(new Uint8Array(32));
    const attachments = crypto.getRandomValues(new Uint8Array(32));
    const [recordsCopy, indexCopy] = [records.slice(), index.slice()];
    const keys = await importRecordKeys({ records, index, attachments });
    expect(keys.attachments.extractable).toBe(false);
    expect(keys.attachments.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...keys.attachments.usages].sort()).toEqual(['unwrapKey', 'wrapKey']);
    await expect(crypto.subtle.exportKey('raw', keys.attachments)).rejects.toThrow();

    expect(keys.records.extractable).toBe(false);
    expect(keys.index.extractable).toBe(false);
    expect(keys.records.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(keys.index.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' } });
    expect([...keys.records.usages].sort()).toEqual(['decrypt', 'encrypt']);
    expect([...keys.index.usages]).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('raw', keys.records)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('raw', keys.index)).rejects.toThrow();
    expect(zeroed(records) && zeroed(index) && zeroed(attachments)).toBe(true);

    // The imported keys are the ones handed over, not something derived from the zeroed buffers.
    const iv = new Uint8Array(12);
    const message = new TextEncoder().encode('same key');
    const aes = await crypto.subtle.importKey('raw', recordsCopy, 'AES-GCM', false, ['encrypt']);
    expect(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.records, message))).toEqual(
      new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, message)),
    );
    const hmac = await crypto.subtle.importKey('raw', indexCopy, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(new Uint8Array(await crypto.subtle.sign('HMAC', keys.index, message))).toEqual(new Uint8Array(await crypto.subtle.sign('HMAC', hmac, message)));
  });

  it('rejects keys of the wrong length and still zeroes them all', async () => {
    const records = new Uint8Array(16).fill(7);
    const index = new Uint8Array(32).fill(7);
    const attachments = new Uint8Array(32).fill(7);
    await expect(importRecordKeys({ records, index, attachments })).rejects.toThrow(RangeError);
    expect(zeroed(records) && zeroed(index) && zeroed(attachments)).toBe(true);
  });
});

describe('importLegacyKey', () => {
  it('imports the data key for decryption only (the migration reads version 1 rows) and zeroes it', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const key = await importLegacyKey(bytes);
    expect(key.extractable).toBe(false);
    expect([...key.usages]).toEqual(['decrypt']);
    expect(zeroed(bytes)).toBe(true);
  });
});
