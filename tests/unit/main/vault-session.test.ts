import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { vaultHandlers } from '../../../src/main/ipc/vault';
import { createDispatch, type Handlers } from '../../../src/main/ipc/dispatch';
import { createSettingsStore } from '../../../src/main/services/settings';
import { createVault } from '../../../src/main/services/vault';
import { createEraser, VaultSession } from '../../../src/main/services/session';

describe('VaultSession', () => {
  it('tells its listeners about a lock of an unlocked vault, once, and wipes the key', () => {
    const session = new VaultSession();
    const heard = vi.fn();
    session.onLock(heard);
    const key = Buffer.alloc(32, 9);
    session.open(key);
    session.lock();
    session.lock(); // already locked: nothing more to tell
    expect(heard).toHaveBeenCalledOnce();
    expect(key.every((byte) => byte === 0)).toBe(true);
  });

  it('an unlock is not a lock: listeners (which replace the page) do not hear one, even when a key is replaced', () => {
    const session = new VaultSession();
    const heard = vi.fn();
    session.onLock(heard);
    const first = Buffer.alloc(32, 1);
    session.open(first);
    session.open(Buffer.alloc(32, 2));
    expect(heard).not.toHaveBeenCalled();
    expect(first.every((byte) => byte === 0)).toBe(true);
    expect(session.unlocked).toBe(true);
  });

  it('a listener that unsubscribed hears nothing', () => {
    const session = new VaultSession();
    const heard = vi.fn();
    session.onLock(heard)();
    session.open(Buffer.alloc(32, 1));
    session.lock();
    expect(heard).not.toHaveBeenCalled();
  });
});

describe('vault.status during an erase', () => {
  it('waits until the erase has cleared the browser engine: the page a lock put in place must not see it half done', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-session-'));
    try {
      const vault = createVault({ folder, testOnlyScryptLogN: 10 });
      const session = new VaultSession();
      let finishClearing = () => {};
      const platform = {
        quickExit: () => {},
        clearBrowserData: vi.fn(() => new Promise<void>((resolve) => (finishClearing = resolve))),
        eraseNeedsPassphrase: false,
      };
      const eraser = createEraser(vault, session, createSettingsStore(folder), platform);
      const dispatch = createDispatch(vaultHandlers(vault, session, eraser, platform) as Handlers, () => {});
      expect((await dispatch('vault.create', { passphrase: 'lantern orchard quietly seventeen' })).ok).toBe(true);

      const erasing = dispatch('vault.erase', { confirm: true });
      await vi.waitFor(() => expect(platform.clearBrowserData).toHaveBeenCalled());
      let answered = false;
      const status = dispatch('vault.status', undefined).then((result) => ((answered = true), result));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      finishClearing();
      expect(await erasing).toEqual({ ok: true, value: null });
      expect(await status).toMatchObject({ ok: true, value: { exists: false, unlocked: false } });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
