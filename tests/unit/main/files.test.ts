import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import { exportFileName, filesContract } from '@shared/files';
import { filesHandlers } from '../../../src/main/ipc/files';
import { previewSavePath } from '../../../src/preview/save-path';

/** Requests without a vault passphrase never ask for one. */
const notAsked = async () => {
  throw new Error('the passphrase was not expected to be checked');
};

describe('files.save', () => {
  it('writes to the chosen path, and reports a cancelled dialog as not saved', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-files-'));
    const save = filesHandlers(async (name) => join(folder, name), notAsked)['files.save'];
    expect(await save({ suggestedName: 'a.csv', kind: 'csv', data: 'x,y\n', encoding: 'utf8' })).toEqual({ saved: true, path: join(folder, 'a.csv') });
    expect(await readFile(join(folder, 'a.csv'), 'utf8')).toBe('x,y\n');
    const cancelled = filesHandlers(async () => null, notAsked)['files.save'];
    expect(await cancelled({ suggestedName: 'b.csv', kind: 'csv', data: 'z', encoding: 'utf8' })).toEqual({ saved: false, path: null });
  });

  it('decodes base64 for binary files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-files-'));
    const save = filesHandlers(async (name) => join(folder, name), notAsked)['files.save'];
    await save({ suggestedName: 'x.pdf', kind: 'pdf', data: Buffer.from([0x25, 0x50, 0x44, 0x46]).toString('base64'), encoding: 'base64' });
    expect(await readFile(join(folder, 'x.pdf'), 'latin1')).toBe('%PDF');
  });

  it('gives a typed error when the write fails', async () => {
    const save = filesHandlers(async () => join(tmpdir(), 'no-such-folder-waypoint', 'deeper', 'x.csv'), notAsked)['files.save'];
    await expect(save({ suggestedName: 'x.csv', kind: 'csv', data: 'x', encoding: 'utf8' })).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED' });
  });

  it('with a vault passphrase, checks it before the save dialog: a wrong one writes nothing and asks nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-files-'));
    const confirm = vi.fn(async (passphrase: string) => {
      if (passphrase !== 'the vault passphrase') throw new AppError('VAULT_WRONG_PASSPHRASE', 'wrong passphrase');
    });
    const choose = vi.fn(async (name: string) => join(folder, name));
    const save = filesHandlers(choose, confirm)['files.save'];
    const request = { suggestedName: 'cases.csv', kind: 'csv', data: 'wp_Alias\r\nAmina\r\n', encoding: 'utf8' } as const;
    await expect(save({ ...request, vaultPassphrase: 'a guess' })).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' });
    expect(choose).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
    expect(await save({ ...request, vaultPassphrase: 'the vault passphrase' })).toEqual({ saved: true, path: join(folder, 'cases.csv') });
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('never overwrites in the preview exports folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-files-'));
    const save = filesHandlers(previewSavePath(folder), notAsked)['files.save'];
    await save({ suggestedName: 'cases.csv', kind: 'csv', data: '1', encoding: 'utf8' });
    await save({ suggestedName: 'cases.csv', kind: 'csv', data: '2', encoding: 'utf8' });
    expect((await readdir(join(folder, 'exports'))).sort()).toEqual(['cases (2).csv', 'cases.csv']);
  });

  it.each(['../evil.csv', 'a/b.csv', 'C:\\x.csv', '..', 'a\u0000.csv', ''])('refuses the file name %j', (name) => {
    expect(filesContract['files.save'].request.safeParse({ suggestedName: name, kind: 'csv', data: '', encoding: 'utf8' }).success).toBe(false);
  });
});

describe('exportFileName', () => {
  it('names the kind of file and the local day, and nothing else', () => {
    const day = new Date(2026, 11, 7, 23, 59); // local time: late in the day, the UTC date may already be the next one
    expect(exportFileName('export', 'pdf', day)).toBe('waypoint-export-2026-12-07.pdf');
    expect(exportFileName('cases', 'csv', day)).toBe('waypoint-cases-2026-12-07.csv');
    expect(exportFileName('cases-deidentified', 'csv', day)).toBe('waypoint-cases-deidentified-2026-12-07.csv');
    expect(exportFileName('directory', 'zip', new Date(2027, 0, 3))).toBe('waypoint-directory-2027-01-03.zip');
    // Every name the save dialog may suggest passes the contract's own check of file names.
    expect(filesContract['files.save'].request.shape.suggestedName.safeParse(exportFileName('backup', 'wpbackup', day)).success).toBe(true);
  });
});
