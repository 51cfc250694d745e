import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { loadWarning, othersShare, parseProcessStat, parseProcStat, sampleCpu, treePids, watchOwnCpu } from '../../../bench/load';

describe("the bench's measure of other work on the machine", () => {
  it('reads busy and total ticks from /proc/stat, idle and iowait not busy', () => {
    const stat = 'cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\nintr 1 2 3\n';
    expect(parseProcStat(stat)).toEqual({ busy: 160, total: 1000 });
    expect(() => parseProcStat('intr 1 2 3')).toThrow('no cpu line');
  });

  it("reads a process's parent and its own CPU ticks, even with spaces and parentheses in its name", () => {
    const fields = ['S', '41', '41', '41', '0', '-1', '4194560', '10', '0', '0', '0', '70', '30', '15', '5', '20', '0', '1'];
    expect(parseProcessStat(`123 (chromium (renderer) x) ${fields.join(' ')}`)).toEqual({ ppid: 41, ticks: 100 });
  });

  it('finds a process and everything under it, and nothing beside it', () => {
    const parents = new Map([
      [1, 0],
      [10, 1], // the bench's Node
      [11, 10], // Chromium
      [12, 11], // its renderer
      [20, 1], // another engineer's build
    ]);
    expect(treePids(parents, 10).sort()).toEqual([10, 11, 12]);
    expect(treePids(parents, 99)).toEqual([99]);
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

  it("counts the CPU of the bench's own children, also of those gone before the end", async () => {
    const own = watchOwnCpu();
    if (process.platform !== 'linux') {
      console.log(`the bench reads /proc, which ${process.platform} does not have: only the load average is printed there`);
      expect(own).toBeUndefined();
      return;
    }
    const before = sampleCpu(own)!;
    // A child that spins until it has used 600 ms of CPU and then exits: its time must be in the bench's own count.
    // Measured in CPU, not wall time: npm test runs this layer beside lint and typecheck, and a child that spun for
    // 600 ms of wall time there got a third of a core (20 ticks counted).
    const spin = 'while (process.cpuUsage().user + process.cpuUsage().system < 600_000);';
    await new Promise((resolve) => spawn(process.execPath, ['-e', spin]).on('close', resolve));
    const after = sampleCpu(own)!;
    own!.stop();
    expect(after.total).toBeGreaterThan(before.total);
    // Ticks are 1/100 s; the child's last 200 ms may be missed, and its first moments too.
    expect(after.own - before.own).toBeGreaterThanOrEqual(25);
  });
});
