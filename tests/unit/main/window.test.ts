import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not available here: the module is replaced by recorders of what the code asks of it.
const created: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn> }> = [];
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = fakeWebContents();
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    showInactive = vi.fn();
    minimize = vi.fn();
    maximize = vi.fn();
    setFullScreen = vi.fn();
    constructor(public options: unknown) {
      created.push(this);
    }
  }
  return { BrowserWindow, shell: { openExternal: vi.fn(async () => {}) } };
});

function fakeWebContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    emit: (name: string, ...args: unknown[]) => listeners.get(name)?.(...args),
    open: (url: string) => openHandler?.({ url }),
  };
}

const { createSecureWindow, guardEveryWebContents, guardWebContents, secureWindowOptions, showPlaced } = await import('../../../src/main/window');
const { shell } = await import('electron');

beforeEach(() => {
  created.length = 0;
  vi.mocked(shell.openExternal).mockClear();
});

describe('secureWindowOptions', () => {
  it('turns on every isolation and turns off every integration', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs', false);
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('gives every window those options and loads only the app page', () => {
    createSecureWindow('/app/preload.cjs', 'app://waypoint/index.html', false);
    expect(created).toHaveLength(1);
    expect(created[0]!.options).toEqual(secureWindowOptions('/app/preload.cjs', false));
    expect(created[0]!.loadURL).toHaveBeenCalledWith('app://waypoint/index.html');
  });
});

describe('guardWebContents', () => {
  function guarded() {
    const contents = fakeWebContents();
    const openExternal = vi.fn(async () => {});
    guardWebContents(contents as never, 'app://waypoint/index.html', openExternal);
    return { contents, openExternal };
  }

  it('cancels navigation away from the app page', () => {
    const { contents } = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-navigate', event, 'https://example.org/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies new windows and sends allowed links to the system browser', () => {
    const { contents, openExternal } = guarded();
    expect(contents.open('https://www.coe.int/en/web/anti-human-trafficking')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.coe.int/en/web/anti-human-trafficking');
  });

  it.each(['http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://127.0.0.1/', 'smb://server/share'])('never opens %s anywhere', (url) => {
    const { contents, openExternal } = guarded();
    expect(contents.open(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses webviews and redirects', () => {
    const { contents } = guarded();
    for (const name of ['will-attach-webview', 'will-redirect']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://example.org/');
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });
});

describe('guardEveryWebContents', () => {
  it('guards every web contents the app creates, whichever window it belongs to', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    guardEveryWebContents({ on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener) } as never, 'app://waypoint/index.html');
    for (const _window of [1, 2]) {
      const contents = fakeWebContents();
      listeners.get('web-contents-created')!({}, contents);
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, 'https://example.org/');
      expect(event.preventDefault).toHaveBeenCalled();
      expect(contents.open('https://example.org/')).toEqual({ action: 'deny' });
    }
  });
});

describe('a window that replaces another', () => {
  const bounds = { x: 10, y: 20, width: 1000, height: 700 };

  it('is made where the old one was', () => {
    createSecureWindow('/app/preload.cjs', 'app://waypoint/index.html', false, { bounds, state: 'normal', focus: true });
    expect(created[0]!.options).toMatchObject(bounds);
  });

  it.each([
    ['normal', true, ['show']],
    ['normal', false, ['showInactive']],
    ['maximized', true, ['maximize', 'show']],
    ['fullscreen', false, ['setFullScreen', 'showInactive']],
    ['minimized', false, ['minimize']],
  ] as const)('shows as it was: %s, focused %s', (state, focus, calls) => {
    const window = { show: vi.fn(), showInactive: vi.fn(), minimize: vi.fn(), maximize: vi.fn(), setFullScreen: vi.fn() };
    showPlaced(window, { bounds, state, focus });
    const made = Object.entries(window).flatMap(([name, fn]) => (fn.mock.calls.length > 0 ? [name] : []));
    expect(made.sort()).toEqual([...calls].sort());
  });
});
