import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not available here: src/main/index.ts runs against recorders of what it asks
// of Electron, to check the thin layer's wiring (the logic is tested in its own modules).
const electron = vi.hoisted(() => ({
  packaged: true,
  dataFolder: '',
  windows: [] as Array<{ pageEvents: string[] }>,
  errorBoxes: [] as string[],
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  powerEvents: [] as string[],
}));

vi.mock('electron', () => {
  const noop = () => {};
  const fakeSession = {
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
    setDevicePermissionHandler: noop,
    on: noop,
    webRequest: { onBeforeRequest: noop },
    // A start without a vault clears what the browser engine keeps (src/main/browser-data.ts).
    clearData: async () => {},
    clearStorageData: async () => {},
    clearCache: async () => {},
    clearCodeCaches: async () => {},
    clearAuthCache: async () => {},
    clearHostResolverCache: async () => {},
  };
  class BrowserWindow {
    pageEvents: string[] = [];
    webContents = {
      on: (name: string) => this.pageEvents.push(name),
      setWindowOpenHandler: noop,
      reload: noop,
      isDestroyed: () => false,
    };
    loadURL = async () => {};
    once = noop;
    on = noop;
    constructor() {
      electron.windows.push(this);
    }
  }
  return {
    app: {
      get isPackaged() {
        return electron.packaged;
      },
      getPath: () => electron.dataFolder,
      setPath: noop,
      getAppPath: () => join(electron.dataFolder, 'no-app'),
      getName: () => 'Waypoint',
      getVersion: () => '0.0.0',
      commandLine: { hasSwitch: () => false, appendSwitch: noop },
      requestSingleInstanceLock: () => true,
      on: (name: string, listener: (...args: unknown[]) => void) => electron.appEvents.set(name, listener),
      quit: noop,
      whenReady: () => Promise.resolve(),
    },
    dialog: { showErrorBox: (_title: string, message: string) => electron.errorBoxes.push(message) },
    ipcMain: { handle: noop },
    powerMonitor: { on: (name: string) => electron.powerEvents.push(name), getSystemIdleTime: () => 0 },
    protocol: { registerSchemesAsPrivileged: noop, handle: noop },
    session: { defaultSession: fakeSession, fromPartition: () => fakeSession },
    shell: { openExternal: noop },
    BrowserWindow,
  };
});

const argv = process.argv;

beforeEach(async () => {
  vi.resetModules();
  electron.windows.length = 0;
  electron.errorBoxes.length = 0;
  electron.appEvents.clear();
  electron.powerEvents.length = 0;
  electron.dataFolder = await mkdtemp(join(tmpdir(), 'waypoint-startup-'));
  vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
    throw new Error(`process.exit(${code})`);
  }) as typeof process.exit);
});

afterEach(() => {
  process.argv = argv;
  vi.restoreAllMocks();
});

async function start(...args: string[]) {
  process.argv = ['/opt/Waypoint/waypoint', ...args];
  await import('../../../src/main/index');
  // Past app.whenReady() and the start's own file work (an unfinished erase is finished first).
  await vi.waitFor(() => expect(electron.windows.length + electron.errorBoxes.length).toBeGreaterThan(0), { timeout: 5000 });
}

describe('the main process at start', () => {
  it('refuses a debugging switch in the packaged app before any window, and says why', async () => {
    await expect(start('--remote-debugging-port=9222')).rejects.toThrow('process.exit(1)');
    expect(electron.windows).toHaveLength(0);
    expect(electron.errorBoxes[0]).toContain('--remote-debugging-port');
  });

  it('locks from main: its window is watched for a renderer that is gone or hangs, and sleep and screen lock are heard', async () => {
    await start();
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.pageEvents).toEqual(expect.arrayContaining(['render-process-gone', 'unresponsive']));
    expect(electron.powerEvents).toEqual(expect.arrayContaining(['suspend', 'lock-screen']));
  });

  it('guards every web contents the app creates, from one place: navigation, redirects, webviews and new windows', async () => {
    await start();
    const events: string[] = [];
    let openHandler = false;
    const contents = { on: (name: string) => events.push(name), setWindowOpenHandler: () => (openHandler = true) };
    electron.appEvents.get('web-contents-created')?.({}, contents);
    expect(events).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(openHandler).toBe(true);
  });

  it('lets a development run start with the inspector', async () => {
    electron.packaged = false;
    try {
      await start('--inspect=0', '--remote-debugging-port=0');
      expect(electron.windows).toHaveLength(1);
    } finally {
      electron.packaged = true;
    }
  });
});
