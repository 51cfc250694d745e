import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFuzzTable, fuzzImporter, importers } from './importers';
import type { FuzzCounts } from './importers';

/**
 * `npm run fuzz`: 10,000 generated inputs per importer (FUZZ_CASES to change it, FUZZ_SEED to replay a run).
 * Prints a table of counts and keeps it in out/fuzz-counts.json, which `npm run bench` shows.
 */
const cases = Number(process.env.FUZZ_CASES ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const results: FuzzCounts[] = [];

afterAll(async () => {
  console.log(`\nnpm run fuzz: ${cases} cases per importer, seed ${seed}\n${formatFuzzTable(results)}\n`);
  const out = resolve(import.meta.dirname, '../../out');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'fuzz-counts.json'), `${JSON.stringify({ finishedAt: new Date().toISOString(), cases, seed, results }, null, 2)}\n`);
});

describe(`every importer under ${cases} generated inputs`, () => {
  it.each(importers.map((importer) => [importer.name, importer] as const))(
    '%s: no crash, no partial write, no hang',
    async (_name, importer) => {
      const counts = await fuzzImporter(importer, cases, seed);
      results.push(counts);
      expect(counts.examples).toEqual([]);
      expect(counts).toMatchObject({ crashes: 0, partialWrites: 0, hangs: 0 });
    },
    3_600_000,
  );
});
