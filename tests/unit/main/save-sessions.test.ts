import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import { filesContract, SAVE_CHUNK_BYTES } from '@shared/files';
import { createSaveSessions } from '../../../src/main/services/save-sessions';
import { VaultSession } from '../../../src/main/services/session';

async function setUp(choose?: (name: string) => Promise<string | null>) {
  const folder = await mkdtemp(join(tmpdir(), 'waypoint-save-'));
  const session = new VaultSession();
  session.open(randomBytes(32));
  const confirm = vi.fn(async (passphrase: string) => {
    if (passphrase !== 'the vault passphrase') throw new AppError('VAULT_WRONG_PASSPHRASE', 'wrong passphrase');
  });
  const saves = createSaveSessions({ confirmPassphrase: confirm, session, chooseSavePath: choose ?? (async (name) => join(folder, name)) });
  const begin = (size: number) => saves.steps['files.saveBegin']({ suggestedName: 'copy.jpg', kind: 'file', size, vaultPassphrase: 'the vault passphrase' });
  return { folder, session, confirm, saves, steps: saves.steps, begin };
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('a file saved in pieces', () => {
  it('takes ordered pieces into a temporary file beside the chosen one, and gives it the chosen name only when the last is in', async () => {
    const { folder, steps, begin } = await setUp();
    const bytes = randomBytes(SAVE_CHUNK_BYTES * 2 + 123);
    const { saved, sessionId } = await begin(bytes.length);
    expect(saved).toBe(true);
    const id = sessionId!;
    for (let offset = 0; offset < bytes.length; offset += SAVE_CHUNK_BYTES) {
      await steps['files.saveAppend']({ sessionId: id, offset, data: base64(bytes.subarray(offset, offset + SAVE_CHUNK_BYTES)) });
      const names = await readdir(folder);
      expect(names).not.toContain('copy.jpg'); // nothing under the chosen name before the end
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^\.copy\.jpg\.[0-9a-f]{32}\.part$/);
    }
    expect(await steps['files.saveFinish']({ sessionId: id })).toEqual({ path: join(folder, 'copy.jpg') });
    expect(await readdir(folder)).toEqual(['copy.jpg']);
    expect((await readFile(join(folder, 'copy.jpg'))).equals(bytes)).toBe(true);
  });

  it('leaves nothing behind on a cancel, a piece out of order, a short file, a lock, or a newer save; an existing file keeps its bytes', async () => {
    const { folder, session, saves, steps, begin } = await setUp();
    await writeFile(join(folder, 'copy.jpg'), 'the earlier copy');
    const piece = base64(randomBytes(100));
    const leftovers = async () => (await readdir(folder)).filter((name) => name !== 'copy.jpg');

    let id = (await begin(200)).sessionId!;
    await steps['files.saveAppend']({ sessionId: id, offset: 0, data: piece });
    await steps['files.saveAbort']({ sessionId: id });
    expect(await leftovers()).toEqual([]);

    id = (await begin(200)).sessionId!;
    await expect(steps['files.saveAppend']({ sessionId: id, offset: 100, data: piece })).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED' });
    expect(await leftovers()).toEqual([]);
    await expect(steps['files.saveAppend']({ sessionId: id, offset: 0, data: piece })).rejects.toMatchObject({ code: 'FILE_SAVE_ENDED' });

    id = (await begin(200)).sessionId!;
    await steps['files.saveAppend']({ sessionId: id, offset: 0, data: piece });
    await expect(steps['files.saveFinish']({ sessionId: id })).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED' });
    expect(await leftovers()).toEqual([]);

    id = (await begin(100)).sessionId!;
    await expect(steps['files.saveAppend']({ sessionId: id, offset: 0, data: base64(randomBytes(101)) })).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED' });
    expect(await leftovers()).toEqual([]);

    const older = (await begin(200)).sessionId!;
    await steps['files.saveAppend']({ sessionId: older, offset: 0, data: piece });
    id = (await begin(200)).sessionId!;
    await expect(steps['files.saveAppend']({ sessionId: older, offset: 100, data: piece })).rejects.toMatchObject({ code: 'FILE_SAVE_ENDED' });
    expect(saves.openSessions()).toBe(1);

    await steps['files.saveAppend']({ sessionId: id, offset: 0, data: piece });
    session.lock();
    await vi.waitFor(async () => expect(await leftovers()).toEqual([]));
    expect(saves.openSessions()).toBe(0);
    await expect(steps['files.saveAppend']({ sessionId: id, offset: 100, data: piece })).rejects.toMatchObject({ code: 'VAULT_IS_LOCKED' });

    expect(await readFile(join(folder, 'copy.jpg'), 'utf8')).toBe('the earlier copy');
  });

  it('checks the vault passphrase before the dialog, and opens nothing when the dialog is cancelled', async () => {
    const choose = vi.fn(async (): Promise<string | null> => null);
    const { folder, confirm, steps } = await setUp(choose);
    await expect(steps['files.saveBegin']({ suggestedName: 'copy.jpg', kind: 'file', size: 1, vaultPassphrase: 'a guess' })).rejects.toMatchObject({
      code: 'VAULT_WRONG_PASSPHRASE',
    });
    expect(choose).not.toHaveBeenCalled();
    expect(await steps['files.saveBegin']({ suggestedName: 'copy.jpg', kind: 'file', size: 1, vaultPassphrase: 'the vault passphrase' })).toEqual({
      saved: false,
      sessionId: null,
    });
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses a piece larger than one chunk, and a session id that is not one', () => {
    const append = filesContract['files.saveAppend'].request;
    const sessionId = 'a'.repeat(32);
    expect(append.safeParse({ sessionId, offset: 0, data: base64(randomBytes(SAVE_CHUNK_BYTES)) }).success).toBe(true);
    expect(append.safeParse({ sessionId, offset: 0, data: base64(randomBytes(SAVE_CHUNK_BYTES + 3)) }).success).toBe(false);
    expect(append.safeParse({ sessionId: '../x', offset: 0, data: '' }).success).toBe(false);
  });
});
