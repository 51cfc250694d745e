import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatTable } from '../bench/table';
import { timeRows, timesFile, type TestTimes } from '../bench/test-times';

// `npm test`: every layer, stopping after the first step that fails, then the wall time of each.
// The times are also kept in test-results/, where `npm run bench` reads them.

/**
 * The npm scripts `npm test` runs, in steps; the layers of a step run side by side. Everything the
 * end-to-end layer does not wait for comes first, so a lint, type or unit failure shows within about
 * two minutes: lint, typecheck and the format check are single-threaded and the unit layer fills
 * the core they leave (lint alone runs for half the step). The end-to-end layer then has both
 * cores to itself: it keeps them busy (docs/testing.md), so a layer beside it only slows it down.
 * The last layer of a step prints as it goes; the others print when they end.
 */
const steps: Array<Array<[script: string, ...args: string[]]>> = [[['lint'], ['typecheck'], ['format:check'], ['build'], ['test:unit']], [['test:e2e']], [['test:electron']]];

interface Outcome {
  name: string;
  seconds: number;
  passed: boolean;
  output: string;
}

/** Runs `npm run <name> -- <args>`; with `quiet`, keeps its output to print in one piece when it ends. */
function runLayer([name, ...args]: [string, ...string[]], quiet: boolean): Promise<Outcome> {
  const start = performance.now();
  // npm is a .cmd file on Windows, which only a shell starts.
  const child = spawn('npm', ['run', name, ...(args.length > 0 ? ['--', ...args] : [])], {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    shell: process.platform === 'win32',
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    const finish = (passed: boolean) => resolve({ name, seconds: Math.round(performance.now() - start) / 1000, passed, output: Buffer.concat(chunks).toString('utf8') });
    child.on('error', () => finish(false));
    child.on('close', (code) => finish(code === 0));
  });
}

const started = performance.now();
const times: TestTimes = { finishedAt: '', totalSeconds: 0, layers: [] };
let passed = true;
for (const step of steps) {
  const outcomes = await Promise.all(
    step.map((layer, at) =>
      runLayer(layer, at < step.length - 1).then((outcome) => {
        process.stdout.write(outcome.output);
        return outcome;
      }),
    ),
  );
  for (const { name, seconds, passed: layerPassed } of outcomes) times.layers.push({ name, seconds, passed: layerPassed });
  passed = outcomes.every((outcome) => outcome.passed);
  if (!passed) break;
}
times.totalSeconds = Math.round(performance.now() - started) / 1000;
times.finishedAt = new Date().toISOString();
mkdirSync(dirname(timesFile), { recursive: true });
writeFileSync(timesFile, JSON.stringify(times, null, 2) + '\n');
console.log(`\nWall time of each test layer:\n${formatTable(timeRows(times))}`);
process.exitCode = passed ? 0 : 1;
