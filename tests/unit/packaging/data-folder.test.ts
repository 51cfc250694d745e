import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDataFolder, executableFolder, PORTABLE_FOLDER_NAME } from '../../../src/main/services/data-folder';

const exeDir = resolve('/media', 'stick', 'Waypoint');
const defaultUserData = resolve('/home', 'person', '.config', 'Waypoint');
const nothing = () => false;
const base = { argv: ['waypoint'], env: {}, exeDir, defaultUserData, exists: nothing };

describe('chooseDataFolder', () => {
  it('uses the user profile by default', () => {
    expect(chooseDataFolder(base)).toEqual({ folder: defaultUserData, mode: 'normal' });
  });

  it.each(['portable.txt', 'waypoint-portable'])('goes portable when %s is next to the executable', (marker) => {
    const seen: string[] = [];
    const exists = (path: string) => (seen.push(path), path === join(exeDir, marker));
    expect(chooseDataFolder({ ...base, exists })).toEqual({ folder: join(exeDir, PORTABLE_FOLDER_NAME), mode: 'portable' });
    expect(seen.every((path) => path.startsWith(exeDir))).toBe(true);
  });

  it('ignores a marker anywhere else', () => {
    const exists = (path: string) => path === join(defaultUserData, 'portable.txt') || path === join(exeDir, '..', 'portable.txt');
    expect(chooseDataFolder({ ...base, exists }).mode).toBe('normal');
  });

  it('goes portable with --portable', () => {
    expect(chooseDataFolder({ ...base, argv: ['waypoint', '--portable'] })).toEqual({ folder: join(exeDir, 'WaypointData'), mode: 'portable' });
  });

  it('goes portable when started as the Windows portable .exe', () => {
    expect(chooseDataFolder({ ...base, env: { PORTABLE_EXECUTABLE_DIR: exeDir } }).mode).toBe('portable');
  });

  it('puts the portable folder next to the executable, never in the profile', () => {
    const { folder } = chooseDataFolder({ ...base, argv: ['waypoint', '--portable'] });
    expect(resolve(folder, '..')).toBe(exeDir);
    expect(folder.startsWith(defaultUserData)).toBe(false);
  });

  it('lets WAYPOINT_DATA_DIR win over everything', () => {
    const override = resolve('/srv', 'waypoint-data');
    const choice = chooseDataFolder({ ...base, argv: ['waypoint', '--portable'], env: { WAYPOINT_DATA_DIR: override }, exists: () => true });
    expect(choice).toEqual({ folder: override, mode: 'override' });
  });

  it('reads a relative WAYPOINT_DATA_DIR from the executable folder, and ignores an empty one', () => {
    expect(chooseDataFolder({ ...base, env: { WAYPOINT_DATA_DIR: 'Data' } })).toEqual({ folder: join(exeDir, 'Data'), mode: 'override' });
    expect(chooseDataFolder({ ...base, env: { WAYPOINT_DATA_DIR: '  ' } }).mode).toBe('normal');
  });

  it('does not take other flags for --portable', () => {
    expect(chooseDataFolder({ ...base, argv: ['waypoint', '--portable-ish', '--no-portable'] }).mode).toBe('normal');
  });
});

describe('executableFolder', () => {
  it('is the executable’s folder on an ordinary install', () => {
    const exe = join(exeDir, 'waypoint');
    expect(executableFolder(exe, {}, 'linux')).toBe(exeDir);
  });

  it('is where the Windows portable .exe is, not the temporary folder it unpacks to', () => {
    const temp = join(resolve('/tmp'), 'abc123', 'Waypoint.exe');
    expect(executableFolder(temp, { PORTABLE_EXECUTABLE_DIR: exeDir }, 'win32')).toBe(exeDir);
  });

  it('is where the .AppImage file is, not its temporary mount', () => {
    const mounted = join(resolve('/tmp'), '.mount_WaypoXYZ', 'waypoint');
    expect(executableFolder(mounted, { APPIMAGE: join(exeDir, 'Waypoint-0.1.0-x86_64.AppImage') }, 'linux')).toBe(exeDir);
  });

  it('is the folder that holds Waypoint.app on macOS, outside the signed bundle', () => {
    const exe = join(exeDir, 'Waypoint.app', 'Contents', 'MacOS', 'Waypoint');
    expect(executableFolder(exe, {}, 'darwin')).toBe(exeDir);
  });
});
