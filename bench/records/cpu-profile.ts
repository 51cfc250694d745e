/** Reading a Chrome CPU profile (the DevTools protocol's `Profiler.stop` result) for ./profile.ts. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function, in ms, largest first; the bundle's own functions named with their place in it. */
export function selfTimes(profile: CpuProfile): Array<{ name: string; ms: number }> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = url === '' ? '' : ` (${url.split('/').pop()}:${lineNumber + 1})`;
    const name = `${functionName || '(anonymous)'}${functionName.startsWith('(') ? '' : where}`;
    // A sample's delta is the time since the previous sample: it belongs to the previous one's stack, but
    // at a 100 µs interval the difference is noise; DevTools attributes it the same way.
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...times].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/**
 * A phase's summary: its profiled wall time, how much of it the main thread was idle (waiting for IndexedDB
 * and WebCrypto, which run off it), and the `top` functions with the most self time, as lines of text.
 */
export function profileReport(title: string, profile: CpuProfile, top = 12): string {
  const wall = (profile.endTime - profile.startTime) / 1000;
  const times = selfTimes(profile);
  const idle = times.find((time) => time.name === '(idle)')?.ms ?? 0;
  const percent = (ms: number) => ((100 * ms) / wall).toFixed(1);
  const lines = [`${title}: ${wall.toFixed(0)} ms profiled, main thread idle ${idle.toFixed(0)} ms (${percent(idle)}%)`];
  for (const { name, ms } of times.filter((time) => time.name !== '(idle)').slice(0, top)) {
    lines.push(`  ${ms.toFixed(1).padStart(8)} ms ${percent(ms).padStart(5)}%  ${name}`);
  }
  return lines.join('\n');
}
