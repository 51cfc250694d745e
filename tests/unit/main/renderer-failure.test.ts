import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { lockWhenRendererFails } from '../../../src/main/security/renderer-failure';
import { VaultSession } from '../../../src/main/services/session';

/** Stands in for Electron's WebContents: the events it emits, and reload. */
class FakePage extends EventEmitter {
  destroyed = false;
  reload = vi.fn();
  isDestroyed = () => this.destroyed;
}

function watched() {
  const page = new FakePage();
  const session = new VaultSession();
  const key = Buffer.alloc(32, 7);
  session.open(key);
  lockWhenRendererFails(page as unknown as WebContents, session);
  return { page, session, key };
}

describe('lockWhenRendererFails', () => {
  it.each(['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed'])('locks and loads the page again when its process is gone (%s)', (reason) => {
    const { page, session, key } = watched();
    page.emit('render-process-gone', {}, { reason, exitCode: 1 });
    expect(session.unlocked).toBe(false);
    expect(key.every((byte) => byte === 0)).toBe(true); // the key is wiped, not only dropped
    expect(page.reload).toHaveBeenCalledTimes(1);
  });

  it('locks without loading anything again when the window closes', () => {
    const { page, session } = watched();
    page.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(session.unlocked).toBe(false);
    expect(page.reload).not.toHaveBeenCalled();
  });

  it('does not load a destroyed page again', () => {
    const { page, session } = watched();
    page.destroyed = true;
    page.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(session.unlocked).toBe(false);
    expect(page.reload).not.toHaveBeenCalled();
  });

  it('locks at once when the page hangs, and loads it again when it answers', () => {
    const { page, session } = watched();
    page.emit('unresponsive');
    expect(session.unlocked).toBe(false);
    expect(page.reload).not.toHaveBeenCalled();
    page.emit('responsive');
    expect(page.reload).toHaveBeenCalledTimes(1);
    // Answering again later, without a hang in between, changes nothing.
    page.emit('responsive');
    expect(page.reload).toHaveBeenCalledTimes(1);
  });
});
