import { describe, expect, it } from 'vitest';
import { loadLine, loadWarning } from '../../../bench/load';
import { recordRows } from '../../../bench/records';
import { formatTable, pairRatios, ratioRow, summarise } from '../../../bench/table';

describe('bench ratios measured as interleaved pairs', () => {
  it('keeps the ratio of each pair when a load slows both sides of some pairs', () => {
    // Pairs 3 to 5 ran while the machine was busy: both sides twice as slow. The medians of each side taken
    // apart (1000 and 1200 ms, from different pairs) would give 1.2 only by luck; the pairs give it every time.
    const plain = [1000, 1000, 2000, 2000, 2000, 1000, 1000];
    const encrypted = plain.map((ms) => ms * 1.25);
    expect(pairRatios(encrypted, plain)).toEqual([1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25]);
    expect(ratioRow('records: write ratio', encrypted, plain, '<= 1.1')).toEqual({
      name: 'records: write ratio, median of 7 pairs',
      value: 1.25,
      unit: 'x',
      target: '<= 1.1',
      spread: 'IQR 1.25-1.25, min-max 1.25-1.25',
    });
    expect(() => pairRatios([1, 2], [1])).toThrow('2 measured samples for 1 baselines');
  });

  it('summarises the spread with quartiles between ranks', () => {
    expect(summarise([4, 1, 3, 2, 5])).toEqual({ median: 3, q1: 2, q3: 4, min: 1, max: 5 });
    expect(summarise([1, 2, 3, 4])).toEqual({ median: 2.5, q1: 1.75, q3: 3.25, min: 1, max: 4 });
  });

  it('gives every layer beside the baseline its median times and pair ratios', () => {
    const rows = recordRows(
      { baseline: 'plain', layers: { plain: { save: [100, 200, 100], list: [10, 20, 10] }, encrypted: { save: [110, 240, 130], list: [12, 30, 11] } } },
      10_000,
    );
    expect(rows.map((row) => [row.name, row.value, row.spread])).toEqual([
      ['records: plain Dexie save all 10k, median', 100, undefined],
      ['records: plain Dexie list all 10k, median', 10, undefined],
      ['records: encrypted save all 10k, median', 130, undefined],
      ['records: encrypted list all 10k, median', 12, undefined],
      ['records: write ratio encrypted/plain, median of 3 pairs', 1.2, 'IQR 1.15-1.25, min-max 1.10-1.30'],
      ['records: read ratio encrypted/plain, median of 3 pairs', 1.2, 'IQR 1.15-1.35, min-max 1.10-1.50'],
    ]);
  });

  it('prints the spread in its own column', () => {
    const table = formatTable([
      { name: 'a ratio', value: 1.234, unit: 'x', target: '<= 1.1', spread: 'IQR 1.20-1.30' },
      { name: 'a time', value: 250, unit: 'ms' },
    ]);
    expect(table.split('\n')).toEqual([
      'name    | value | unit | target | spread',
      '--------|-------|------|--------|--------------',
      'a ratio |  1.23 | x    | <= 1.1 | IQR 1.20-1.30',
      'a time  |   250 | ms   |        |',
    ]);
  });
});

describe('the load average beside the table', () => {
  it('prints the three averages and warns only above 1.5', () => {
    expect(loadLine('at the start', [0.5, 1.25, 2])).toMatch(/^load average at the start \(1, 5, 15 min\): 0\.50, 1\.25, 2\.00 on \d+ cores$/);
    expect(loadWarning([0.4, 1.5])).toBeUndefined();
    expect(loadWarning([0.4, 3.21, 1])).toMatch(/^WARNING: the load average reached 3\.21 \(above 1\.5\)/);
  });
});
