import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPackage } from '@electron/asar';
import { flipFuses, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { fuses } from '../../../electron-builder.config';
import { inspectAsar, makeStandInElectron } from '../../../scripts/packaging/check-asar';

const work = mkdtempSync(join(tmpdir(), 'waypoint-asar-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function asarOf(name: string, files: Record<string, string>): Promise<string> {
  const stage = join(work, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    writeFileSync(join(stage, file), content);
  }
  const target = join(work, `${name}.asar`);
  await createPackage(stage, target);
  return target;
}

const app = {
  'package.json': JSON.stringify({ name: 'waypoint', main: 'out/main/index.js' }),
  'out/main/index.js': '',
  'out/preload/index.cjs': '',
  'out/renderer/index.html': '',
  'out/renderer/assets/index.js': '',
  'resources/licenses/THIRD-PARTY.md': '',
  'resources/fonts/NotoSans-Regular.ttf': '',
};

describe('the app.asar check', () => {
  it('accepts the built app with its run-time resources', async () => {
    const report = inspectAsar(await asarOf('good', app));
    expect(report.problems).toEqual([]);
    expect(report.files).toContain('out/renderer/assets/index.js');
  });

  it('rejects sources, tests, docs, source maps, dependencies and missing entry points', async () => {
    const { 'out/preload/index.cjs': _preload, ...withoutPreload } = app;
    const report = inspectAsar(
      await asarOf('bad', {
        ...withoutPreload,
        'src/main/index.ts': '',
        'tests/unit/a.test.ts': '',
        'docs/packaging.md': '',
        'out/main/index.js.map': '',
        'node_modules/react/index.js': '',
        'resources/directory/hsds-schema/service.json': '',
      }),
    );
    expect(report.problems.join('\n')).toMatch(/src\/main\/index\.ts/);
    for (const file of [
      'tests/unit/a.test.ts',
      'docs/packaging.md',
      'out/main/index.js.map',
      'node_modules/react/index.js',
      'resources/directory/hsds-schema/service.json',
      'missing: out/preload/index.cjs',
    ]) {
      expect(report.problems.join('\n')).toContain(file);
    }
  });

  it('rejects a bundle that pulled in a development tool such as Playwright', async () => {
    const report = inspectAsar(await asarOf('devtool', { ...app, 'out/main/test-abc.js': 'require("playwright-core/lib/server")' }));
    expect(report.problems.join('\n')).toMatch(/out\/main\/test-abc\.js .*development tool/);
  });
});

describe('fuses, as electron-builder flips them', () => {
  // electron-builder turns `electronFuses` into an @electron/fuses config with generateFuseConfig (no
  // `this` needed); flipping a stand-in binary with Electron's fuse wire shows the exact bytes written.
  const flip = async (env: Record<string, string>) => {
    const folder = makeStandInElectron(join(work, `electron-${Object.keys(env).join('-') || 'release'}`));
    const { generateFuseConfig } = PlatformPackager.prototype as unknown as { generateFuseConfig(options: unknown): Promise<FuseConfig> };
    const config = await generateFuseConfig.call({}, fuses(env));
    await flipFuses(join(folder, 'electron'), config);
    const wire = (await getCurrentFuseWire(join(folder, 'electron'))) as unknown as Record<number, number>;
    return Array.from({ length: 8 }, (_, i) => String.fromCharCode(wire[i]!)).join('');
  };

  it('release: RunAsNode, NODE_OPTIONS, --inspect off; cookie encryption, asar integrity, asar-only on', async () => {
    // order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot (unchanged), FileProtocolExtraPrivileges
    expect(await flip({})).toBe('01001100');
  });

  it('test flavour: the same, but the inspector stays on for Playwright', async () => {
    expect(await flip({ WAYPOINT_TEST_BUILD: '1' })).toBe('01011100');
  });
});

// The whole pipeline (npm run build, then electron-builder --linux dir with a stand-in Electron, app.asar
// content and fuses read back) is scripts/packaging/check-asar.ts: 35-55 s here, so a script run by the
// release workflow, not a unit test.
