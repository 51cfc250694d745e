import { describe, expect, it } from 'vitest';
import { fuzzImporter, importers } from '../../fuzz/importers';

// A fast sample of `npm run fuzz` (tests/fuzz/importers.fuzz.ts): the same importers and inputs, fewer of them.
const cases = 60;

describe('every importer under generated input (a sample; npm run fuzz runs 10,000 each)', () => {
  it.each(importers.map((importer) => [importer.name, importer] as const))(
    '%s: no crash, no partial write, no hang',
    async (_name, importer) => {
      // A fixed seed: the same inputs every run, so a failure here can be replayed (npm run fuzz varies them).
      const counts = await fuzzImporter(importer, cases, 1207);
      expect(counts.examples).toEqual([]);
      expect(counts).toMatchObject({ cases, crashes: 0, partialWrites: 0, hangs: 0 });
      expect(counts.rejected).toBeGreaterThan(0);
    },
    60_000,
  );
});
