import { describe, expect, it } from 'vitest';
import { serialiseAndSeal } from '../../../bench/backup';
import { sampleRecords } from '../../support/backup-records';

describe('the backup baseline', () => {
  it('seals every record framed as the writer frames it (4-byte length, then the JSON) in one AES-GCM pass', () => {
    const records = sampleRecords(30);
    const key = Buffer.alloc(32, 7);
    const { plaintextBytes, sealed } = serialiseAndSeal(records, key);
    expect(plaintextBytes).toBe(records.reduce((sum, record) => sum + 4 + Buffer.byteLength(JSON.stringify(record)), 0));
    expect(sealed.length).toBe(plaintextBytes + 16);
    expect(sealed.subarray(0, 4)).not.toEqual(Buffer.from([0, 0, 0, 0])); // ciphertext, not the frame's length
  });
});
