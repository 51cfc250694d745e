/**
 * Packaging check that runs without a real Electron binary (none can be downloaded on the build
 * machines). It:
 *  1. builds the app (`npm run build`; skip with --skip-build),
 *  2. runs electron-builder for Linux with the `dir` target and this project's configuration, pointed
 *     at a stand-in Electron folder (-c.electronDist): a tiny `electron` file carrying Electron's fuse
 *     wire, so electron-builder's copy, asar, integrity and fuse steps all run for real,
 *  3. lists the produced app.asar with @electron/asar and fails unless it holds exactly the built app
 *     (out/main, out/preload, out/renderer), package.json and the run-time resources, and
 *  4. reads the fuse wire back from the packaged stand-in executable.
 * If electron-builder fails anyway, it says where, and checks an asar made with @electron/asar's
 * createPackage from the same files list instead.
 *
 *   npx tsx scripts/packaging/check-asar.ts [--skip-build] [--test-flavour] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { createPackage, extractFile, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { APP_FILES, createBuilderConfig, fuses } from '../../electron-builder.config';

const root = resolve(import.meta.dirname, '../..');

/** Where every file in app.asar must come from. */
export const ALLOWED_PREFIXES = ['out/main/', 'out/preload/', 'out/renderer/', 'resources/fonts/', 'resources/licenses/'];
const FORBIDDEN = [
  /^out\/renderer\/\.vite\//,
  /^src\//,
  /^tests?\//,
  /^docs\//,
  /^bench\//,
  /^scripts\//,
  /^node_modules\//,
  /^out\/preview\//,
  /^resources\/(directory|legal|checklists|icons)\//,
  /\.map$/,
  /\.tsx?$/,
];

/** @electron/fuses' byte values ('0', '1') and wire positions (FuseState and FuseV1Options there). */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;
const FuseV1Options = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  LoadBrowserProcessSpecificV8Snapshot: 6,
  GrantFileProtocolExtraPrivileges: 7,
} as const;

/** Fuse wire of Electron 45's defaults as far as @electron/fuses knows them (V1, 8 fuses). */
const STAND_IN_WIRE = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

export interface AsarReport {
  asarPath: string;
  bytes: number;
  files: string[];
  /** Unpacked size of each file. */
  sizes: Map<string, number>;
  problems: string[];
}

/** Development tools that must never be bundled into the app (a main-process import pulled one in). */
const DEV_TOOL_MARKERS = [/playwright-core/];

/** Entries of an asar as project-relative paths (files only), and what is wrong with them. */
export function inspectAsar(asarPath: string): AsarReport {
  const entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
  const files = entries.filter((entry) => !('files' in statFile(asarPath, entry)));
  const sizes = new Map(files.map((file) => [file, Number((statFile(asarPath, file) as { size?: number }).size ?? 0)]));
  const problems: string[] = [];
  for (const file of files.filter((name) => /\.(c|m)?js$/.test(name))) {
    const text = extractFile(asarPath, file).toString('utf8');
    const marker = DEV_TOOL_MARKERS.find((pattern) => pattern.test(text));
    if (marker) problems.push(`${file} (${sizes.get(file)} bytes) bundles a development tool (${marker.source}): a main/renderer import pulls it in`);
  }
  for (const file of files) {
    if (file === 'package.json') continue;
    if (!ALLOWED_PREFIXES.some((prefix) => file.startsWith(prefix))) problems.push(`unexpected file: ${file}`);
    if (FORBIDDEN.some((pattern) => pattern.test(file))) problems.push(`forbidden file: ${file}`);
  }
  for (const needed of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'resources/licenses/THIRD-PARTY.md']) {
    if (!files.includes(needed)) problems.push(`missing: ${needed}`);
  }
  const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
  if (pkg['main'] !== 'out/main/index.js') problems.push(`package.json main is ${String(pkg['main'])}`);
  if (pkg['dependencies'] && Object.keys(pkg['dependencies'] as object).length > 0) problems.push('package.json has dependencies');
  return { asarPath, bytes: statSync(asarPath).size, files, sizes, problems };
}

/** A folder electron-builder accepts as an unpacked Electron for Linux: `electron` holds a fuse wire. */
export function makeStandInElectron(folder: string): string {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  const wire = Buffer.from([1, STAND_IN_WIRE.length, ...STAND_IN_WIRE]);
  const body = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run"\nexit 1\n# '), Buffer.from(SENTINEL), wire, Buffer.from('\n')]);
  writeFileSync(join(folder, 'electron'), body);
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(folder, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  writeFileSync(join(folder, 'version'), JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version);
  return folder;
}

/** Every file under `folder`, as '/'-separated paths relative to `base`. */
function walk(folder: string, base = folder): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(folder, entry.name), base) : [relative(base, join(folder, entry.name)).split(sep).join('/')],
  );
}

/**
 * The files the configuration's `files` patterns select, for the fallback createPackage. The patterns
 * are folder globs ('out/main/**\/*') and exclusions by extension, so a walk reproduces them.
 */
function selectAppFiles(): string[] {
  const folders = APP_FILES.filter((pattern) => !pattern.startsWith('!')).map((pattern) => pattern.replace(/\/\*\*\/\*$/, ''));
  const excluded = /\.(map|ts|tsx|mts|cts)$|(^|\/)\.DS_Store$|^out\/renderer\/\.vite\//;
  return folders
    .flatMap((folder) => walk(join(root, folder)).map((file) => `${folder}/${file}`))
    .filter((file) => !excluded.test(file))
    .sort();
}

