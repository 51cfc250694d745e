import { describe, expect, it } from 'vitest';
import { BUDGET_SECONDS, timeRows } from '../../../bench/test-times';

describe('the test layer times in the bench table', () => {
  it('lists each layer of the last npm test and the whole run against the budget', () => {
    const rows = timeRows({
      finishedAt: '2026-12-07T04:00:00.000Z',
      totalSeconds: 330.25,
      layers: [
        { name: 'lint', seconds: 12.5, passed: true },
        { name: 'typecheck', seconds: 30, passed: true },
        { name: 'test:e2e', seconds: 300, passed: true },
      ],
    });
    expect(rows).toEqual([
      { name: 'npm test: lint', value: 12.5, unit: 's' },
      { name: 'npm test: typecheck', value: 30, unit: 's' },
      { name: 'npm test: test:e2e', value: 300, unit: 's' },
      { name: 'npm test: all layers', value: 330.25, unit: 's', target: `<= ${BUDGET_SECONDS}` },
    ]);
    expect(BUDGET_SECONDS).toBe(600);
  });

  it('says which layer failed, and that the total is of a run that stopped there', () => {
    const rows = timeRows({
      finishedAt: '2026-12-07T04:00:00.000Z',
      totalSeconds: 30.5,
      layers: [
        { name: 'lint', seconds: 10, passed: true },
        { name: 'typecheck', seconds: 20, passed: false },
      ],
    });
    expect(rows.map((row) => row.name)).toEqual(['npm test: lint', 'npm test: typecheck (failed)', 'npm test: all layers (stopped early)']);
    expect(rows.at(-1)!.value).toBe(30.5);
  });
});
