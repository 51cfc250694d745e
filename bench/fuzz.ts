/**
 * The counts of the last `npm run fuzz` (tests/fuzz/importers.fuzz.ts), read from out/fuzz-counts.json: the
 * bench does not run 50,000 generated inputs itself, and says when the counts were made.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FuzzCounts } from '../tests/fuzz/importers';
import type { BenchRow } from './table';

export async function fuzzRows(outFolder: string): Promise<BenchRow[]> {
  let run: { finishedAt: string; cases: number; results: FuzzCounts[] };
  try {
    run = JSON.parse(await readFile(join(outFolder, 'fuzz-counts.json'), 'utf8')) as typeof run;
  } catch {
    return [{ name: 'fuzz: no counts yet (run npm run fuzz)', value: 0, unit: 'cases' }];
  }
  return run.results.map((counts) => ({
    name: `fuzz (npm run fuzz, ${run.finishedAt}): ${counts.importer}: ${counts.crashes} crashes, ${counts.partialWrites} partial writes, ${counts.hangs} hangs > 2 s`,
    value: counts.cases,
    unit: 'cases',
    target: '>= 10000, all counts 0',
  }));
}
