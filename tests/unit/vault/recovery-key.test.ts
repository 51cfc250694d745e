import { describe, expect, it } from 'vitest';
import { generateRecoveryKey, parseRecoveryKey, RECOVERY_KEY_ENTROPY_BITS } from '../../../src/main/services/vault/recovery-key';

describe('recovery key', () => {
  it('is 8 groups of 4 Crockford base32 characters carrying at least 128 random bits', () => {
    const { display, secret } = generateRecoveryKey();
    expect(display).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(secret).toHaveLength(28);
    expect(RECOVERY_KEY_ENTROPY_BITS).toBeGreaterThanOrEqual(128);
  });

  it('is different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateRecoveryKey().display));
    expect(keys.size).toBe(200);
  });

  it('parses back to the secret that was generated', () => {
    const { display, secret } = generateRecoveryKey();
    expect(parseRecoveryKey(display)).toBe(secret);
  });

  it('tolerates case, spaces, missing or other dashes, and O/0, I/1, L/1 confusion', () => {
    // Generate until the key contains a 0 and a 1, so that the look-alike substitutions are exercised.
    let key = generateRecoveryKey();
    while (!(key.display.includes('0') && key.display.includes('1'))) key = generateRecoveryKey();
    const { display, secret } = key;
    const variants = [
      display.toLowerCase(),
      display.replace(/-/g, ' '),
      display.replace(/-/g, ''),
      `  ${display.replace(/-/g, '\u2013')}  `,
      display.replace(/0/g, 'O').replace(/1/g, 'I'),
      display.replace(/0/g, 'o').replace(/1/g, 'l'),
      display.replace(/-/g, '').replace(/(.{8})/g, '$1 - '),
    ];
    for (const variant of variants) expect(parseRecoveryKey(variant), variant).toBe(secret);
  });

  it('rejects a key with one character changed, thanks to the checksum', () => {
    const { display } = generateRecoveryKey();
    const index = display.search(/[0-9A-Z]/);
    const changed = display.slice(0, index) + (display[index] === 'A' ? 'B' : 'A') + display.slice(index + 1);
    expect(parseRecoveryKey(changed)).toBeNull();
  });

  it('rejects two adjacent characters swapped', () => {
    let key = generateRecoveryKey().display;
    while (key[0] === key[1]) key = generateRecoveryKey().display;
    expect(parseRecoveryKey(key.charAt(1) + key.charAt(0) + key.slice(2))).toBeNull();
  });

  it('rejects keys that are too short, too long or use letters outside the alphabet', () => {
    const { display } = generateRecoveryKey();
    expect(parseRecoveryKey(display.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(display + 'A')).toBeNull();
    expect(parseRecoveryKey('U'.repeat(32))).toBeNull();
    expect(parseRecoveryKey('')).toBeNull();
  });
});
