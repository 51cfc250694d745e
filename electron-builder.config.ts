/**
 * electron-builder configuration for Waypoint (see docs/packaging.md).
 *
 *   npx electron-builder --config electron-builder.config.ts            installers for this OS
 *   WAYPOINT_TEST_BUILD=1 npx electron-builder --config ...              test flavour: keeps the Node
 *                                                                         inspector fuse on for Playwright
 *
 * electron-builder loads this file with jiti and calls the default export. createBuilderConfig() is pure
 * (environment and clock passed in) so tests/unit/packaging can check every setting.
 */
import type { Configuration } from 'electron-builder';

type Env = Readonly<Record<string, string | undefined>>;

export const APP_ID = 'org.waypoint.app';
export const PRODUCT_NAME = 'Waypoint';

/**
 * What goes into app.asar, and nothing else: electron-vite's output for the app (the browser preview's
 * bridge in out/preview is not part of the app) and the few resources read from disk at run time.
 * The directory, legal corpus and checklist templates are imported by the renderer and bundled by Vite
 * into out/renderer/assets, so their source files are not shipped twice; hsds-schema is a development
 * reference. `dependencies` in package.json is empty (everything is bundled), so no node_modules.
 */
export const APP_FILES = [
  'out/main/**/*',
  'out/preload/**/*',
  'out/renderer/**/*',
  'resources/fonts/**/*',
  'resources/licenses/**/*',
  '!out/renderer/.vite/**', // Vite's build manifest, read by the bench, not by the app
  '!**/*.map',
  '!**/*.{ts,tsx,mts,cts}',
  '!**/.DS_Store',
];

/** True when electron-builder will find a signing certificate (Windows and macOS). */
export function hasSigningCertificate(env: Env): boolean {
  return !!(env['CSC_LINK'] || env['CSC_NAME'] || env['WIN_CSC_LINK']);
}

/** The three credential sets electron-builder's notarisation step accepts (see MacConfiguration.notarize). */
export function hasNotarizeCredentials(env: Env): boolean {
  return (
    !!(env['APPLE_API_KEY'] && env['APPLE_API_KEY_ID'] && env['APPLE_API_ISSUER']) ||
    !!(env['APPLE_ID'] && env['APPLE_APP_SPECIFIC_PASSWORD'] && env['APPLE_TEAM_ID']) ||
    !!(env['APPLE_KEYCHAIN'] && env['APPLE_KEYCHAIN_PROFILE'])
  );
}

export function isTestBuild(env: Env): boolean {
  return env['WAYPOINT_TEST_BUILD'] === '1' || env['WAYPOINT_TEST_BUILD'] === 'true';
}

/** Lines printed before a build, so a release without signing or notarisation says so plainly. */
export function signingNotes(env: Env): string[] {
  const notes: string[] = [];
  if (!hasSigningCertificate(env)) {
    notes.push(
      'signing: no certificate (CSC_LINK / CSC_NAME): Windows installers are unsigned; macOS apps are ad-hoc signed without the hardened runtime. Fine for testing, not for release.',
    );
  }
  if (!hasNotarizeCredentials(env)) {
    notes.push('notarisation: skipped (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER to notarise macOS builds).');
  } else if (!hasSigningCertificate(env)) {
    notes.push('notarisation: skipped, because macOS builds are not signed with a Developer ID certificate.');
  }
  if (isTestBuild(env)) notes.push('TEST flavour: the EnableNodeCliInspectArguments fuse stays on (for Playwright). Never ship it.');
  return notes;
}

/** Electron fuses, flipped in the packaged binary right before signing. */
export function fuses(env: Env): NonNullable<Configuration['electronFuses']> {
  return {
    runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain Node.js runtime
    enableNodeOptionsEnvironmentVariable: false, // no NODE_OPTIONS / NODE_EXTRA_CA_CERTS
    enableNodeCliInspectArguments: isTestBuild(env), // --inspect: only for Playwright's _electron in the test flavour
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true, // app.asar checked against the hash in the binary (macOS, Windows)
    onlyLoadAppFromAsar: true, // no loose app/ folder next to app.asar
    grantFileProtocolExtraPrivileges: false, // the app is served from app://, file:// needs no extra rights
  };
}

