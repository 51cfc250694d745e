import { describe, expect, it } from 'vitest';
import { loadWarning, othersShare, parseProcessStat, parseProcStat, sampleCpu, treeTicks } from '../../../bench/load';

describe("the bench's measure of other work on the machine", () => {
  it('reads busy and total ticks from /proc/stat, idle and iowait not busy', () => {
    const stat = 'cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\nintr 1 2 3\n';
    expect(parseProcStat(stat)).toEqual({ busy: 160, total: 1000 });
    expect(() => parseProcStat('intr 1 2 3')).toThrow('no cpu line');
  });

  it("reads a process's parent and CPU ticks, reaped children included, even with spaces and parentheses in its name", () => {
    const fields = ['S', '41', '41', '41', '0', '-1', '4194560', '10', '0', '0', '0', '70', '30', '15', '5', '20', '0', '1'];
    expect(parseProcessStat(`123 (chromium (renderer) x) ${fields.join(' ')}`)).toEqual({ ppid: 41, ticks: 120 });
  });

  it('sums the ticks of a process and everything under it, and nothing beside it', () => {
    const processes = new Map([
      [1, { ppid: 0, ticks: 1_000 }],
      [10, { ppid: 1, ticks: 50 }], // the bench's Node
      [11, { ppid: 10, ticks: 200 }], // Chromium
      [12, { ppid: 11, ticks: 300 }], // its renderer
      [20, { ppid: 1, ticks: 400 }], // another engineer's build
    ]);
    expect(treeTicks(processes, 10)).toBe(550);
    expect(treeTicks(processes, 99)).toBe(0);
  });

  it("counts only the CPU the bench's own processes did not use", () => {
    // 2 cores over 1 s at 100 ticks a second: 200 ticks; 150 busy, of which the bench took 120.
    expect(othersShare({ busy: 1_000, total: 5_000, own: 400 }, { busy: 1_150, total: 5_200, own: 520 })).toBeCloseTo(0.15);
    // A bench that took all the busy time leaves nothing to others, never less than nothing.
    expect(othersShare({ busy: 0, total: 0, own: 0 }, { busy: 100, total: 200, own: 110 })).toBe(0);
  });

  it('warns by the share of others where it was measured, else by the load average', () => {
    expect(loadWarning([2.4, 2.6], [0.02, 0.08])).toBeUndefined();
    expect(loadWarning([0.2], [0.02, 0.35])).toMatch(/^WARNING: other processes used 35% of the machine's CPU during a section \(above 10%\)/);
    expect(loadWarning([0.4, 3.21])).toMatch(/^WARNING: the load average reached 3\.21/);
  });

  it("samples this machine's CPU, its own process tree included", () => {
    const sample = sampleCpu();
    if (process.platform !== 'linux') {
      console.log(`sampleCpu reads /proc, which ${process.platform} does not have: only the load average is printed there`);
      expect(sample).toBeUndefined();
      return;
    }
    expect(sample!.total).toBeGreaterThanOrEqual(sample!.busy);
    expect(sample!.own).toBeGreaterThan(0);
    expect(sample!.busy).toBeGreaterThanOrEqual(0);
  });
});
