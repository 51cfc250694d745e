import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../shared/languages';

/**
 * Switches that let another program attach to a running app and read an unlocked session: Chromium's
 * DevTools endpoint, Node's inspector, and V8 flags (which can turn on the same). The fuse
 * EnableNodeCliInspectArguments already makes Electron ignore `--inspect*` in a release build; this
 * check also covers the Chromium switches, which no fuse controls.
 */
export const forbiddenSwitches = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'js-flags',
] as const;

// `--inspect-brk` is reported as itself, not as a variant of `--inspect`.
const longestFirst = [...forbiddenSwitches].sort((a, b) => b.length - a.length);

/**
 * The forbidden switches on a command line, by name. Chromium takes a switch with `--`, a single `-`
 * and, on Windows, `/`, in any letter case on Windows, and `--inspect-brk-node` style variants exist:
 * so every argument whose name starts with a forbidden one counts. `hasSwitch` asks Chromium's own
 * parse (`app.commandLine.hasSwitch`), in case it reads a form this scan does not.
 */
export function debugSwitchesIn(argv: readonly string[], hasSwitch: (name: string) => boolean = () => false): string[] {
  const found = new Set<string>();
  for (const argument of argv) {
    const match = /^(?:--?|\/)([a-z][a-z0-9-]*)/i.exec(argument);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    const forbidden = longestFirst.find((candidate) => name === candidate || name.startsWith(`${candidate}-`));
    if (forbidden) found.add(forbidden);
  }
  for (const name of forbiddenSwitches) if (hasSwitch(name)) found.add(name);
  return [...found].sort();
}

/**
 * True for the test flavour of the packaged app (`WAYPOINT_TEST_BUILD=1 npm run dist`, see
 * docs/packaging.md): electron-builder writes `waypointTestBuild` into its package.json, and
 * Playwright's `_electron` needs the inspector to drive it.
 */
export function isTestFlavour(appPath: string): boolean {
  try {
    const metadata = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as { waypointTestBuild?: unknown };
    return metadata.waypointTestBuild === true;
  } catch {
    return false;
  }
}

/** Said before the app quits; main has no translation files, so the four texts live here. */
export const refusalMessages: Record<Language, (switches: string) => string> = {
  en: (switches) =>
    `Waypoint was started with a debugging option (${switches}) that would let another program read an open session, so it will not start. Nothing was changed or lost. Start Waypoint from its usual shortcut, without extra options.`,
  es: (switches) =>
    `Waypoint se inició con una opción de depuración (${switches}) que permitiría a otro programa leer una sesión abierta, así que no se abrirá. No se cambió ni se perdió nada. Abra Waypoint desde su acceso directo habitual, sin opciones adicionales.`,
  fr: (switches) =>
    `Waypoint a été lancé avec une option de débogage (${switches}) qui permettrait à un autre programme de lire une session ouverte : il ne démarrera donc pas. Rien n’a été modifié ni perdu. Lancez Waypoint depuis son raccourci habituel, sans option supplémentaire.`,
  ar: (switches) =>
    `شُغّل Waypoint مع خيار تصحيح (${switches}) يسمح لبرنامج آخر بقراءة جلسة مفتوحة، لذلك لن يبدأ. لم يتغيّر أو يُفقد أي شيء. شغّل Waypoint من اختصاره المعتاد، من دون خيارات إضافية.`,
};

export interface DebugSwitchCheck {
  argv: readonly string[];
  hasSwitch(name: string): boolean;
  /** Only the packaged app refuses: a development run and the test flavour need the inspector. */
  packaged: boolean;
  appPath: string;
  language: Language;
}

/** The message to show before quitting, or null when the app may start. */
export function refuseDebugSwitches(check: DebugSwitchCheck): string | null {
  if (!check.packaged) return null;
  const found = debugSwitchesIn(check.argv, check.hasSwitch);
  if (found.length === 0 || isTestFlavour(check.appPath)) return null;
  return refusalMessages[check.language](found.map((name) => `--${name}`).join(', '));
}