/** Where a deb says the project lives: WAYPOINT_HOMEPAGE, else the GitHub repository being built. */
function homepage(env: Env): string | undefined {
  if (env['WAYPOINT_HOMEPAGE']) return env['WAYPOINT_HOMEPAGE'];
  if (env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY']) return `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}`;
  return undefined;
}

function maintainer(env: Env): string {
  if (env['WAYPOINT_MAINTAINER']) return env['WAYPOINT_MAINTAINER'];
  const owner = env['GITHUB_REPOSITORY_OWNER'];
  return owner ? `${owner} <${owner}@users.noreply.github.com>` : 'Waypoint maintainers <maintainers@waypoint.invalid>';
}

/** SOURCE_DATE_EPOCH (seconds) makes the recorded build date reproducible. */
export function buildDate(env: Env, now: Date): string {
  const epoch = Number(env['SOURCE_DATE_EPOCH']);
  return (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : now).toISOString();
}

export function createBuilderConfig(env: Env, now = new Date()): Configuration {
  const test = isTestBuild(env);
  const signed = hasSigningCertificate(env);
  const site = homepage(env);
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © 2026 the Waypoint contributors',
    directories: { output: test ? 'dist/test' : 'dist', buildResources: 'build' },
    files: APP_FILES,
    asar: true,
    // All app libraries are bundled by electron-vite: nothing to rebuild or collect from node_modules.
    npmRebuild: false,
    // Recorded in the packaged package.json for the About section; a neutral description for installers.
    extraMetadata: {
      description: 'Offline notes and references',
      buildDate: buildDate(env, now),
      ...(test ? { waypointTestBuild: true } : {}),
      ...(site ? { homepage: site } : {}),
    },
    // No auto-update: nothing is published and no update metadata (app-update.yml) is written.
    publish: null,
    electronFuses: fuses(env),

    win: {
      target: [
        { target: 'nsis', arch: ['x64'] },
        { target: 'portable', arch: ['x64'] },
      ],
      icon: 'resources/icons/icon.ico',
      // Signed when CSC_LINK / CSC_KEY_PASSWORD (or WIN_CSC_LINK) are set; otherwise electron-builder
      // logs "signing is skipped".
    },
    nsis: {
      oneClick: false,
      perMachine: false, // the installer asks, with "only for me" (no administrator rights) selected
      selectPerMachineByDefault: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false, // uninstalling never deletes a person's records
      shortcutName: PRODUCT_NAME,
      artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
    },
    portable: {
      // Started from a USB stick, it keeps its data next to itself (see src/main/services/data-folder.ts).
      artifactName: '${productName}-Portable-${version}-${arch}.${ext}',
    },

    mac: {
      target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
      category: 'public.app-category.productivity',
      icon: 'resources/icons/icon.icns',
      // With a Developer ID certificate (CSC_LINK): hardened runtime and entitlements, as notarisation
      // requires. Without one: ad-hoc signed so it still starts on Apple silicon; an ad-hoc signature has
      // no team, so library validation under the hardened runtime would refuse Electron's framework.
      identity: signed ? undefined : '-',
      hardenedRuntime: signed,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      gatekeeperAssess: false,
      notarize: signed && hasNotarizeCredentials(env),
    },
    dmg: {
      artifactName: '${productName}-${version}-${arch}.${ext}',
    },

    linux: {
      target: [
        { target: 'AppImage', arch: ['x64'] },
        { target: 'deb', arch: ['x64'] },
      ],
      icon: 'resources/icons',
      category: 'Office',
      executableName: 'waypoint',
      synopsis: 'Offline notes and references',
      description: 'Offline notes, references and a directory of services, kept encrypted on this computer.',
      maintainer: maintainer(env),
      desktop: { entry: { Name: PRODUCT_NAME, Comment: 'Offline notes and references' } },
    },
    appImage: {
      artifactName: '${productName}-${version}-${arch}.${ext}',
    },
    deb: {
      artifactName: '${name}_${version}_${arch}.${ext}',
    },
  };
}

/** Called by electron-builder: prints what is skipped, then returns the configuration. */
export default function builderConfig(): Configuration {
  for (const note of signingNotes(process.env)) console.log(`  • waypoint ${note}`);
  return createBuilderConfig(process.env);
}
