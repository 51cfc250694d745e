import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clampAutoLockMinutes, defaultSettings } from '@shared/settings';
import { createSettingsStore, SETTINGS_FILE } from '../../../src/main/services/settings';
import { enforceLocking, IDLE_CHECK_MS, VaultSession, type PageEvents, type Timers } from '../../../src/main/services/session';

/** A clock that only moves when the test says so, with the timers that run on it. */
class FakeClock implements Timers {
  now = 0;
  private pending = new Map<number, { at: number; callback: () => unknown }>();
  private nextId = 1;
  set(callback: () => unknown, ms: number): number {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Moves time on by `ms`, running each timer that falls due, in order, and what it awaits. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      await due[1].callback();
    }
    this.now = end;
  }
}

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Main's locking over fakes: the system has been idle since `lastInput` on the fake clock. */
function setUp(autoLockMinutes: () => Promise<number> = async () => 5) {
  const clock = new FakeClock();
  const power = new EventEmitter();
  const session = new VaultSession();
  const replacePage = vi.fn();
  let lastInput = 0;
  const locking = enforceLocking({
    session,
    power: power as never,
    idleSeconds: () => Math.floor((clock.now - lastInput) / 1000),
    autoLockMinutes,
    replacePage,
    timers: clock,
    defer: (callback) => setImmediate(callback),
  });
  stops.push(() => locking.stop());
  const key = Buffer.alloc(32, 7);
  session.open(key);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { clock, power, session, replacePage, locking, key, settle, input: () => (lastInput = clock.now) };
}

class FakePage extends EventEmitter implements PageEvents {}

describe('main locks on system sleep and screen lock', () => {
  it.each(['suspend', 'lock-screen'])('on %s: the key is wiped and the page is replaced, once', async (event) => {
    const { power, session, key, replacePage, settle } = setUp();
    power.emit(event);
    power.emit(event);
    expect(session.unlocked).toBe(false);
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(replacePage).not.toHaveBeenCalled(); // never from inside the event itself
    await settle();
    expect(replacePage).toHaveBeenCalledOnce();
  });
});

describe('main locks after the idle minutes, from the system idle time', () => {
  it('locks once the system has been idle for the setting, not before, and input in between starts again', async () => {
    const { clock, session, replacePage, input, settle } = setUp(async () => 5);
    await clock.advance(4 * 60_000);
    input();
    await clock.advance(4 * 60_000 + 59_000);
    expect(session.unlocked).toBe(true);
    await clock.advance(IDLE_CHECK_MS);
    expect(session.unlocked).toBe(false);
    await settle();
    expect(replacePage).toHaveBeenCalledOnce();
  });

  it('reads the setting at each check: a shorter one takes hold within one check', async () => {
    let minutes = 30;
    const { clock, session } = setUp(async () => minutes);
    await clock.advance(10 * 60_000);
    expect(session.unlocked).toBe(true);
    minutes = 2;
    await clock.advance(IDLE_CHECK_MS);
    expect(session.unlocked).toBe(false);
  });

  it.each([
    [0, 1],
    [-5, 1],
    [1e9, 240],
    [Number.POSITIVE_INFINITY, 240],
    [Number.NaN, defaultSettings.autoLockMinutes],
  ])('holds a setting of %s to %s minutes', async (value, minutes) => {
    const { clock, session } = setUp(async () => value);
    await clock.advance(minutes * 60_000 - 1000);
    expect(session.unlocked).toBe(true);
    await clock.advance(IDLE_CHECK_MS + 1000);
    expect(session.unlocked).toBe(false);
  });

  it('locks by the default when the settings cannot be read', async () => {
    const { clock, session } = setUp(async () => {
      throw new Error('EACCES');
    });
    await clock.advance(defaultSettings.autoLockMinutes * 60_000 + IDLE_CHECK_MS);
    expect(session.unlocked).toBe(false);
  });

  it('checks nothing while locked, and watches again after the next unlock', async () => {
    const { clock, session, replacePage, settle } = setUp(async () => 1);
    session.lock();
    await settle();
    replacePage.mockClear();
    await clock.advance(10 * 60_000);
    expect(replacePage).not.toHaveBeenCalled();
    session.open(Buffer.alloc(32, 1)); // idle the whole time: the next check locks
    await clock.advance(IDLE_CHECK_MS);
    expect(session.unlocked).toBe(false);
  });
});

