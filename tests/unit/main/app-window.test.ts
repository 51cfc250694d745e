import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createAppWindow, type HeldWindow } from '../../../src/main/app-window';
import type { Placement } from '../../../src/main/window';

/** A window's state as Electron reports it; what the holder does to it is recorded in `log`. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  minimized = false;
  maximized = false;
  fullScreen = false;
  visible = true;
  focused = true;
  constructor(
    readonly placement: Placement | null,
    readonly log: string[],
    readonly id: number,
  ) {
    super();
  }
  getNormalBounds = () => ({ x: 40, y: 50, width: 900 + this.id, height: 700 });
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  isFocused = () => this.focused;
  isDestroyed = () => this.destroyed;
  destroy = () => {
    this.log.push(`destroy ${this.id}`);
    this.destroyed = true;
    this.emit('closed');
  };
  minimize = () => {
    this.log.push(`minimize ${this.id}`);
  };
  restore = () => {
    this.log.push(`restore ${this.id}`);
    this.minimized = false;
  };
  show = () => this.log.push(`show ${this.id}`);
  focus = () => this.log.push(`focus ${this.id}`);
}

function held() {
  const log: string[] = [];
  const windows: FakeWindow[] = [];
  const watched: FakeWindow[] = [];
  const appWindow = createAppWindow(
    (placement) => {
      const window = new FakeWindow(placement, log, windows.length + 1);
      log.push(`create ${window.id}`);
      windows.push(window);
      return window as FakeWindow & HeldWindow;
    },
    (window) => watched.push(window),
  );
  appWindow.open();
  return { appWindow, windows, log, watched };
}

describe('the app window across locks', () => {
  it('a replacement destroys the old window first, then opens a new one in its place, watched like the first', () => {
    const { appWindow, windows, log, watched } = held();
    const [first] = windows;
    appWindow.replace();
    expect(log).toEqual(['create 1', 'destroy 1', 'create 2']);
    expect(appWindow.current()).toBe(windows[1]);
    expect(windows[1]!.placement).toEqual({ bounds: first!.getNormalBounds(), state: 'normal', focus: true });
    expect(watched).toEqual(windows);
  });

  it.each([
    ['maximized', (window: FakeWindow): void => void (window.maximized = true)],
    ['fullscreen', (window: FakeWindow): void => void (window.fullScreen = true)],
    ['minimized', (window: FakeWindow): void => void (window.minimized = true)],
  ] as const)('keeps the state (%s), and takes the focus only if the old window had it', (state, set) => {
    const { appWindow, windows } = held();
    set(windows[0]!);
    windows[0]!.focused = false;
    appWindow.replace();
    expect(windows[1]!.placement).toMatchObject({ state, focus: false });
  });

  it('after Quick exit the new window stays minimised, even before the system has minimised the old one', () => {
    const { appWindow, windows, log } = held();
    appWindow.hideNow();
    expect(log).toContain('minimize 1');
    appWindow.replace(); // windows[0].minimized is still false: on Linux minimising is asynchronous
    expect(windows[1]!.placement).toMatchObject({ state: 'minimized', focus: false });
    appWindow.bringToFront();
    appWindow.replace();
    expect(windows[2]!.placement).toMatchObject({ state: 'normal' });
  });

  it('a window replaced again before it showed goes where it was going', () => {
    const { appWindow, windows } = held();
    windows[0]!.maximized = true;
    appWindow.replace();
    windows[1]!.visible = false;
    appWindow.replace();
    expect(windows[2]!.placement).toEqual(windows[1]!.placement);
  });

  it('says it is replacing while no window is open, so the app does not quit then', () => {
    const { appWindow, windows } = held();
    let replacingWhenClosed: boolean | null = null;
    windows[0]!.on('closed', () => (replacingWhenClosed = appWindow.replacing()));
    appWindow.replace();
    expect(replacingWhenClosed).toBe(true);
    expect(appWindow.replacing()).toBe(false);
  });

  it('does nothing once the window was closed: a lock while quitting opens no window', () => {
    const { appWindow, windows, log } = held();
    windows[0]!.destroy();
    expect(appWindow.current()).toBeNull();
    appWindow.replace();
    expect(log).toEqual(['create 1', 'destroy 1']);
  });

  it('a second start brings a minimised window back and focuses it', () => {
    const { appWindow, windows, log } = held();
    windows[0]!.minimized = true;
    appWindow.bringToFront();
    expect(log.slice(1)).toEqual(['restore 1', 'focus 1']);
  });
});
