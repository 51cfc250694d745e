/**
 * `npx tsx bench/records/profile.ts [records]`: records a Chrome CPU profile (the DevTools protocol's
 * Profiler, through Playwright) of save-all and list-all of each record layer of ./page.ts, on 10,000 records
 * by default, after one unprofiled warm-up run. Writes each profile to out/profiles/ (open it in Chrome
 * DevTools' Performance panel) and prints where the main thread's time went, phase by phase: the functions
 * with the most self time, and the share of the phase the main thread spent idle, which is time spent
 * waiting for IndexedDB and WebCrypto, which run off the main thread. The numbers feed docs/performance.md.
 */
import { loadLine } from '../load';
import { withBenchPage } from './index';
import { phaseProfiler } from './phase-profiler';
import type { RecordsBenchWindow } from './protocol';

const count = Number(process.argv[2] ?? 10_000);

console.log(loadLine('at the start'));
await withBenchPage(
  'page.ts',
  async (page) => {
    const profiler = await phaseProfiler(page);
    for (const layer of ['plain', 'encrypted']) {
      for (const run of ['warm-up', 'profiled']) {
        profiler.recording = run === 'profiled';
        const times = await page.evaluate(
          ({ name, n }) => {
            const w = window as unknown as RecordsBenchWindow & { benchPhase(phase: string): Promise<void> };
            return w.runLayerOnce(name, n, (phase) => w.benchPhase(phase));
          },
          { name: layer, n: count },
        );
        if (run === 'profiled') console.log(`\n${layer}: save ${times.save.toFixed(0)} ms, list ${times.list.toFixed(0)} ms (timed in the page, under the profiler)`);
      }
      await profiler.report(
        (phase) => `records-${layer}-${phase}-${count}.cpuprofile`,
        (phase) => `${layer} ${phase}`,
      );
    }
  },
  { minify: false },
);
console.log(loadLine('at the end'));
