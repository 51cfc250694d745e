/**
 * Changing keys of 10,000 records in real Chromium (./key-change-page.ts), against reading and writing
 * them once. Target: at most 3x (the change decrypts, re-encrypts, recomputes tags and journals each batch).
 */
import { median, type BenchRow } from '../table';
import { withBenchPage } from './index';
import type { KeyChangeBenchOptions, KeyChangeBenchWindow } from './key-change-protocol';

/** Medians over `repetitions` runs after one warm-up; prints nothing. */
export async function benchKeyChange(options: Partial<KeyChangeBenchOptions> = {}): Promise<BenchRow[]> {
  const opts: KeyChangeBenchOptions = { records: 10_000, repetitions: 5, ...options };
  const samples = await withBenchPage('key-change-page.ts', (page) => page.evaluate((o) => (window as unknown as KeyChangeBenchWindow).runKeyChangeBench(o), opts));
  const readWrite = median(samples.readWrite);
  const keyChange = median(samples.keyChange);
  const label = `${opts.records / 1000}k`;
  return [
    { name: `records: read and write all ${label} once`, value: Number(readWrite.toFixed(1)), unit: 'ms' },
    { name: `records: change keys of all ${label}`, value: Number(keyChange.toFixed(1)), unit: 'ms' },
    { name: 'records: key change / read and write once', value: Number((keyChange / readWrite).toFixed(2)), unit: 'x', target: '<= 3' },
  ];
}
