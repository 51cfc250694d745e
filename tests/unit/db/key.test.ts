import { describe, expect, it } from 'vitest';
import { importDataKey } from '@renderer/db';

describe('importDataKey', () => {
  it('imports a non-extractable AES-256-GCM key and zeroes the bytes it was given', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const copy = bytes.slice();
    const key = await importDataKey(bytes);

    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    expect(bytes.every((byte) => byte === 0)).toBe(true);

    // The imported key is the one that was handed over, not something derived from the zeroed buffer.
    const iv = new Uint8Array(12);
    const reference = await crypto.subtle.importKey('raw', copy, 'AES-GCM', false, ['encrypt']);
    const message = new TextEncoder().encode('same key');
    expect(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, message))).toEqual(
      new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, reference, message)),
    );
  });

  it('rejects a key of the wrong length and still zeroes it', async () => {
    const bytes = new Uint8Array(16).fill(7);
    await expect(importDataKey(bytes)).rejects.toThrow(RangeError);
    expect(bytes.every((byte) => byte === 0)).toBe(true);
  });
});