function fallbackAsar(work: string): string {
  const stage = join(work, 'stage');
  for (const file of ['package.json', ...selectAppFiles()]) {
    mkdirSync(join(stage, file, '..'), { recursive: true });
    cpSync(join(root, file), join(stage, file));
  }
  const target = join(work, 'fallback', 'app.asar');
  mkdirSync(join(target, '..'), { recursive: true });
  return target;
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes)`;
}

function summarize(report: AsarReport): string[] {
  const byFolder = new Map<string, { count: number; bytes: number }>();
  for (const file of report.files) {
    const folder = file.includes('/') ? file.split('/').slice(0, 2).join('/') + '/' : file;
    const entry = byFolder.get(folder) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += report.sizes.get(file) ?? 0;
    byFolder.set(folder, entry);
  }
  return [...byFolder].map(([folder, { count, bytes }]) => `  ${folder.padEnd(22)} ${String(count).padStart(3)} file(s) ${(bytes / 1024).toFixed(0).padStart(7)} KB`);
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const env = { ...process.env, ...(args.has('--test-flavour') ? { WAYPOINT_TEST_BUILD: '1' } : {}) };
  const started = Date.now();
  const failures: string[] = [];

  if (!args.has('--skip-build')) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }

  const work = mkdtempSync(join(tmpdir(), 'waypoint-packaging-'));
  const standIn = makeStandInElectron(join(work, 'electron-stand-in'));
  const output = join(work, 'dist');
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const builder = spawnSync(
    process.execPath,
    [cli, '--config', 'electron-builder.config.ts', '--linux', 'dir', '--x64', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`],
    { cwd: root, env, encoding: 'utf8' },
  );
  const log = `${builder.stdout}\n${builder.stderr}`;
  console.log(
    log
      .split('\n')
      .filter((line) => line.includes('•') || line.includes('⨯'))
      .join('\n'),
  );
  const appDir = join(output, 'linux-unpacked');
  const builtAsar = join(appDir, 'resources', 'app.asar');

  let report: AsarReport;
  let how: string;
  if (builder.status === 0 && existsSync(builtAsar)) {
    how = 'electron-builder --linux dir with a stand-in Electron (copy, asar, fuses: real; binary: stand-in)';
    report = inspectAsar(builtAsar);

    // The fuses electron-builder flipped in the stand-in executable, read back.
    const wire = (await getCurrentFuseWire(join(appDir, 'waypoint'))) as unknown as Record<number, number>;
    const expected = fuses(env);
    const want: Array<[string, number, boolean | undefined]> = [
      ['RunAsNode', FuseV1Options.RunAsNode, expected.runAsNode],
      ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, expected.enableCookieEncryption],
      ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, expected.enableNodeOptionsEnvironmentVariable],
      ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, expected.enableNodeCliInspectArguments],
      ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, expected.enableEmbeddedAsarIntegrityValidation],
      ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, expected.onlyLoadAppFromAsar],
      ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, expected.grantFileProtocolExtraPrivileges],
    ];
    console.log('fuses in the packaged executable (read back with @electron/fuses):');
    for (const [name, index, value] of want) {
      const actual = wire[index] === FuseState.ENABLE ? 'on' : wire[index] === FuseState.DISABLE ? 'off' : `state ${wire[index]}`;
      const ok = actual === (value ? 'on' : 'off');
      console.log(`  ${ok ? 'ok ' : 'BAD'} ${name.padEnd(40)} ${actual}`);
      if (!ok) failures.push(`fuse ${name} is ${actual}`);
    }
    const loose = ['app', 'app.asar.unpacked'].filter((name) => existsSync(join(appDir, 'resources', name)));
    if (loose.length) failures.push(`loose app files next to app.asar: ${loose.join(', ')}`);
    const rest = walk(appDir).sort();
    console.log(`packaged folder linux-unpacked/: ${rest.join(', ')}`);
  } else {
    const lines = log.split('\n').filter((line) => /⨯|error|Error|failed|ENOTFOUND|download/i.test(line));
    console.log(`electron-builder stopped (exit ${builder.status}). Where:\n${lines.slice(0, 12).join('\n') || log.slice(-2000)}`);
    how = "fallback: @electron/asar createPackage from the configuration's files list (electron-builder did not finish)";
    const target = fallbackAsar(work);
    await createPackage(join(work, 'stage'), target);
    report = inspectAsar(target);
    failures.push('electron-builder did not produce app.asar');
  }

  failures.push(...report.problems);
  const config = createBuilderConfig(env);
  console.log('');
  console.log(`packaging check without a real Electron: ${how}`);
  console.log(`  flavour: ${config.electronFuses?.enableNodeCliInspectArguments ? 'TEST (inspector fuse on)' : 'release'}`);
  console.log(`  app.asar: ${formatBytes(report.bytes)}, ${report.files.length} files`);
  console.log(summarize(report).join('\n'));
  for (const file of report.files) console.log(`    ${file}  ${report.sizes.get(file)}`);
  console.log(`  took ${((Date.now() - started) / 1000).toFixed(1)} s${args.has('--keep') ? `; work folder kept: ${work}` : ''}`);
  if (!args.has('--keep')) rmSync(work, { recursive: true, force: true });

  if (failures.length) {
    console.log(`\nFAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    if (builder.status !== 0) console.log(log.slice(-4000));
    process.exitCode = 1;
  } else {
    console.log('\npackaging check passed: app.asar holds only the built app and its run-time resources; fuses as configured.');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main();
}
