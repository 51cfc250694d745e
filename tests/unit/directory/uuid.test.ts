import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directoryId, sha1, uuidV5 } from '@shared/hsds/uuid';

const dnsNamespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

/** Reference UUIDv5 on Node's crypto, to check the pure implementation against. */
function nodeUuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('uuidV5', () => {
  it('matches the well-known example for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', dnsNamespace)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('equals a node:crypto implementation for any name, including non-ASCII text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => uuidV5(name, dnsNamespace) === nodeUuidV5(name, dnsNamespace)));
  });

  it('hashes byte arrays across block boundaries like node:crypto', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(Buffer.from(bytes)).digest('hex'));
      }),
    );
  });

  it('rejects a namespace that is not a lowercase UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/Not a lowercase UUID/);
  });

  it('gives different keys different directory ids', () => {
    expect(directoryId('service|US/a')).not.toBe(directoryId('service|US/b'));
  });
});
