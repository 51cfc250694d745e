import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DirectoryFormatError, directoryFromHsds } from '@shared/hsds/directory';
import { parseDirectory } from '@shared/hsds/parse';
import { loadBundledHsds } from './load';

describe('parseDirectory', () => {
  const hsds = loadBundledHsds();

  it('reads the bundled file to the same entries as the mapping', () => {
    expect(parseDirectory(hsds)).toEqual(directoryFromHsds(hsds));
  });

  it('names the first problem in a damaged file', () => {
    const damaged = structuredClone(hsds);
    damaged.services[3]!.phones = [{ id: 'x' } as never];
    expect(() => parseDirectory(damaged)).toThrow(/services\.3\.phones\.0\.id/);
  });

  it('rejects any other JSON value with a DirectoryFormatError, never a crash', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => parseDirectory(value)).toThrow(DirectoryFormatError);
      }),
    );
  });
});