describe('a hostile settings.json', () => {
  let folder = '';
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it.each([
    [{ autoLockMinutes: 100_000, language: 'fr' }, 240],
    [{ autoLockMinutes: 0, language: 'fr' }, 1],
    [{ autoLockMinutes: -1e308, language: 'fr' }, 1],
    [{ autoLockMinutes: 12.4, language: 'fr' }, 12],
  ])('%j: main locks after %s minutes of idle, and the rest of the file is kept', async (content, minutes) => {
    folder = await mkdtemp(join(tmpdir(), 'waypoint-locking-'));
    await writeFile(join(folder, SETTINGS_FILE), JSON.stringify(content));
    const settings = createSettingsStore(folder);
    const { clock, session } = setUp(async () => (await settings.get()).autoLockMinutes);
    await clock.advance(minutes * 60_000 - 1000);
    expect(session.unlocked).toBe(true);
    await clock.advance(IDLE_CHECK_MS + 1000);
    expect(session.unlocked).toBe(false);
    expect(await settings.get()).toMatchObject({ language: 'fr', autoLockMinutes: minutes });
    expect(settings.takeNotices()).toEqual([]);
  });

  it('a value that is not a number is set aside as before, and the default applies', async () => {
    folder = await mkdtemp(join(tmpdir(), 'waypoint-locking-'));
    await writeFile(join(folder, SETTINGS_FILE), JSON.stringify({ autoLockMinutes: 'never' }));
    const settings = createSettingsStore(folder);
    expect((await settings.get()).autoLockMinutes).toBe(defaultSettings.autoLockMinutes);
    expect(settings.takeNotices()).toHaveLength(1);
  });

  it('clampAutoLockMinutes gives the default for anything but a number', () => {
    for (const value of ['5', null, undefined, {}, [], true]) expect(clampAutoLockMinutes(value)).toBe(defaultSettings.autoLockMinutes);
  });
});

describe('main locks when the page fails', () => {
  it.each(['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed'])('process gone (%s): locks, wipes the key, replaces the page', async (reason) => {
    const { session, locking, key, replacePage, settle } = setUp();
    const page = new FakePage();
    locking.watchPage(page, () => true);
    page.emit('render-process-gone', {}, { reason, exitCode: 1 });
    expect(session.unlocked).toBe(false);
    expect(key.every((byte) => byte === 0)).toBe(true);
    await settle();
    expect(replacePage).toHaveBeenCalledOnce();
  });

  it('a page that crashed at the lock screen is replaced too', async () => {
    const { session, locking, replacePage, settle } = setUp();
    session.lock();
    await settle();
    replacePage.mockClear();
    const page = new FakePage();
    locking.watchPage(page, () => true);
    page.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(replacePage).toHaveBeenCalledOnce();
  });

  it("the window closing (clean exit) locks, and asks for no page beyond the lock's own", async () => {
    const { session, locking, replacePage, settle } = setUp();
    const page = new FakePage();
    locking.watchPage(page, () => true);
    page.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(session.unlocked).toBe(false);
    await settle();
    expect(replacePage).toHaveBeenCalledOnce(); // the lock's: a window that is gone is not replaced (app-window.ts)
    page.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await settle();
    expect(replacePage).toHaveBeenCalledOnce();
  });

  it('a page already replaced is ignored: the end of its process does not replace the next page', async () => {
    const { session, locking, replacePage, settle } = setUp();
    const page = new FakePage();
    locking.watchPage(page, () => false);
    page.emit('render-process-gone', {}, { reason: 'killed', exitCode: 1 });
    page.emit('unresponsive');
    await settle();
    expect(session.unlocked).toBe(true);
    expect(replacePage).not.toHaveBeenCalled();
  });

  it('a hung page is not waited for: main locks and replaces it at once', async () => {
    const { session, locking, replacePage, settle } = setUp();
    const page = new FakePage();
    locking.watchPage(page, () => true);
    page.emit('unresponsive');
    expect(session.unlocked).toBe(false);
    await settle();
    expect(replacePage).toHaveBeenCalledOnce();
  });
});
