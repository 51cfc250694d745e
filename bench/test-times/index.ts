import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../table';

/** On a clean clone of the 2-core build machine, `npm test` stays within this. */
export const BUDGET_SECONDS = 600;

/** Written by every `npm test` (tests/run-all.ts). */
export const timesFile = join(resolve(import.meta.dirname, '../..'), 'test-results', 'test-times.json');

export interface TestTimes {
  /** When the run ended, ISO 8601. */
  finishedAt: string;
  /** Wall time of the whole run; less than the layers' sum where some ran side by side. */
  totalSeconds: number;
  /** Wall time per layer, in order; the run stopped after a step where one failed. */
  layers: Array<{ name: string; seconds: number; passed: boolean }>;
}

export function timeRows(times: TestTimes): BenchRow[] {
  const failed = times.layers.some((layer) => !layer.passed);
  return [
    ...times.layers.map((layer) => ({ name: `npm test: ${layer.name}${layer.passed ? '' : ' (failed)'}`, value: layer.seconds, unit: 's' })),
    { name: `npm test: all layers${failed ? ' (stopped early)' : ''}`, value: times.totalSeconds, unit: 's', target: `<= ${BUDGET_SECONDS}` },
  ];
}

/**
 * The bench does not run the tests again (that takes minutes): it shows the layer times of the last
 * `npm test` on this checkout, with when it ran.
 */
export function benchTestTimes(): BenchRow[] {
  if (!existsSync(timesFile)) {
    process.stderr.write('no test times yet: run `npm test` first\n');
    return [];
  }
  const times = JSON.parse(readFileSync(timesFile, 'utf8')) as TestTimes;
  process.stderr.write(`test layer times from the npm test that ended ${times.finishedAt}\n`);
  return timeRows(times);
}
