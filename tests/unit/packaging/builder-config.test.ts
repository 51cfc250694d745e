import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import builderConfig, { APP_FILES, createBuilderConfig, signingNotes } from '../../../electron-builder.config';

const root = resolve(import.meta.dirname, '../../..');
const release = createBuilderConfig({}, new Date('2026-11-28T12:00:00Z'));
const testFlavour = createBuilderConfig({ WAYPOINT_TEST_BUILD: '1' });

type TargetList = Array<{ target: string; arch?: string[] }>;
const targets = (platform: 'win' | 'mac' | 'linux') => (release[platform]?.target ?? []) as TargetList;

/** Whether electron-builder's `files` patterns select a file: it matches them with minimatch and `{ dot: true }`. */
function selected(file: string): boolean {
  const match = (pattern: string) => minimatch(file, pattern, { dot: true });
  return APP_FILES.some((p) => !p.startsWith('!') && match(p)) && !APP_FILES.some((p) => p.startsWith('!') && match(p.slice(1)));
}

describe('electron-builder configuration', () => {
  it('names the app neutrally', () => {
    expect(release.appId).toBe('org.waypoint.app');
    expect(release.productName).toBe('Waypoint');
    expect(release.copyright).toMatch(/Waypoint/);
    const words = JSON.stringify([release.extraMetadata, release.linux?.synopsis, release.linux?.description, release.linux?.desktop]).toLowerCase();
    expect(words).not.toMatch(/traffick|victim|exploit|slave|rescue/);
  });

  it('has an NSIS installer (per-user by default) and a portable .exe for Windows', () => {
    expect(targets('win').map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(release.nsis).toMatchObject({ oneClick: false, perMachine: false, selectPerMachineByDefault: false, deleteAppDataOnUninstall: false });
  });

  it('has dmg for arm64 and x64 on macOS, with hardened runtime and entitlements when signed', () => {
    expect(targets('mac')).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(release.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(existsSync(resolve(root, 'build/entitlements.mac.plist'))).toBe(true);
    expect(readFileSync(resolve(root, 'build/entitlements.mac.plist'), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    const signed = createBuilderConfig({ CSC_LINK: 'cert.p12', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' });
    expect(signed.mac).toMatchObject({ hardenedRuntime: true, notarize: true, identity: undefined });
  });

  it('skips signing and notarisation with a message when the secrets are absent', () => {
    expect(release.mac).toMatchObject({ identity: '-', hardenedRuntime: false, notarize: false });
    const notes = signingNotes({}).join('\n');
    expect(notes).toMatch(/signing: no certificate/);
    expect(notes).toMatch(/notarisation: skipped/);
    expect(signingNotes({ CSC_LINK: 'c', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' })).toEqual([]);
    // a certificate without notarisation credentials: signed, not notarised
    expect(createBuilderConfig({ CSC_LINK: 'c' }).mac).toMatchObject({ hardenedRuntime: true, notarize: false });
  });

  it('has AppImage and deb for Linux', () => {
    expect(targets('linux').map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(release.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it('uses the icons rendered from the SVG', () => {
    for (const icon of [release.win?.icon, release.mac?.icon, release.linux?.icon]) expect(existsSync(resolve(root, icon!))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(existsSync(resolve(root, `resources/icons/${size}x${size}.png`))).toBe(true);
  });

  it('packs only the built app and run-time resources, into an asar', () => {
    expect(release.asar).toBe(true);
    for (const file of [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
      'resources/licenses/THIRD-PARTY.md',
      'resources/fonts/NotoSans-Regular.ttf',
    ]) {
      expect(selected(file), file).toBe(true);
    }
    for (const file of [
      'src/main/index.ts',
      'tests/unit/packaging/builder-config.test.ts',
      'docs/packaging.md',
      'out/main/index.js.map',
      'out/renderer/assets/index-abc.js.map',
      'out/renderer/.vite/manifest.json',
      'out/preview/bridge.js',
      'node_modules/react/index.js',
      'node_modules/electron/dist/electron',
      'resources/directory/hsds-schema/service.json',
      'resources/directory/directory.json',
      'resources/icons/icon.svg',
      'bench/run.ts',
      'scripts/packaging/check-asar.ts',
      'electron.vite.config.ts',
      'package-lock.json',
    ]) {
      expect(selected(file), file).toBe(false);
    }
  });

  it('bundles every app library: package.json has no dependencies to copy into the asar', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; main: string };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    expect(selected(pkg.main)).toBe(true);
  });

  it('never publishes or updates itself', () => {
    expect(release.publish).toBeNull();
  });

  it('flips the fuses in the release build', () => {
    expect(release.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps only the inspector fuse on in the test flavour, built apart from release output', () => {
    expect(testFlavour.electronFuses).toEqual({ ...release.electronFuses, enableNodeCliInspectArguments: true });
    expect(testFlavour.directories?.output).toBe('dist/test');
    expect(release.directories?.output).toBe('dist');
    expect(signingNotes({ WAYPOINT_TEST_BUILD: '1' }).join('\n')).toMatch(/TEST flavour/);
  });

  it('records the build date, reproducibly with SOURCE_DATE_EPOCH', () => {
    expect(release.extraMetadata.buildDate).toBe('2026-11-28T12:00:00.000Z');
    expect(createBuilderConfig({ SOURCE_DATE_EPOCH: '1767225600' }).extraMetadata.buildDate).toBe('2026-01-01T00:00:00.000Z');
  });

  it('is what electron-builder gets from the default export', () => {
    const config = builderConfig();
    expect(config.appId).toBe(release.appId);
    expect(config.files).toEqual(APP_FILES);
  });
});
