/**
 * `npx tsx bench/attachments/profile.ts [MB]`: records a Chrome CPU profile (as ../records/profile.ts does) of
 * attaching and opening a file of 20 MB by default, after one unprofiled warm-up run. Writes each phase's
 * profile to out/profiles/ and prints where the main thread's time went: the functions with the most self
 * time, and the share it spent idle, waiting for IndexedDB and WebCrypto, which run off the main thread.
 */
import { loadLine } from '../load';
import { withBenchPage } from '../records';
import { phaseProfiler } from '../records/phase-profiler';
import type { AttachmentsBenchWindow } from './page';

const sizeMb = Number(process.argv[2] ?? 20);

console.log(loadLine('at the start'));
await withBenchPage(
  '../attachments/page.ts',
  async (page) => {
    const profiler = await phaseProfiler(page);
    for (const run of ['warm-up', 'profiled']) {
      profiler.recording = run === 'profiled';
      const times = await page.evaluate((mb) => {
        const w = window as unknown as AttachmentsBenchWindow & { benchPhase(phase: string): Promise<void> };
        return w.attachOnce(mb, (phase) => w.benchPhase(phase));
      }, sizeMb);
      if (profiler.recording) console.log(`\nattach ${times.attach.toFixed(0)} ms, open ${times.open.toFixed(0)} ms (timed in the page, under the profiler)`);
    }
    await profiler.report((phase) => `attachments-${phase}-${sizeMb}mb.cpuprofile`);
  },
  { minify: false },
);
console.log(loadLine('at the end'));
