import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { channels } from '@shared/channels';
import { AppError } from '@shared/errors';
import { defaultSettings } from '@shared/settings';
import { createDispatch, type Handlers } from '../../../src/main/ipc/dispatch';
import { handle, isTrustedSender } from '../../../src/main/ipc/handle';

type Listener = (event: IpcMainInvokeEvent, request: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    handle: (channel: string, listener: Listener) => void listeners.set(channel, listener),
    invoke: (channel: string, event: IpcMainInvokeEvent, request?: unknown) => {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`nothing registered for ${channel}`);
      return listener(event, request);
    },
    listeners,
  };
}

function eventFrom(url: string, parent: object | null = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = Object.fromEntries(channels.map((channel) => [channel, async () => Promise.reject(new Error(`${channel} is not used in this test`))])) as unknown as Handlers;
  return {
    ...unused,
    'app.info': async () => ({
      name: 'Waypoint',
      version: '1.0.0',
      platform: 'linux',
      dataFolder: '/tmp',
      runtime: 'electron',
      buildDate: null,
      dataFolderMode: 'normal',
      notices: [],
    }),
    'settings.get': async () => defaultSettings,
    'settings.set': async (patch) => ({ ...defaultSettings, ...patch }),
    ...overrides,
  };
}

const trusted = isTrustedSender(['app://waypoint']);

describe('handle()', () => {
  it('registers every channel of the contract', () => {
    const ipc = fakeIpcMain();
    handle(ipc, createDispatch(handlers()), trusted);
    expect([...ipc.listeners.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers the app page with { ok: true, value }', async () => {
    const ipc = fakeIpcMain();
    handle(ipc, createDispatch(handlers()), trusted);
    const result = await ipc.invoke('settings.set', eventFrom('app://waypoint/index.html'), { language: 'ar' });
    expect(result).toEqual({ ok: true, value: { ...defaultSettings, language: 'ar' } });
  });

  it.each([
    ['another origin', eventFrom('https://example.org/')],
    ['a file: page', eventFrom('file:///tmp/index.html')],
    ['a sub-frame of the app', eventFrom('app://waypoint/index.html', {})],
    ['no frame at all', { senderFrame: null } as unknown as IpcMainInvokeEvent],
  ])('refuses %s without running the handler', async (_name, event) => {
    const set = vi.fn(async () => defaultSettings);
    const ipc = fakeIpcMain();
    handle(ipc, createDispatch(handlers({ 'settings.set': set })), trusted);
    const result = await ipc.invoke('settings.set', event, { language: 'ar' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(set).not.toHaveBeenCalled();
  });

  it('refuses a request that does not match the schema, naming the field', async () => {
    const set = vi.fn(async () => defaultSettings);
    const ipc = fakeIpcMain();
    handle(ipc, createDispatch(handlers({ 'settings.set': set })), trusted);
    const result = await ipc.invoke('settings.set', eventFrom('app://waypoint/'), { autoLockMinutes: 'soon' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('autoLockMinutes') } });
    const extra = await ipc.invoke('settings.set', eventFrom('app://waypoint/'), { language: 'en', isAdmin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(set).not.toHaveBeenCalled();
  });

  it('turns a thrown AppError into its code and anything else into INTERNAL', async () => {
    const log = vi.fn();
    const ipc = fakeIpcMain();
    const dispatch = createDispatch(
      handlers({
        'settings.get': async () => {
          throw new AppError('SETTINGS_WRITE_FAILED', 'disk full');
        },
        'app.info': async () => {
          throw new TypeError('secret detail');
        },
      }),
      log,
    );
    handle(ipc, dispatch, trusted);
    expect(await ipc.invoke('settings.get', eventFrom('app://waypoint/'))).toEqual({
      ok: false,
      error: { code: 'SETTINGS_WRITE_FAILED', message: 'disk full' },
    });
    const internal = await ipc.invoke('app.info', eventFrom('app://waypoint/'));
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'unexpected error' } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses a response that breaks the contract instead of passing it on', async () => {
    const dispatch = createDispatch(handlers({ 'settings.get': async () => ({ language: 'xx' }) as never }), () => {});
    expect(await dispatch('settings.get', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const dispatch = createDispatch(handlers());
    expect(await dispatch('vault.dump', undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
