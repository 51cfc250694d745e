import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Above this 1-minute load average (on this 2-core machine) the ratios of two runs no longer agree. */
export const QUIET_LOAD = 1.5;

/**
 * Above this share of the machine's CPU taken by processes other than the bench (its Node and the Chromium it
 * drives), two runs no longer agree within 10%. The load average cannot tell this apart: it counts the
 * bench's own processes with the others, and trails a minute behind (work that ended before a run still
 * weighs on it).
 */
export const QUIET_OTHERS_SHARE = 0.1;

export function loadLine(when: string, load: readonly number[] = loadavg()): string {
  const [one, five, fifteen] = load.map((value) => value.toFixed(2));
  return `load average ${when} (1, 5, 15 min): ${one}, ${five}, ${fifteen} on ${cpus().length} cores`;
}

/** Cumulative CPU time, in clock ticks: the whole machine's busy and total, and the bench's own process tree. */
export interface CpuSample {
  busy: number;
  total: number;
  own: number;
}

/** Busy and total ticks from the first ("cpu ") line of /proc/stat; idle and iowait count as not busy. */
export function parseProcStat(text: string): { busy: number; total: number } {
  const line = text.split('\n').find((candidate) => candidate.startsWith('cpu '));
  if (!line) throw new Error('no cpu line in /proc/stat');
  // user nice system idle iowait irq softirq steal (guest and guest_nice are already inside user and nice)
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/** A process from /proc/<pid>/stat: its parent, and its own CPU ticks (user and system). */
export function parseProcessStat(text: string): { ppid: number; ticks: number } {
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime and stime are fields 14 and 15.
  const [utime, stime] = fields.slice(11, 13).map(Number);
  return { ppid: Number(fields[1]), ticks: utime! + stime! };
}

/** The pids of `root` and every live process under it. */
export function treePids(parents: ReadonlyMap<number, number>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    found.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return found;
}

function readProcesses(): Map<number, { ppid: number; ticks: number }> {
  const processes = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      processes.set(Number(name), parseProcessStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return processes;
}

/**
 * The CPU ticks the bench's own process tree used, added up while it runs. Chromium's processes are not
 * all reaped by a parent that counts their time (its renderers' time never reaches the bench's Node), so
 * the tree is sampled every 200 ms while they live; a process's last 200 ms before it ends are missed.
 */
export class OwnCpu {
  private readonly seen = new Map<number, number>();
  private total = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly root = process.pid) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }

  /** Adds what every process of the tree used since it was last seen (all of it, for one not seen before). */
  sample(): void {
    const processes = readProcesses();
    const parents = new Map([...processes].map(([pid, { ppid }]) => [pid, ppid]));
    for (const pid of treePids(parents, this.root)) {
      const ticks = processes.get(pid)?.ticks;
      if (ticks === undefined) continue;
      this.total += Math.max(0, ticks - (this.seen.get(pid) ?? 0));
      this.seen.set(pid, ticks);
    }
  }

  ticks(): number {
    return this.total;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** A watch of the bench's own CPU where /proc can be read (Linux), else undefined: only the load average is printed then. */
export function watchOwnCpu(): OwnCpu | undefined {
  try {
    return new OwnCpu();
  } catch {
    return undefined;
  }
}

export function sampleCpu(own: OwnCpu | undefined): CpuSample | undefined {
  if (!own) return undefined;
  try {
    own.sample();
    return { ...parseProcStat(readFileSync('/proc/stat', 'utf8')), own: own.ticks() };
  } catch {
    return undefined;
  }
}

/** The share of the machine's CPU (0 to 1) that processes other than the bench used between two samples. */
export function othersShare(before: CpuSample, after: CpuSample): number {
  const total = after.total - before.total;
  if (total <= 0) return 0;
  return Math.max(0, after.busy - before.busy - (after.own - before.own)) / total;
}

export function othersLine(shares: readonly number[]): string {
  return `other processes used at most ${(Math.max(...shares) * 100).toFixed(0)}% of the machine's CPU during a section (quiet: under ${QUIET_OTHERS_SHARE * 100}%)`;
}

/** A warning when other work shared the machine, or nothing; without CPU samples, judged by the load average. */
export function loadWarning(oneMinuteLoads: readonly number[], othersShares: readonly number[] = []): string | undefined {
  if (othersShares.length > 0) {
    const highest = Math.max(...othersShares);
    if (highest <= QUIET_OTHERS_SHARE) return undefined;
    return `WARNING: other processes used ${(highest * 100).toFixed(0)}% of the machine's CPU during a section (above ${QUIET_OTHERS_SHARE * 100}%): absolute times are slower and ratios noisier than on a quiet machine; judge them by their spread, and measure again alone.`;
  }
  const highest = Math.max(...oneMinuteLoads);
  if (highest <= QUIET_LOAD) return undefined;
  return `WARNING: the load average reached ${highest.toFixed(2)} (above ${QUIET_LOAD}): other work shared the machine, so absolute times are slower and ratios noisier than on a quiet machine; judge them by their spread, and measure again alone.`;
}
