import { foldText } from '../../src/shared/fold';
import { parseQuery } from '../../src/shared/directory-search/words';
import { buildSearchIndex, organizationNameMap, searchableTexts, searchDirectory } from '../../src/shared/directory-search/index';
import { exportHsdsJson, organizationsFor } from '../../src/shared/hsds/export';
import { parseHsdsJson } from '../../src/shared/hsds/import-read';
import { planImport } from '../../src/shared/hsds/import-plan';
import type { DirectoryEntry } from '../../src/shared/hsds/directory';
import { median, percentile } from '../table';
import { seededRandom } from '../../tests/support/seeded-random';
import { benchVocabulary, generateEntries, generateOrganizations } from './generate';
import { benchImportInWorker } from './import';
import { benchIndexReady } from './ready';

/**
 * Directory figures at 50,000 services: index build, per-keystroke search latency against a naive
 * `includes()` scan of the same text, and a full HSDS JSON import (parse, validate, plan).
 * Measured in Node; the same code runs in the renderer or a worker.
 */

const serviceCount = 50_000;
const organizationCount = 2_000;

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** The baseline: every entry's searchable text folded and joined once, then scanned with includes(). */
function naiveSearcher(entries: readonly DirectoryEntry[], organizationNames: ReadonlyMap<string, string>): (query: string) => number[] {
  const texts = entries.map((entry) => {
    return foldText(searchableTexts(entry, {}, organizationNames).join(' '));
  });
  return (query) => {
    const { words } = parseQuery(query);
    const hits: number[] = [];
    for (let i = 0; i < texts.length; i++) if (words.every((word) => texts[i]!.includes(word))) hits.push(i);
    return hits;
  };
}

/** What a person types: each keystroke of a word (short prefixes), and of a second word after a first. */
function keystrokes(): { short: string[]; twoWords: string[] } {
  const next = seededRandom(3);
  const { descriptionWords, nameHeads, cities } = benchVocabulary;
  const pool = [...descriptionWords, ...nameHeads, ...cities].filter((word) => [...word].length >= 4 && !word.includes(' '));
  const short: string[] = [];
  const twoWords: string[] = [];
  for (let i = 0; i < 60; i++) {
    const word = [...pool[Math.floor(next() * pool.length)]!];
    for (let n = 1; n <= 3; n++) short.push(word.slice(0, n).join(''));
    const second = [...pool[Math.floor(next() * pool.length)]!];
    for (let n = 1; n <= second.length; n++) twoWords.push(`${word.join('')} ${second.slice(0, n).join('')}`);
  }
  return { short, twoWords };
}

function latencies(queries: readonly string[], run: (query: string) => unknown): number[] {
  for (const query of queries.slice(0, 20)) run(query); // warm-up
  return queries.map((query) => timed(() => run(query)).ms);
}

export async function benchDirectory(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const organizations = generateOrganizations(organizationCount);
  const entries = generateEntries(serviceCount, organizations);

  // The app builds the index in a Web Worker, from entries posted to it: structured clones, whose strings are
  // flat. The generator's strings are mostly concatenations (V8 cons strings), slower to scan and compare, so
  // the build is measured on a clone, as the worker gets them. The process's first build is reported too: a
  // new worker's build is one.
  const posted = structuredClone({ entries, organizations });
  const firstBuild = timed(() => buildSearchIndex(posted.entries, { organizations: posted.organizations }));
  const builds = [0, 1, 2].map(() => timed(() => buildSearchIndex(posted.entries, { organizations: posted.organizations })));
  const index = builds[builds.length - 1]!.value;

  const naive = naiveSearcher(entries, organizationNameMap(organizations));
  const { short, twoWords } = keystrokes();
  const indexed = (query: string) => searchDirectory(index, query);
  const shortTimes = latencies(short, indexed);
  const twoWordTimes = latencies(twoWords, indexed);
  const naiveTimes = latencies([...short, ...twoWords], naive);
  const indexP95 = percentile([...shortTimes, ...twoWordTimes], 95);
  const naiveP95 = percentile(naiveTimes, 95);

  const exportText = exportHsdsJson({ entries, organizations: organizationsFor(entries, organizations), dataVersion: 1 });
  const imports = [0, 1].map(() => timed(() => planImport(parseHsdsJson(exportText, 'bench.json'), [])));
  const imported = imports[0]!.value;
  if (!imported.ok || imported.toAdd.length !== serviceCount) throw new Error('bench import did not read back every service');

  return [
    { name: `directory: search index build, ${serviceCount} services`, value: median(builds.map((b) => b.ms)), unit: 'ms', target: '< 1000' },
    { name: 'directory: the same, first build in the process (as in a new worker)', value: firstBuild.ms, unit: 'ms', target: '< 1000' },
    ...(await benchIndexReady(serviceCount, organizationCount)),
    { name: 'directory: keystroke, 1-3 char prefix, median', value: median(shortTimes), unit: 'ms' },
    { name: 'directory: keystroke, 1-3 char prefix, p95', value: percentile(shortTimes, 95), unit: 'ms', target: '< 5' },
    { name: 'directory: keystroke, two words, median', value: median(twoWordTimes), unit: 'ms' },
    { name: 'directory: keystroke, two words, p95', value: percentile(twoWordTimes, 95), unit: 'ms', target: '< 5' },
    { name: 'directory: naive includes() scan, same keystrokes, p95', value: naiveP95, unit: 'ms' },
    { name: 'directory: index p95 / naive p95', value: indexP95 / naiveP95, unit: 'x', target: '<= 0.3' },
    { name: `directory: HSDS JSON import of ${serviceCount} services (parse, validate, plan), in Node on one thread`, value: median(imports.map((i) => i.ms)), unit: 'ms' },
    { name: 'directory: size of that HSDS JSON', value: exportText.length / 1e6, unit: 'M chars' },
    ...(await benchImportInWorker(serviceCount, organizationCount)),
  ];
}
