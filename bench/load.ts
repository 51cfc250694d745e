import { cpus, loadavg } from 'node:os';

/** Above this 1-minute load average (on this 2-core machine) the ratios of two runs no longer agree. */
export const QUIET_LOAD = 1.5;

export function loadLine(when: string, load: readonly number[] = loadavg()): string {
  const [one, five, fifteen] = load.map((value) => value.toFixed(2));
  return `load average ${when} (1, 5, 15 min): ${one}, ${five}, ${fifteen} on ${cpus().length} cores`;
}

/** A warning when the machine was busy with other work, or nothing. */
export function loadWarning(oneMinuteLoads: readonly number[]): string | undefined {
  const highest = Math.max(...oneMinuteLoads);
  if (highest <= QUIET_LOAD) return undefined;
  return `WARNING: the load average reached ${highest.toFixed(2)} (above ${QUIET_LOAD}): other work shared the machine, so absolute times are slower and ratios noisier than on a quiet machine; judge them by their spread, and measure again alone.`;
}
