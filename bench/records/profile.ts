/**
 * `npx tsx bench/records/profile.ts [records]`: records a Chrome CPU profile (the DevTools protocol's
 * Profiler, through Playwright) of save-all and list-all of each record layer of ./page.ts, on 10,000 records
 * by default, after one unprofiled warm-up run. Writes each profile to out/profiles/ (open it in Chrome
 * DevTools' Performance panel) and prints where the main thread's time went, phase by phase: the functions
 * with the most self time, and the share of the phase the main thread spent idle, which is time spent
 * waiting for IndexedDB and WebCrypto, which run off the main thread. The numbers feed docs/performance.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { loadLine } from '../load';
import { profileReport, type CpuProfile } from './cpu-profile';
import { withBenchPage } from './index';
import type { RecordsBenchWindow } from './protocol';

const outFolder = resolve(import.meta.dirname, '../../out/profiles');
const count = Number(process.argv[2] ?? 10_000);

await mkdir(outFolder, { recursive: true });
console.log(loadLine('at the start'));
await withBenchPage(
  'page.ts',
  async (page) => {
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    let profiling: string | null = null;
    const profiles: Array<{ phase: string; profile: CpuProfile }> = [];
    await page.exposeFunction('benchPhase', async (phase: string) => {
      if (profiling === null) return;
      const [name, edge] = phase.split(' ');
      if (edge === 'start') await cdp.send('Profiler.start');
      else profiles.push({ phase: name!, profile: (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile });
    });
    for (const layer of ['plain', 'encrypted']) {
      for (const run of ['warm-up', 'profiled']) {
        profiling = run === 'profiled' ? layer : null;
        const times = await page.evaluate(
          ({ name, n }) => {
            const w = window as unknown as RecordsBenchWindow & { benchPhase(phase: string): Promise<void> };
            return w.runLayerOnce(name, n, (phase) => w.benchPhase(phase));
          },
          { name: layer, n: count },
        );
        if (run === 'profiled') console.log(`\n${layer}: save ${times.save.toFixed(0)} ms, list ${times.list.toFixed(0)} ms (timed in the page, under the profiler)`);
      }
      for (const { phase, profile } of profiles.splice(0)) {
        const file = join(outFolder, `records-${layer}-${phase}-${count}.cpuprofile`);
        await writeFile(file, JSON.stringify(profile));
        console.log(`\n${profileReport(`${layer} ${phase}`, profile)}`);
        console.log(`  written to ${file}`);
      }
    }
  },
  { minify: false },
);
console.log(loadLine('at the end'));
