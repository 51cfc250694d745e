import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/**
 * Where Waypoint keeps its data (vault header, encrypted database, settings, Chromium's profile).
 * Plain Node, no Electron: src/main/index.ts applies the choice before anything touches userData.
 *
 * In order of precedence:
 * 1. `WAYPOINT_DATA_DIR=<folder>`: that folder (a relative one is taken relative to the executable's folder).
 * 2. `--portable` on the command line, or a marker file `portable.txt` / `waypoint-portable` next to the
 *    executable, or the Windows portable .exe (its launcher sets PORTABLE_EXECUTABLE_DIR):
 *    `<executable folder>/WaypointData`.
 * 3. Otherwise Electron's userData (the user profile).
 */
export type DataFolderMode = 'normal' | 'portable' | 'override';

export interface DataFolderChoice {
  folder: string;
  mode: DataFolderMode;
}

export interface DataFolderInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The folder the user sees the app in: see executableFolder(). */
  exeDir: string;
  /** Electron's default userData folder. */
  defaultUserData: string;
  exists: (path: string) => boolean;
}

export const DATA_DIR_ENV = 'WAYPOINT_DATA_DIR';
export const PORTABLE_FLAG = '--portable';
export const PORTABLE_MARKERS = ['portable.txt', 'waypoint-portable'] as const;
export const PORTABLE_FOLDER_NAME = 'WaypointData';

/** Inside the data folder: uploaded backups waiting to be checked and read (ciphertext only). */
export const RESTORE_UPLOAD_FOLDER = 'restore-uploads';

export function chooseDataFolder({ argv, env, exeDir, defaultUserData, exists }: DataFolderInput): DataFolderChoice {
  const override = env[DATA_DIR_ENV]?.trim();
  if (override) return { folder: isAbsolute(override) ? resolve(override) : resolve(exeDir, override), mode: 'override' };

  const portable = argv.includes(PORTABLE_FLAG) || PORTABLE_MARKERS.some((marker) => exists(join(exeDir, marker))) || !!env['PORTABLE_EXECUTABLE_DIR'];
  if (portable) return { folder: join(exeDir, PORTABLE_FOLDER_NAME), mode: 'portable' };

  return { folder: defaultUserData, mode: 'normal' };
}

/**
 * The folder that holds what the user launched, which is not always dirname(process.execPath):
 * - the Windows portable .exe unpacks itself to a temporary folder; its launcher names the real one
 *   in PORTABLE_EXECUTABLE_DIR;
 * - an AppImage runs from a temporary mount; APPIMAGE is the path of the .AppImage file;
 * - on macOS the executable is inside Waypoint.app/Contents/MacOS: the folder is the one holding the
 *   .app (writing inside the bundle would break its signature).
 */
export function executableFolder(execPath: string, env: Readonly<Record<string, string | undefined>>, platform: string): string {
  const portableDir = env['PORTABLE_EXECUTABLE_DIR'];
  if (platform === 'win32' && portableDir) return portableDir;
  const appImage = env['APPIMAGE'];
  if (platform === 'linux' && appImage) return dirname(appImage);
  const folder = dirname(execPath);
  if (platform === 'darwin') {
    const marker = `.app${sep}Contents${sep}MacOS`;
    const at = folder.lastIndexOf(marker);
    if (at !== -1 && basename(folder) === 'MacOS') return dirname(folder.slice(0, at + '.app'.length));
  }
  return folder;
}
